package io.jcoro.processor.lower;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.model.AsyncMethod;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * The state of lowering one body, shared by {@link Lowerer} (straight-line statements),
 * {@link LoopLowering} and {@link TryLowering}: the growing IR, the jump targets, the spiller,
 * and the few IR patterns they all use.
 */
final class LoweringContext {
    final AsyncMethod method;
    final BodyFacts facts;
    final Attribution attribution;
    final IrBuilder ir = new IrBuilder();
    final TargetStack targets = new TargetStack();
    final Spiller spiller;
    final SwitchDispatch switches = new SwitchDispatch(this);
    private final Lowerer.StatementLowering statements;
    private final java.util.Map<Tree, TreePath> paths;

    LoweringContext(AsyncMethod method, BodyFacts facts, Attribution attribution,
            Lowerer.StatementLowering statements) {
        this.method = method;
        this.facts = facts;
        this.attribution = attribution;
        this.statements = statements;
        this.paths = attribution.pathsUnder(method.path());
        this.spiller = new Spiller(this, paths);
    }

    /** @param label the label of an enclosing labelled statement, if this is its body */
    void lowerStatement(StatementTree statement, String label) {
        statements.lower(statement, label);
    }

    void lowerStatements(List<? extends StatementTree> list) {
        for (StatementTree statement : list) {
            lowerStatement(statement, null);
        }
    }

    void add(Op op) {
        ir.add(op);
    }

    void mark(Label label) {
        ir.mark(label);
    }

    /**
     * [source] {@code x++; foo(y);} (no await inside)
     * [ir]     {@code code x++;}; a {@code break}/{@code continue}/{@code return} inside that
     *          leaves an exploded statement is recorded as an exit
     */
    void emitCode(StatementTree statement) {
        add(new Op.Code(statement));
        new JumpScanner(targets, ir.exits, ir.deferredExits).scan(statement, null);
    }

    /**
     * Jumps to {@code target} after {@code last}. If {@code last} may not complete normally,
     * the jump gets a state of its own, so that it is never unreachable code in Java's eyes
     * (a case label makes the statement after it reachable) while still running whenever
     * {@code last} does complete.
     */
    void jumpAfter(StatementTree last, Label target) {
        landIfNeeded(last);
        add(new Op.Jump(target));
    }

    /** A landing state after {@code last} if it may not complete normally (see {@link #jumpAfter}). */
    void landIfNeeded(StatementTree last) {
        if (Completion.mayNotComplete(last)) {
            mark(new Label("landing"));
        }
    }

    /**
     * [source] a condition {@code c}
     * [ir]     {@code unless (c) goto target}; with awaits inside, they are spilled first, and
     *          {@code await(e)} / {@code !await(e)} branches on the awaited value directly
     */
    void branchUnless(ExpressionTree condition, Label target) {
        if (!facts.suspends(condition)) {
            add(new Op.JumpUnless(condition, target));
            return;
        }
        boolean expected = true;
        ExpressionTree inner = strip(condition);
        if (inner instanceof UnaryTree not && inner.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            expected = false;
            inner = not.getExpression();
        }
        MethodInvocationTree await = asAwait(inner);
        if (await == null) {
            spiller.spill(condition, condition);
            add(new Op.JumpUnless(condition, target));
            return;
        }
        suspend(await, new Op.Use.Branch(expected, target));
    }

    /**
     * [source] {@code await(e)} or {@code emit(v)} used by {@code use}
     * [ir]     {@code await e -> L; L: take use} or {@code emit v -> L; L: take use}, with the
     *          awaits inside the argument spilled first
     */
    void suspend(MethodInvocationTree call, Op.Use use) {
        ExpressionTree argument = call.getArguments().get(0);
        spiller.spill(argument, argument);
        suspendOn(call, use);
    }

    /** {@link #suspend}, the argument's own awaits already evaluated (by the spiller). */
    void suspendOn(MethodInvocationTree call, Op.Use use) {
        ExpressionTree argument = call.getArguments().get(0);
        boolean emit = facts.isEmit(call);
        Label resume = new Label(emit ? "emit" : "await");
        add(emit ? new Op.Emit(argument, resume) : new Op.Suspend(argument, resume));
        mark(resume);
        add(new Op.Take(use, typeOf(call), call));
    }

    /** {@code expression} if it is (in parentheses or not) an {@code await(...)} or {@code emit(...)} call, else null. */
    MethodInvocationTree asSuspension(ExpressionTree expression) {
        ExpressionTree stripped = strip(expression);
        return stripped instanceof MethodInvocationTree call && (facts.isAwait(call) || facts.isEmit(call)) ? call : null;
    }

    /** {@code expression} if it is (in parentheses or not) an {@code await(...)} call, else null. */
    MethodInvocationTree asAwait(ExpressionTree expression) {
        ExpressionTree stripped = strip(expression);
        return stripped instanceof MethodInvocationTree call && facts.isAwait(call) ? call : null;
    }

    TypeMirror typeOf(Tree tree) {
        return attribution.typeOf(paths.get(tree));
    }

    static ExpressionTree strip(ExpressionTree expression) {
        while (expression instanceof ParenthesizedTree parens) {
            expression = parens.getExpression();
        }
        return expression;
    }
}
