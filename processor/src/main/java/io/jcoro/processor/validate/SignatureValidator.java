package io.jcoro.processor.validate;

import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.model.AsyncType;
import io.jcoro.processor.util.TypeNames;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Validate: the declaration rules of SPEC.md for {@code @Async} methods and the types that hold
 * them. Reports on the offending element; reads no bodies.
 */
public final class SignatureValidator {
    private final Diagnostics diagnostics;

    public SignatureValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reports every broken rule; true if the type and all its methods are valid. */
    public boolean validate(AsyncType type) {
        int before = diagnostics.errorCount();
        TypeElement element = type.element();
        for (ExecutableElement method : type.methods()) {
            validateMethod(method);
            validateHost(method, element);
        }
        if (diagnostics.errorCount() == before) {
            validateTypeParameters(element);
            validateConstructors(element);
            new SealedHostValidator(diagnostics).validate(element);
        }
        return diagnostics.errorCount() == before;
    }

    /**
     * JCORO-E035: a type parameter of {@code type} named like a member type it declares or
     * inherits. The generated class declares the same type parameter and inherits the member type,
     * which hides the type parameter throughout its body (JLS 6.4.1), where the generated code
     * names it.
     */
    private void validateTypeParameters(TypeElement type) {
        java.util.Set<String> memberTypes = new java.util.HashSet<>();
        collectMemberTypes(type, type, memberTypes, new java.util.HashSet<>());
        for (javax.lang.model.element.TypeParameterElement parameter : type.getTypeParameters()) {
            if (memberTypes.contains(parameter.getSimpleName().toString())) {
                diagnostics.report(DiagnosticCode.TYPE_PARAMETER_HIDDEN, parameter, parameter.getSimpleName(),
                        type.getSimpleName(), generatedName(type));
            }
        }
    }

    /** The simple names of the member types {@code type} declares, and those its supertypes let it inherit. */
    private static void collectMemberTypes(TypeElement type, TypeElement host, java.util.Set<String> names,
            java.util.Set<TypeElement> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
            if (type == host || !member.getModifiers().contains(Modifier.PRIVATE)) {
                names.add(member.getSimpleName().toString());
            }
        }
        java.util.List<TypeMirror> supertypes = new java.util.ArrayList<>(type.getInterfaces());
        supertypes.add(type.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            if (supertype instanceof DeclaredType declared && declared.asElement() instanceof TypeElement superElement) {
                collectMemberTypes(superElement, host, names, seen);
            }
        }
    }

    /**
     * The inherited {@code @Async} methods the generated class can lower too: those whose body
     * is in this compilation, in a non-generic type (the body is printed in the generated file,
     * where the supertype's type variables mean nothing). Warns about each of the others: there
     * it stays un-lowered. (Whether the body names anything the generated class cannot reach is
     * for the pipeline to check, once the body is attributed.)
     *
     * @param hasSource whether a method's body tree is part of this compilation
     */
    public List<ExecutableElement> inheritedToLower(AsyncType type, java.util.function.Predicate<ExecutableElement> hasSource) {
        List<ExecutableElement> lowerable = new java.util.ArrayList<>();
        for (ExecutableElement method : type.inherited()) {
            TypeElement declaring = (TypeElement) method.getEnclosingElement();
            String reason = !hasSource.test(method) ? "its source is not part of this compilation"
                    : isGeneric(declaring) ? "it is declared in a generic type"
                    : null;
            if (reason == null) {
                lowerable.add(method);
            } else {
                warnNotLowered(type.element(), method, reason);
            }
        }
        return lowerable;
    }

    /** JCORO-W002 on {@code host}: it inherits {@code method}, which its generated class cannot lower. */
    public void warnNotLowered(TypeElement host, ExecutableElement method, String reason) {
        diagnostics.report(DiagnosticCode.INHERITED_ASYNC_NOT_LOWERED, host, host.getSimpleName(), displayName(method),
                generatedName(host), reason, generatedName((TypeElement) method.getEnclosingElement()));
    }

    private static boolean isGeneric(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (!t.getTypeParameters().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String generatedName(TypeElement type) {
        return io.jcoro.processor.emit.GeneratedNames.generatedSimpleName(type);
    }

    private void validateMethod(ExecutableElement method) {
        String name = displayName(method);
        if (method.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_STATIC, method, name);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_PRIVATE, method, name);
        }
        if (method.getModifiers().contains(Modifier.FINAL)) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_FINAL, method, name);
        }
        if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_SYNCHRONIZED, method, name);
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_ABSTRACT, method, name);
        }
        if (!returnsCoroutine(method.getReturnType())) {
            diagnostics.report(DiagnosticCode.ASYNC_METHOD_RETURN_TYPE, method, name, method.getReturnType());
        }
        checkDollar(method);
        for (VariableElement parameter : method.getParameters()) {
            checkDollar(parameter);
        }
    }

    private void validateHost(ExecutableElement method, TypeElement host) {
        ElementKind kind = host.getKind();
        boolean subclassable = kind == ElementKind.INTERFACE
                || (kind == ElementKind.CLASS && !host.getModifiers().contains(Modifier.FINAL));
        if (!subclassable) {
            diagnostics.report(DiagnosticCode.ASYNC_TYPE_FINAL, method, displayName(method), host.getQualifiedName());
            return;
        }
        for (Element e = host; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            boolean ok = t.getNestingKind() == NestingKind.TOP_LEVEL
                    || (t.getNestingKind() == NestingKind.MEMBER
                            && (t.getModifiers().contains(Modifier.STATIC) || t.getKind() != ElementKind.CLASS));
            if (!ok) {
                diagnostics.report(DiagnosticCode.ASYNC_TYPE_NOT_STATIC, method, displayName(method), host);
                return;
            }
        }
    }

    private void validateConstructors(TypeElement host) {
        if (host.getKind() != ElementKind.CLASS) {
            return;
        }
        boolean any = ElementFilter.constructorsIn(host.getEnclosedElements()).stream()
                .anyMatch(c -> !c.getModifiers().contains(Modifier.PRIVATE));
        if (!any) {
            diagnostics.report(DiagnosticCode.ASYNC_TYPE_NO_CONSTRUCTOR, host,
                    host.getQualifiedName(), host.getSimpleName() + "Coroutines");
        }
    }

    private void checkDollar(Element element) {
        String name = element.getSimpleName().toString();
        if (name.indexOf('$') >= 0) {
            diagnostics.report(DiagnosticCode.DOLLAR_IDENTIFIER, element, name);
        }
    }

    /** True for {@code io.jcoro.Coroutine<T>} or {@code io.jcoro.AsyncGenerator<T>}, type argument given. */
    static boolean returnsCoroutine(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        return (element.getQualifiedName().contentEquals(TypeNames.COROUTINE.canonicalName())
                || element.getQualifiedName().contentEquals(TypeNames.ASYNC_GENERATOR.canonicalName()))
                && declared.getTypeArguments().size() == 1;
    }

    private static String displayName(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()";
    }
}
