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
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
 * Takes back the types javac wrote into the trees while attributing a class for the processor.
 *
 * <p>javac fills in the type it infers for a {@code var} and for an implicitly typed lambda
 * parameter ({@code x -> ...}) by giving the declaration a type tree of its own making, and does
 * not remove it before it compiles the class again in the next round. Where that type has no
 * name (a captured wildcard, as for {@code x} in {@code List<? extends Number> l; l.forEach(x ->
 * ...)}; an anonymous class, as in {@code var o = new Object() { int n; }}), the next round fails
 * with "cannot find symbol class <captured wildcard>". A type with a name fails too where the
 * user's names capture the qualified name javac wrote ({@code java.lang.String} under a member
 * type named {@code java}, JLS 6.4.2). So after each round the processor sets every such type
 * tree back to none, as the parser made them; a type tree of javac's own making is one without an
 * end position in the source.
 *
 * <p>jdk.compiler does not export its tree classes, so the one field is written through
 * {@code sun.misc.Unsafe} (on JDK 24 and later, the JVM warns once that it was used). Where that
 * is not possible, each declaration whose type has no name is returned, for the processor to report
 * (JCORO-E031) instead of javac's message, which has no position on JDK 17.
 */
final class InferredTypeTrees {
    private static final String CAPTURED = "<captured wildcard>";

    private final Trees trees;
    /** Writes null into a variable declaration's type tree; null until needed, empty if impossible. */
    private java.util.Optional<Clearer> clearer;

    InferredTypeTrees(Trees trees, boolean enabled) {
        this.trees = trees;
        if (!enabled) {
            clearer = java.util.Optional.empty();
        }
    }

    /**
     * Sets back the inferred type trees of {@code unit}.
     *
     * @return the declarations that could not be set back and whose types have no name
     */
    List<TreePath> restore(CompilationUnitTree unit) {
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
                    if (!clear(tree) && inferred != null && hasNoName(inferred)) {
                        failing.add(getCurrentPath());
                    }
                }
                return null;
            }
        }.scan(unit, null);
        return failing;
    }

    private boolean clear(VariableTree tree) {
        if (clearer == null) {
            clearer = Clearer.of(tree.getClass());
        }
        return clearer.isPresent() && clearer.get().clear(tree);
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

    /** {@code tree.vartype = null} for javac's variable declarations, through {@code sun.misc.Unsafe}. */
    private record Clearer(Class<?> declaration, Object unsafe, Method putObject, long offset) {
        static java.util.Optional<Clearer> of(Class<?> declaration) {
            try {
                Field vartype = declaration.getField("vartype");
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field instance = unsafeClass.getDeclaredField("theUnsafe");
                instance.setAccessible(true);
                Object unsafe = instance.get(null);
                long offset = (long) unsafeClass.getMethod("objectFieldOffset", Field.class).invoke(unsafe, vartype);
                Method putObject = unsafeClass.getMethod("putObject", Object.class, long.class, Object.class);
                return java.util.Optional.of(new Clearer(declaration, unsafe, putObject, offset));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return java.util.Optional.empty();
            }
        }

        boolean clear(Object tree) {
            if (tree.getClass() != declaration) {
                return false;
            }
            try {
                putObject.invoke(unsafe, tree, offset, null);
                return true;
            } catch (ReflectiveOperationException | RuntimeException unavailable) {
                return false;
            }
        }
    }
}
