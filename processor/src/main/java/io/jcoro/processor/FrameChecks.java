package io.jcoro.processor;

import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.diag.AbortMethod;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.TypeRendering;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.LocalTypeScopes;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.lower.LoweredBody;
import io.jcoro.processor.model.AsyncMethod;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What a frame cannot hold, checked on one method's IR between the passes that decide it: a type
 * declared in the body used outside its state, and values the frame would have to name although
 * Java gives them no name. Each check reports at the user's position and abandons the method.
 */
final class FrameChecks {
    private final AsyncMethod method;
    private final BodyFacts facts;
    private final SourcePositions positions;
    private final Diagnostics diagnostics;
    /** The type variables a frame's field types may name: the method's and its host type's. */
    private final Set<Element> typeParameters = new HashSet<>();

    FrameChecks(AsyncMethod method, BodyFacts facts, SourcePositions positions, Diagnostics diagnostics) {
        this.method = method;
        this.facts = facts;
        this.positions = positions;
        this.diagnostics = diagnostics;
        typeParameters.addAll(method.element().getTypeParameters());
        typeParameters.addAll(method.host().getTypeParameters());
    }

    /** Whether a variable's type can be a field's; a multi-catch parameter's union is kept as its erasure. */
    boolean fieldable(VariableElement variable) {
        return variable.asType().getKind() == TypeKind.UNION || TypeRendering.isDenotable(variable.asType(), typeParameters);
    }

    /** A local type is visible in one state's case block only (JCORO-E030, see {@link LocalTypeScopes}). */
    void localTypes(LoweredBody body) {
        Optional<LocalTypeScopes.Escape> escape =
                LocalTypeScopes.firstEscape(body.ops(), facts, body.replacements(), body.exits());
        if (escape.isPresent()) {
            TypeElement type = escape.get().type();
            diagnostics.report(DiagnosticCode.LOCAL_TYPE_ACROSS_AWAIT, escape.get().use(), method.unit(), method.element(),
                    type.getKind().toString().toLowerCase(Locale.ROOT), type.getSimpleName(),
                    method.element().getEnclosingElement().getSimpleName());
            throw new AbortMethod();
        }
    }

    /** A hoisted variable needs a field, so its type must be one Java can write (JCORO-E019). */
    void fieldTypes(FrameLayout layout) {
        boolean ok = true;
        for (VariableElement field : layout.fields()) {
            if (!fieldable(field)) {
                diagnostics.report(DiagnosticCode.NON_DENOTABLE_TYPE, declarationOf(field), method.unit(),
                        method.element(), field.getSimpleName(), field.asType());
                ok = false;
            }
        }
        if (!ok) {
            throw new AbortMethod();
        }
    }

    /**
     * A value of a local or anonymous class that the frame must name (JCORO-E019): kept across an
     * await in a field, or cast from an await's result. A temp used within one state is declared
     * with {@code var} and needs no name.
     */
    void namelessValues(LoweredBody body, FrameLayout layout) {
        for (Op op : body.ops()) {
            Tree at = null;
            TypeMirror type = null;
            if (op instanceof Op.Spill spill && layout.isField(spill.temp())) {
                at = spill.value();
                type = spill.temp().type();
            } else if (op instanceof Op.Take take && !(take.use() instanceof Op.Use.Discard)) {
                at = take.source();
                type = take.type();
            } else if (op instanceof Op.TakeNext next) {
                at = next.variable();
                type = next.elementType();
            } else if (op instanceof Op.IterNext next) {
                at = next.variable();
                type = next.elementType();
            }
            if (at != null && TypeRendering.isNameless(type)) {
                diagnostics.report(DiagnosticCode.NON_DENOTABLE_TYPE, at, method.unit(), method.element(),
                        sourceText(at), type);
                throw new AbortMethod();
            }
        }
    }

    /** A tree's source text on one line, shortened for a message. */
    private String sourceText(Tree tree) {
        try {
            CharSequence source = method.unit().getSourceFile().getCharContent(true);
            String text = source.subSequence((int) positions.getStartPosition(method.unit(), tree),
                    (int) positions.getEndPosition(method.unit(), tree)).toString().replaceAll("\\s+", " ");
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        } catch (java.io.IOException | IndexOutOfBoundsException unreadable) {
            return tree.getKind().toString().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a variable is declared in the body, for a diagnostic about it. */
    private Tree declarationOf(VariableElement variable) {
        return facts.localRefs().entrySet().stream()
                .filter(e -> e.getValue().equals(variable) && e.getKey().getKind() == Tree.Kind.VARIABLE)
                .map(java.util.Map.Entry::getKey).findFirst().orElse(method.tree());
    }
}
