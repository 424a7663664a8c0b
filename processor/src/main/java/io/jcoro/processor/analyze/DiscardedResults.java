package io.jcoro.processor.analyze;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.model.AsyncMethod;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Analyze: warns about an expression statement of an {@code @Async} body whose value is one that
 * only does its job when the body goes on to use it, decided by the value's static type:
 *
 * <pre>
 *  static type                      discarded                    why
 *  Coroutine                        JCORO-W001                   its body never runs
 *  AsyncGenerator                   JCORO-W004                   nothing iterates it: its body never runs
 *  Awaitable (sleep, gather,        JCORO-W004                   nothing awaits it: the body goes on at once,
 *   waitFor, toThread, Net ...)                                  and what it produces or throws is lost
 *  Timeout                          JCORO-W004                   its scope is never closed
 *  Task, Promise                    -                            a future: its work is scheduled already
 *  CompletionStage, anything else   -                            not the runtime's: no contract to check
 * </pre>
 *
 * <p>An assignment keeps its value, and {@code await(...)} has used the awaitable it was given;
 * neither is a discarded result.
 */
final class DiscardedResults {
    private static final String AWAITABLE = "io.jcoro.Awaitable";
    private static final String COROUTINE = "io.jcoro.Coroutine";
    private static final String TASK = "io.jcoro.Task";
    private static final String PROMISE = "io.jcoro.Promise";
    private static final String ASYNC_GENERATOR = "io.jcoro.AsyncGenerator";
    private static final String TIMEOUT = "io.jcoro.Timeout";

    private final Attribution attribution;
    private final Diagnostics diagnostics;
    private final Types types;

    DiscardedResults(Attribution attribution, Diagnostics diagnostics, Types types) {
        this.attribution = attribution;
        this.diagnostics = diagnostics;
        this.types = types;
    }

    /**
     * Checks the expression of an expression statement ({@code expression}'s path) of
     * {@code method}'s own body, with {@code awaited} saying whether it is an {@code await(...)}.
     */
    void check(TreePath expression, boolean awaited, AsyncMethod method) {
        ExpressionTree tree = (ExpressionTree) expression.getLeaf();
        if (awaited || tree instanceof AssignmentTree || tree instanceof CompoundAssignmentTree) {
            return;
        }
        TypeMirror type = attribution.typeOf(expression);
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        String source = (tree instanceof MethodInvocationTree call ? call.getMethodSelect() : tree).toString();
        String consequence = consequence(name, type);
        if (name.equals(COROUTINE)) {
            diagnostics.report(DiagnosticCode.COROUTINE_NEVER_AWAITED, expression.getParentPath().getLeaf(),
                    method.unit(), method.element(), source);
        } else if (consequence != null) {
            diagnostics.report(DiagnosticCode.DISCARDED_AWAITABLE, expression.getParentPath().getLeaf(),
                    method.unit(), method.element(), name.substring(name.lastIndexOf('.') + 1), source, consequence);
        }
    }

    /** What is lost when a value of static type {@code type} (named {@code name}) is dropped; null: nothing. */
    private String consequence(String name, TypeMirror type) {
        switch (name) {
            case TASK, PROMISE:
                return null;
            case ASYNC_GENERATOR:
                return "nothing iterates it, so its body never runs";
            case TIMEOUT:
                return "its scope is never closed, so the task is cancelled at the deadline"
                        + " and the CancelledError is never turned into an AsyncTimeoutException";
            default:
                return isAwaitable(type)
                        ? "nothing awaits it, so the body goes on at once and whatever it would produce or throw is lost"
                        : null;
        }
    }

    /** Whether {@code type} is {@code io.jcoro.Awaitable} or one of its subtypes. */
    private boolean isAwaitable(TypeMirror type) {
        if (type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(AWAITABLE)) {
            return true;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (isAwaitable(supertype)) {
                return true;
            }
        }
        return false;
    }
}
