package io.jcoro.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import io.jcoro.processor.analyze.DeclaredNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * How the generated file writes a type (or a type that qualifies a member) it did not declare,
 * so that the name means that type whatever the user declares (JLS 6.4.1 shadowing, 6.4.2
 * obscuring).
 *
 * <p>Java has no absolute name: {@code java.lang.Object} is captured by anything named
 * {@code java} in scope (a type, or a variable where the name is an expression), and
 * {@code Object} by a type named {@code Object}. Every name in the generated file is in scope of
 * the user's declarations: the generated class inherits the user's type's members, the frames
 * are the user's bodies. So the speller knows, from the elements, every simple name the user can
 * bring into scope anywhere in the file: the package's types, what the imports bring in, the
 * members the user's type has and inherits, its and its methods' type parameters, everything the
 * bodies declare, and what the frame inherits from {@code io.jcoro.Coroutine}. A type is written
 * by its simple name where no declaration nested in the file takes that name and, at the top of
 * the file, the name means the type (by the user's imports, the package, {@code java.lang}) or
 * means nothing at all, in which case the speller adds an import of the type (an import is
 * resolved before any scope, JLS 7.5.1). Otherwise it is written by its canonical name, whose
 * first identifier then must not be taken either: where the user takes both (a member type
 * {@code java} and one named {@code Object}, say), Java itself has no way to name the type.
 * What the generator itself names in an expression, where variables would obscure it too, it
 * reaches through {@code $}-names instead (see {@link GeneratedNames}). The spelling is written
 * verbatim: JavaPoet adds no import of its own.
 */
final class NameSpeller {
    private final Elements elements;
    private final String packageName;
    private final String generatedSimpleName;
    /** Types the user declares in a scope nested in the generated file, each of which shadows a simple name. */
    private final Set<String> nestedTypes = new HashSet<>();
    /**
     * Variables the user declares there or imports statically: they obscure only names written
     * as expressions.
     */
    private final Set<String> variables = new HashSet<>();
    /** The types the user's single-type imports bring in, by simple name. */
    private final Map<String, String> importedTypes = new LinkedHashMap<>();
    /** The single-type imports the generator adds, each of a simple name nothing else in the file means. */
    private final Set<String> addedImports = new TreeSet<>();
    /**
     * The packages and types whose (member) types on-demand imports bring in. They are looked up
     * by name, never listed: listing a package would make javac read every source file in it.
     */
    private final List<String> onDemand = new java.util.ArrayList<>();
    /** What each simple name looked up so far means at the top of the file (see {@link #meaningInFile}). */
    private final Map<String, Set<String>> meanings = new java.util.HashMap<>();

    /**
     * @param host the user's type, whose generated class the file declares
     * @param imports the imports of the host's compilation unit, which the generated file copies (none in a stub)
     * @param bodies the names each emitted body declares
     * @param methodTypeParameters the type parameters of the emitted methods (those of their frames)
     */
    NameSpeller(Elements elements, TypeElement host, List<? extends ImportTree> imports, Collection<DeclaredNames> bodies,
            Collection<? extends TypeParameterElement> methodTypeParameters) {
        this.elements = elements;
        PackageElement pkg = elements.getPackageOf(host);
        this.packageName = pkg.getQualifiedName().toString();
        this.generatedSimpleName = GeneratedNames.generatedSimpleName(host);
        for (ImportTree tree : imports) {
            addImport(tree);
        }
        addMembers(host);
        TypeElement coroutine = elements.getTypeElement(io.jcoro.processor.util.TypeNames.COROUTINE.canonicalName());
        if (coroutine != null) {
            addMembers(coroutine);
        }
        host.getTypeParameters().forEach(p -> nestedTypes.add(p.getSimpleName().toString()));
        methodTypeParameters.forEach(p -> nestedTypes.add(p.getSimpleName().toString()));
        for (DeclaredNames body : bodies) {
            nestedTypes.addAll(body.types());
            variables.addAll(body.variables());
        }
    }

    /** How to write {@code type} where a type is expected. */
    String type(TypeElement type) {
        return spell(type, false);
    }

    /** How to write {@code type} where it qualifies a member, {@code Type.member} (an ambiguous name). */
    String qualifier(TypeElement type) {
        return spell(type, true);
    }

    /** How to write {@code type} where a type is expected: {@code List<Users.User>}. */
    String type(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return type(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                // an inner class of a generic class is written with its enclosing type's arguments
                String name = declared.getEnclosingType() instanceof DeclaredType outer
                        && !outer.getTypeArguments().isEmpty()
                        ? type(outer) + "." + element.getSimpleName() : type(element);
                if (declared.getTypeArguments().isEmpty()) {
                    return name;
                }
                StringBuilder text = new StringBuilder(name).append('<');
                for (TypeMirror argument : declared.getTypeArguments()) {
                    text.append(text.charAt(text.length() - 1) == '<' ? "" : ", ").append(type(argument));
                }
                return text.append('>').toString();
            }
            case TYPEVAR:
                return ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                return wildcard.getExtendsBound() != null ? "? extends " + type(wildcard.getExtendsBound())
                        : wildcard.getSuperBound() != null ? "? super " + type(wildcard.getSuperBound()) : "?";
            }
            default:
                return type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID
                        ? type.getKind().name().toLowerCase(java.util.Locale.ROOT) : type.toString();
        }
    }

    /** {@link #type(TypeMirror)} as a JavaPoet name, written verbatim (an array stays one, for varargs). */
    TypeName typeName(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY
                ? com.palantir.javapoet.ArrayTypeName.of(typeName(((ArrayType) type).getComponentType()))
                : verbatim(type(type));
    }

    /** A type parameter as declared, {@code T extends Comparable<T>}, for a generated class or method. */
    TypeVariableName typeVariable(TypeParameterElement parameter) {
        List<TypeName> bounds = new java.util.ArrayList<>();
        for (TypeMirror bound : parameter.getBounds()) {
            if (!(bound instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName()
                    .contentEquals("java.lang.Object"))) {
                bounds.add(typeName(bound));
            }
        }
        return TypeVariableName.get(parameter.getSimpleName().toString(), bounds.toArray(new TypeName[0]));
    }

    /** How to write a type given by its canonical name, where a type is expected. */
    String type(String canonicalName) {
        TypeElement element = elements.getTypeElement(canonicalName);
        return element != null ? type(element) : canonicalName;
    }

    /** {@link #type(String)} as a JavaPoet name, which JavaPoet writes verbatim and imports nothing for. */
    TypeName typeName(String canonicalName) {
        return verbatim(type(canonicalName));
    }

    /** The generated class itself, as the qualifier of {@code this}: {@code UsersCoroutines}. */
    String generatedClass() {
        if (!nestedTypes.contains(generatedSimpleName)) {
            return generatedSimpleName;
        }
        return packageName.isEmpty() ? generatedSimpleName : packageName + "." + generatedSimpleName;
    }

    /** An annotation type, {@code @Override}, written as {@link #type(String)} spells it. */
    ClassName annotation(String canonicalName) {
        return ClassName.get("", type(canonicalName));
    }

    ClassName override() {
        return annotation("java.lang.Override");
    }

    /** A spelling JavaPoet writes as it is: the name of a type variable is never imported nor qualified. */
    static TypeName verbatim(String spelling) {
        return TypeVariableName.get(spelling);
    }

    private String spell(TypeElement type, boolean expression) {
        String simple = type.getSimpleName().toString();
        if (type.getNestingKind() == NestingKind.MEMBER) {
            return spell((TypeElement) type.getEnclosingElement(), true) + "." + simple;
        }
        String canonical = type.getQualifiedName().toString();
        if (!taken(simple, expression)) {
            Set<String> meaning = meaningInFile(simple);
            if (meaning.equals(Set.of(canonical))) {
                return simple;
            }
            if (meaning.isEmpty() && canonical.contains(".")) {
                meanings.put(simple, Set.of(canonical));
                addedImports.add(canonical);
                return simple;
            }
        }
        return canonical;
    }

    /** Whether a declaration in the file may give {@code name} another meaning than a package or a top-level type. */
    private boolean taken(String name, boolean expression) {
        return nestedTypes.contains(name) || (expression && variables.contains(name));
    }

    private void addImport(ImportTree tree) {
        if (!(tree.getQualifiedIdentifier() instanceof MemberSelectTree select)) {
            return;
        }
        String imported = select.getIdentifier().toString();
        String from = select.getExpression().toString();
        if (imported.equals("*")) {
            onDemand.add(from); // a static one brings in the member types too
        } else if (!tree.isStatic()) {
            importedTypes.put(imported, from + "." + imported);
        }
        if (!tree.isStatic()) {
            return;
        }
        TypeElement owner = elements.getTypeElement(from);
        if (owner == null) {
            return;
        }
        for (Element member : elements.getAllMembers(owner)) {
            if (imported.equals("*") || member.getSimpleName().contentEquals(imported)) {
                if (member instanceof TypeElement type && !imported.equals("*")) {
                    importedTypes.put(imported, type.getQualifiedName().toString());
                } else if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.ENUM_CONSTANT) {
                    variables.add(member.getSimpleName().toString());
                }
            }
        }
    }

    /** The member types and fields {@code type} has or inherits, in scope wherever its members are. */
    private void addMembers(TypeElement type) {
        for (Element member : elements.getAllMembers(type)) {
            if (member instanceof TypeElement) {
                nestedTypes.add(member.getSimpleName().toString());
            } else if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.ENUM_CONSTANT) {
                variables.add(member.getSimpleName().toString());
            }
        }
    }

    /** The imports the generated file adds to the user's, sorted. */
    Set<String> addedImports() {
        return addedImports;
    }

    /**
     * The types {@code simple} may mean at the top of the generated file (JLS 6.4.1, 7.5):
     * a single-type import's, else the package's, else those of the on-demand imports and
     * {@code java.lang} (several: ambiguous; none: nothing).
     */
    private Set<String> meaningInFile(String simple) {
        return meanings.computeIfAbsent(simple, name -> {
            if (name.equals(generatedSimpleName)) {
                return Set.of(qualified(packageName, name));
            }
            String imported = importedTypes.get(name);
            if (imported != null) {
                return Set.of(imported);
            }
            String member = qualified(packageName, name);
            if (elements.getTypeElement(member) != null) {
                return Set.of(member);
            }
            Set<String> candidates = new TreeSet<>();
            for (String from : onDemand) {
                TypeElement type = elements.getTypeElement(from + "." + name);
                if (type != null) {
                    candidates.add(type.getQualifiedName().toString());
                }
            }
            if (elements.getTypeElement("java.lang." + name) != null) {
                candidates.add("java.lang." + name);
            }
            return candidates;
        });
    }

    private static String qualified(String packageName, String simple) {
        return packageName.isEmpty() ? simple : packageName + "." + simple;
    }
}
