package io.jcoro.processor.attribute;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic;

/**
 * The {@code var} declarations that attributing a class during annotation processing breaks.
 * javac writes the type it infers for a {@code var} into the tree, and does not take it back before
 * it compiles the class again in the next round; a type that names an anonymous class then names
 * a class that does not exist yet, and javac fails with "cannot find symbol class Users$1" (with
 * no position on JDK 17). Every class the processor has javac attribute (a type with
 * {@code @Async} methods, its superclasses and the types whose bodies it lowers) is scanned, so
 * that the user gets an error at the declaration instead (JCORO-E031).
 */
public final class AnonymousVars {
    private final Trees trees;

    public AnonymousVars(Trees trees) {
        this.trees = trees;
    }

    /** The broken {@code var} declarations of the source files of {@code type} and its supertypes. */
    public List<TreePath> in(TypeElement type, javax.lang.model.util.Types types) {
        Set<CompilationUnitTree> units = new LinkedHashSet<>();
        collectUnits(type.asType(), types, units);
        List<TreePath> found = new ArrayList<>();
        SourcePositions positions = trees.getSourcePositions();
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree tree, Void unused) {
                    // a var's type tree is javac's, with no end in the source; before attribution there is none
                    if (tree.getType() != null && positions.getEndPosition(unit, tree.getType()) == Diagnostic.NOPOS) {
                        TypeMirror declared = trees.getTypeMirror(getCurrentPath());
                        if (declared != null && namesAnonymousClass(declared)) {
                            found.add(getCurrentPath());
                        }
                    }
                    return super.visitVariable(tree, unused);
                }
            }.scan(unit, null);
        }
        return found;
    }

    private void collectUnits(TypeMirror type, javax.lang.model.util.Types types, Set<CompilationUnitTree> units) {
        if (type.getKind() != TypeKind.DECLARED) {
            return;
        }
        Element element = types.asElement(type);
        TreePath path = element == null ? null : trees.getPath(element);
        if (path != null && !units.add(path.getCompilationUnit())) {
            return;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            collectUnits(supertype, types, units);
        }
    }

    /** Whether {@code type} is or mentions an anonymous class (in an argument, bound or component). */
    static boolean namesAnonymousClass(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED: {
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                if (element.getNestingKind() == NestingKind.ANONYMOUS) {
                    return true;
                }
                return ((DeclaredType) type).getTypeArguments().stream().anyMatch(AnonymousVars::namesAnonymousClass);
            }
            case ARRAY:
                return namesAnonymousClass(((ArrayType) type).getComponentType());
            case INTERSECTION:
                return ((IntersectionType) type).getBounds().stream().anyMatch(AnonymousVars::namesAnonymousClass);
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() != null && namesAnonymousClass(wildcard.getExtendsBound()))
                        || (wildcard.getSuperBound() != null && namesAnonymousClass(wildcard.getSuperBound()));
            }
            default:
                return false;
        }
    }
}
