package io.jcoro.processor.attribute;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic;

/**
 * The declarations whose inferred types javac cannot compile again, where the processor cannot
 * give javac back the trees it completed (see {@link TreeSnapshot}).
 *
 * <p>javac fills in the type it infers for a {@code var} and for an implicitly typed lambda
 * parameter ({@code x -> ...}) by giving the declaration a type tree of its own making (one
 * without an end position in the source). Where that type has no name (a captured wildcard, as
 * for {@code x} in {@code List<? extends Number> l; l.forEach(x -> ...)}; an anonymous class, as in
 * {@code var o = new Object() { int n; }}), the next round fails with "cannot find symbol class
 * <captured wildcard>", which has no position on JDK 17: the processor reports each such
 * declaration (JCORO-E031) instead.
 */
final class InferredTypeTrees {
    private static final String CAPTURED = "<captured wildcard>";

    private final Trees trees;

    InferredTypeTrees(Trees trees) {
        this.trees = trees;
    }

    /** The declarations of {@code unit} whose inferred type trees name types without a name. */
    List<TreePath> unrestorable(CompilationUnitTree unit) {
        List<TreePath> failing = new ArrayList<>();
        SourcePositions positions = trees.getSourcePositions();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree tree, Void unused) {
                super.visitVariable(tree, unused);
                // a method's parameters and a class's fields never had an inferred type (and the
                // parameters of the members javac generates have type trees without positions)
                Tree parent = getCurrentPath().getParentPath().getLeaf();
                boolean declaredInCode = !(parent instanceof MethodTree) && !(parent instanceof ClassTree);
                if (declaredInCode && tree.getType() != null
                        && positions.getEndPosition(unit, tree.getType()) == Diagnostic.NOPOS) {
                    TypeMirror inferred = trees.getTypeMirror(getCurrentPath());
                    if (inferred != null && hasNoName(inferred)) {
                        failing.add(getCurrentPath());
                    }
                }
                return null;
            }
        }.scan(unit, null);
        return failing;
    }

    /** Whether {@code type} names, anywhere in it, a class or type variable with no name in source. */
    static boolean hasNoName(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED: {
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                return element.getNestingKind() == NestingKind.ANONYMOUS
                        || ((DeclaredType) type).getTypeArguments().stream().anyMatch(InferredTypeTrees::hasNoName);
            }
            case TYPEVAR:
                return ((TypeVariable) type).asElement().getSimpleName().contentEquals(CAPTURED);
            case ARRAY:
                return hasNoName(((ArrayType) type).getComponentType());
            case INTERSECTION:
                return ((IntersectionType) type).getBounds().stream().anyMatch(InferredTypeTrees::hasNoName);
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() != null && hasNoName(wildcard.getExtendsBound()))
                        || (wildcard.getSuperBound() != null && hasNoName(wildcard.getSuperBound()));
            }
            default:
                return false;
        }
    }
}
