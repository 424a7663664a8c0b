package io.jcoro.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.jcoro.processor.util.TypeNames;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Emit: the generated {@code <Name>Coroutines} type around the frames.
 *
 * <p>Generates:
 * <pre>{@code
 * @Generated(value = "io.jcoro.processor.CoroutineProcessor", comments = "from p.Users")
 * @SuppressWarnings("all")
 * public class UsersCoroutines implements Users {
 *     @Override
 *     public Coroutine<User> fetchUser(int id) {
 *         return new $FetchUser(id);
 *     }
 *
 *     private final class $FetchUser extends Coroutine<User> { ... }
 * }
 * }</pre>
 */
final class CoroutinesClassEmitter {
    /**
     * Lint categories the generated shape triggers by design (fall-through between states, casts of
     * awaited values), and those the user's own code, copied into the frames, already got in
     * the user's file: no warning is reported twice.
     */
    private static final Object[] SUPPRESSED = {"all", "fallthrough", "unchecked",
            "rawtypes", "cast", "try", "finally", "deprecation", "removal", "static", "divzero"};

    private final Elements elements;
    private final NameSpeller names;

    CoroutinesClassEmitter(Elements elements, NameSpeller names) {
        this.elements = elements;
        this.names = names;
    }

    /** A generated method and the frame it instantiates. */
    record Frame(ExecutableElement method, String frameName, TypeSpec frame) {}

    TypeSpec emit(TypeElement host, List<Frame> frames) {
        String name = GeneratedNames.generatedSimpleName(host);
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addOriginatingElement(host)
                .addAnnotation(AnnotationSpec.builder(names.annotation(TypeNames.GENERATED.canonicalName()))
                        .addMember("value", "$S", "io.jcoro.processor.CoroutineProcessor")
                        .addMember("comments", "$S", "from " + host.getQualifiedName())
                        .build())
                .addAnnotation(AnnotationSpec.builder(names.annotation("java.lang.SuppressWarnings"))
                        .addMember("value", "{" + "$S, ".repeat(SUPPRESSED.length - 1) + "$S}", SUPPRESSED)
                        .build())
                .addJavadoc("Coroutine implementations of the {@code @Async} methods of {@link $L}.\n",
                        host.getQualifiedName());
        if (host.getModifiers().contains(Modifier.PUBLIC)) {
            type.addModifiers(Modifier.PUBLIC);
        }
        boolean incomplete = hasUnimplementedAbstractMethods(host);
        if (incomplete) {
            type.addModifiers(Modifier.ABSTRACT);
        }
        if (host.getModifiers().contains(Modifier.SEALED)) {
            // a permitted subclass must say how it goes on: closed, unless the user has to extend it
            type.addModifiers(incomplete ? Modifier.NON_SEALED : Modifier.FINAL);
        }
        for (TypeParameterElement parameter : host.getTypeParameters()) {
            type.addTypeVariable(names.typeVariable(parameter));
        }
        if (host.getKind() == ElementKind.INTERFACE) {
            type.addSuperinterface(names.typeName(host.asType()));
        } else {
            type.superclass(names.typeName(host.asType()));
            for (ExecutableElement constructor : ElementFilter.constructorsIn(host.getEnclosedElements())) {
                if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
                    type.addMethod(mirror(constructor));
                }
            }
        }
        for (Frame frame : frames) {
            type.addMethod(override(frame));
        }
        for (Frame frame : frames) {
            type.addType(frame.frame());
        }
        return type.build();
    }

    /**
     * The access a mirrored constructor or an override keeps: {@code public} or {@code protected}.
     * Nothing else carries over: javac reports a strictfp class's constructors and methods as
     * {@code strictfp}, which a constructor may not be, and the rest are the overridden method's.
     */
    private static java.util.List<Modifier> access(ExecutableElement executable) {
        return executable.getModifiers().stream()
                .filter(m -> m == Modifier.PUBLIC || m == Modifier.PROTECTED)
                .toList();
    }

    /** Generates: {@code public UsersCoroutines(String host) { super(host); }} */
    private MethodSpec mirror(ExecutableElement constructor) {
        MethodSpec.Builder builder = MethodSpec.constructorBuilder().addModifiers(access(constructor));
        copySignature(constructor, builder);
        builder.addStatement("super($L)", argumentList(constructor));
        return builder.build();
    }

    /** Generates: {@code @Override public Coroutine<User> fetchUser(int id) { return new $FetchUser(id); }} */
    private MethodSpec override(Frame frame) {
        ExecutableElement method = frame.method();
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.getSimpleName().toString())
                .addAnnotation(names.override())
                .returns(names.typeName(method.getReturnType()))
                .addModifiers(access(method));
        copySignature(method, builder);
        String diamond = method.getTypeParameters().isEmpty() ? "" : "<>";
        if (isGenerator(method)) {
            // through the frame's own name, which no name of the user's can capture (Coroutine.$generator)
            builder.addStatement("return $L.$$generator(new $L$L($L))", frame.frameName(), frame.frameName(), diamond,
                    argumentList(method));
        } else {
            builder.addStatement("return new $L$L($L)", frame.frameName(), diamond, argumentList(method));
        }
        return builder.build();
    }

    private static boolean isGenerator(ExecutableElement method) {
        return ((TypeElement) ((javax.lang.model.type.DeclaredType) method.getReturnType()).asElement())
                .getQualifiedName().contentEquals(TypeNames.ASYNC_GENERATOR.canonicalName());
    }

    /** Type parameters, parameters (names kept), varargs and throws of {@code executable}. */
    private void copySignature(ExecutableElement executable, MethodSpec.Builder builder) {
        for (TypeParameterElement parameter : executable.getTypeParameters()) {
            builder.addTypeVariable(names.typeVariable(parameter));
        }
        for (VariableElement parameter : executable.getParameters()) {
            builder.addParameter(names.typeName(parameter.asType()), parameter.getSimpleName().toString());
        }
        builder.varargs(executable.isVarArgs());
        executable.getThrownTypes().forEach(t -> builder.addException(names.typeName(t)));
    }

    private static String argumentList(ExecutableElement executable) {
        return executable.getParameters().stream()
                .map(p -> p.getSimpleName().toString()).collect(Collectors.joining(", "));
    }

    /** An implementation still lacking methods must stay abstract, for the user to extend. */
    private boolean hasUnimplementedAbstractMethods(TypeElement host) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(host));
        for (ExecutableElement method : methods) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            boolean implemented = methods.stream().anyMatch(other -> other != method
                    && !other.getModifiers().contains(Modifier.ABSTRACT)
                    && elements.overrides(other, method, host));
            if (!implemented) {
                return true;
            }
        }
        return false;
    }
}
