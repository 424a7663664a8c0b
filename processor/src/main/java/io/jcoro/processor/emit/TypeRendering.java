package io.jcoro.processor.emit;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * How the types javac attributed are written in generated code: denotable types as JavaPoet
 * names, the rest (captured wildcards, intersections) as their erasure where a cast needs them.
 */
public final class TypeRendering {
    private final Types types;
    private final Set<Element> typeParameters = new HashSet<>();
    private SourceRenderer renderer;
    private final SourcePositions positions;
    private final com.sun.source.tree.CompilationUnitTree unit;
    private final NameSpeller names;

    TypeRendering(Types types, NameSpeller names, List<? extends TypeParameterElement> inScope,
            SourcePositions positions, com.sun.source.tree.CompilationUnitTree unit) {
        this.types = types;
        this.names = names;
        this.typeParameters.addAll(inScope);
        this.positions = positions;
        this.unit = unit;
    }

    /** How the generated file writes the names of types (and of the types that qualify members). */
    NameSpeller names() {
        return names;
    }

    /** Writes a type in generated source text. */
    interface Names {
        String name(javax.lang.model.type.TypeMirror type);
    }

    /** The renderer for declared types written in the body (set once, after construction). */
    void useRenderer(SourceRenderer renderer) {
        this.renderer = renderer;
    }

    /** Whether {@code type} can be written in the generated class. */
    public static boolean isDenotable(TypeMirror type, Set<? extends Element> typeParameters) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
                return true;
            case ARRAY:
                return isDenotable(((ArrayType) type).getComponentType(), typeParameters);
            case DECLARED: {
                if (isNameless(type)) {
                    return false;
                }
                for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                    if (!isDenotable(argument, typeParameters)) {
                        return false;
                    }
                }
                return true;
            }
            case TYPEVAR:
                return typeParameters.contains(((TypeVariable) type).asElement());
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() == null || isDenotable(wildcard.getExtendsBound(), typeParameters))
                        && (wildcard.getSuperBound() == null || isDenotable(wildcard.getSuperBound(), typeParameters));
            }
            default:
                return false;
        }
    }

    /** The type of a hoisted variable's field; the pipeline has checked it is denotable. */
    TypeName fieldType(VariableElement variable) {
        TypeMirror type = variable.asType();
        // a multi-catch parameter's type is a union, which no declaration can name: use its erasure
        return names.typeName(type.getKind() == javax.lang.model.type.TypeKind.UNION ? types.erasure(type) : type);
    }

    /** The type to cast an awaited value to: its own type if denotable, else its erasure. */
    TypeName castType(TypeMirror type) {
        if (isDenotable(type, typeParameters)) {
            return names.typeName(type);
        }
        // A local or anonymous class has no name here: its superclass is the closest type that has.
        // The pipeline reports the places where that would change the program (JCORO-E019); a
        // local temp of such a type is declared with var instead.
        TypeMirror named = types.erasure(type);
        while (isNameless(named)) {
            named = named.getKind() == javax.lang.model.type.TypeKind.DECLARED
                    ? ((TypeElement) ((DeclaredType) named).asElement()).getSuperclass() : null;
            if (named == null || named.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
                return names.typeName(OBJECT); // an array of one, or a local interface
            }
        }
        return names.typeName(named);
    }

    private static final String OBJECT = "java.lang.Object";

    /** Whether {@code type}, a result of {@link #castType}, is {@code Object}: a cast to it is no cast. */
    boolean isObject(TypeName type) {
        return type.equals(names.typeName(OBJECT));
    }

    /** A local or anonymous class (or an array of one): erasure does not make it denotable. */
    public static boolean isNameless(TypeMirror type) {
        TypeMirror t = type;
        while (t.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            t = ((ArrayType) t).getComponentType();
        }
        if (t.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
            return false;
        }
        for (Element e = ((DeclaredType) t).asElement(); e instanceof TypeElement c; e = c.getEnclosingElement()) {
            if (c.getNestingKind() == NestingKind.LOCAL || c.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }

    /** A local's declared type as the user wrote it, or {@code var}. */
    String declaredType(VariableTree variable, VariableElement element) {
        Tree type = variable.getType();
        if (type == null || positions.getStartPosition(unit, type) < 0 || positions.getEndPosition(unit, type) < 0) {
            return "var";
        }
        String text = renderer.renderOp(type, java.util.Map.of(), null);
        return text.equals("var") ? "var" : text;
    }
}
