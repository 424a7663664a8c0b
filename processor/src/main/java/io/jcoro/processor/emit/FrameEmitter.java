package io.jcoro.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.util.TypeNames;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;

/**
 * Emit: turns one method's IR into its frame class, a nested class of the generated type: its
 * fields, constructor and constant tables here, each state's code in {@link StateBlockEmitter},
 * the {@code $resume} method (split when large) in {@link ResumeMethods}.
 *
 * <p>Generates:
 * <pre>{@code
 * private final class $FetchUser extends Coroutine<User> {
 *     private int id;                                   // parameters and hoisted locals
 *
 *     $FetchUser(int id) { this.id = id; }
 *
 *     @Override protected StackTraceElement $where() {      // also gives name(), "Users.fetchUser"
 *         return $where("p.Users", "fetchUser", "Users.java", $LINES);
 *     }
 *
 *     @Override protected Object $resume() throws Throwable {
 *         $dispatch:
 *         for (;;) {
 *             switch ($label) {
 *                 case 0: {
 *                     if ($await(sleep(Duration.ofMillis(500)), 1)) return $SUSPENDED;
 *                 }
 *                 case 1: {
 *                     $value();
 *                     return $return(new User(id, "User " + id));
 *                 }
 *                 default:
 *                     throw $badLabel();
 *             }
 *         }
 *     }
 * }
 * }</pre>
 */
final class FrameEmitter {
    private final FrameInput in;
    private final SourceRenderer renderer;
    private final TypeRendering types;

    FrameEmitter(FrameInput in, SourceRenderer renderer, TypeRendering types) {
        this.in = in;
        this.renderer = renderer;
        this.types = types;
    }

    TypeSpec emit() {
        NameSpeller names = types.names();
        TypeSpec.Builder frame = TypeSpec.classBuilder(in.frameName())
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .superclass(NameSpeller.verbatim(names.type(TypeNames.COROUTINE.canonicalName()) + "<"
                        + (in.method().generator() ? names.type("java.lang.Void") : frameResult(in.method().resultType()))
                        + ">"))
                .addJavadoc("The state machine of {@link $L#$L}.\n",
                        ((javax.lang.model.element.TypeElement) in.method().element().getEnclosingElement()).getQualifiedName(),
                        in.method().element().getSimpleName());
        if (!in.facts().usesInstance()) {
            frame.addModifiers(Modifier.STATIC); // holds no reference to an instance it never reads
        }
        for (TypeParameterElement parameter : in.method().element().getTypeParameters()) {
            frame.addTypeVariable(names.typeVariable(parameter));
        }
        FrameLayout layout = in.layout();
        for (VariableElement field : layout.fields()) {
            frame.addField(FieldSpec.builder(types.fieldType(field), layout.fieldName(field), Modifier.PRIVATE).build());
        }
        for (io.jcoro.processor.ir.Temp temp : layout.temps()) {
            frame.addField(FieldSpec.builder(types.castType(temp.type()), temp.name(), Modifier.PRIVATE).build());
        }
        if (!in.body().deferredExits().isEmpty()) {
            frame.addField(FieldSpec.builder(int.class, "$jump", Modifier.PRIVATE).initializer("-1").build());
        }
        if (in.body().ops().stream().anyMatch(op -> op instanceof Op.JumpIfAssertionsDisabled)) {
            frame.addField(assertionStatus());
        }
        java.util.List<Integer> handlers = handlerEntries();
        if (!handlers.isEmpty()) {
            frame.addField(constantTable("$HANDLERS", handlers));
        }
        boolean routed = hasHandlers();
        if (routed) {
            frame.addField(FieldSpec.builder(names.typeName(THROWABLE), "$caught", Modifier.PRIVATE).build());
        }
        frame.addMethod(constructor());
        frame.addField(lineTable());
        frame.addMethod(MethodSpec.methodBuilder("$where")
                .addAnnotation(names.override())
                .addModifiers(Modifier.PROTECTED)
                .returns(names.typeName("java.lang.StackTraceElement"))
                .addStatement("return $$where($S, $S, $S, $$LINES)", binaryName(), in.method().element().getSimpleName(),
                        GeneratedNames.sourceFileName(in.method().unit()))
                .build());
        frame.addMethod(MethodSpec.methodBuilder("$handlers")
                .addAnnotation(names.override())
                .addModifiers(Modifier.PROTECTED)
                .returns(int[].class)
                .addStatement("return $L", handlers.isEmpty() ? "$NO_HANDLERS" : "$HANDLERS")
                .build());
        java.util.List<ResumeMethods.StateBlock> blocks = new StateBlockEmitter(in, renderer, types).blocks(routed);
        frame.addMethods(new ResumeMethods(in.partBudget(), names).build(blocks, new ResumeMethods.Shape(
                routed ? router() : null, !in.body().deferredExits().isEmpty(), renderer.lineMark(in.method().tree().getBody()))));
        return frame.build();
    }

    /**
     * The {@code T} of the frame's {@code Coroutine<T>}: the method's declared result, or, for a
     * wildcard (a class cannot extend {@code Coroutine<?>}), a type whose {@code Coroutine} the
     * override may return as the declared one without a cast: the bound of
     * {@code ? extends B}, and {@code Object} for {@code ?} and for {@code ? super B} (whose body
     * may complete with any supertype of {@code B}: {@code done((Number) x)} in a
     * {@code Coroutine<? super Integer>}).
     */
    private String frameResult(javax.lang.model.type.TypeMirror declared) {
        if (declared instanceof javax.lang.model.type.WildcardType wildcard) {
            return wildcard.getExtendsBound() != null ? types.names().type(wildcard.getExtendsBound())
                    : types.names().type("java.lang.Object");
        }
        return types.names().type(declared);
    }

    /** Generates: {@code private static final int[] $LINES = {12, 13, 13, 15};} (state to user line) */
    private FieldSpec lineTable() {
        return constantTable("$LINES", java.util.Arrays.stream(in.lines()).boxed().toList());
    }

    /**
     * A constant {@code int[]} table. An array initializer costs about 7 bytes of
     * {@code <clinit>} per entry, so a large body's table is written as text, decoded once:
     * {@code $table("12 13 13 15")}; a few thousand states would otherwise make {@code <clinit>}
     * too large for the JIT, and then for javac.
     */
    private static FieldSpec constantTable(String name, java.util.List<Integer> entries) {
        String separator = entries.size() > LITERAL_TABLE_ENTRIES ? " " : ", ";
        String text = entries.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(separator));
        return FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(entries.size() > LITERAL_TABLE_ENTRIES ? CodeBlock.of("$$table($S)", text)
                        : CodeBlock.of("{$L}", text))
                .build();
    }

    /** The most entries a constant table is written with as an array initializer. */
    private static final int LITERAL_TABLE_ENTRIES = 256;

    /**
     * Generates: {@code private static final boolean $ASSERTIONS = Users.class.desiredAssertionStatus();}
     * The status javac's own {@code assert} reads: that of the user's top-level class (JLS 14.10),
     * so that {@code -ea:com.example.Users} enables the awaiting asserts of its coroutines too.
     */
    private FieldSpec assertionStatus() {
        javax.lang.model.element.Element outermost = in.method().element().getEnclosingElement();
        while (outermost.getEnclosingElement() instanceof javax.lang.model.element.TypeElement outer) {
            outermost = outer;
        }
        return FieldSpec.builder(boolean.class, "$ASSERTIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L.class.desiredAssertionStatus()",
                        types.names().type((javax.lang.model.element.TypeElement) outermost))
                .build();
    }

    /** The user's type as a stack trace names it: {@code p.Outer$Inner}. */
    private String binaryName() {
        javax.lang.model.element.TypeElement type =
                (javax.lang.model.element.TypeElement) in.method().element().getEnclosingElement();
        StringBuilder name = new StringBuilder(type.getSimpleName());
        javax.lang.model.element.Element e = type.getEnclosingElement();
        for (; e instanceof javax.lang.model.element.TypeElement outer; e = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "$");
        }
        String pkg = e.toString();
        return pkg.isEmpty() || e.getKind() != javax.lang.model.element.ElementKind.PACKAGE
                || ((javax.lang.model.element.PackageElement) e).isUnnamed() ? name.toString() : pkg + "." + name;
    }

    /** Generates: {@code $FetchUser(int id) { this.id = id; }} */
    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (VariableElement parameter : in.method().element().getParameters()) {
            String name = in.layout().fieldName(parameter);
            constructor.addParameter(types.names().typeName(parameter.asType()), name);
            constructor.addStatement("this.$N = $N", name, name);
        }
        return constructor.build();
    }

    /**
     * Generates the exception router, the catch of the dispatch loop:
     * <pre>{@code
     * } catch (Throwable $e) {
     *     int $h = $handler($HANDLERS, $label);
     *     if ($h < 0) throw $e;
     *     $caught = $e;
     *     $label = $h;
     * }
     * }</pre>
     */
    private CodeBlock router() {
        return CodeBlock.builder()
                .nextControlFlow("catch ($T $$e)", types.names().typeName(THROWABLE))
                .addStatement("int $$h = $$handler($$HANDLERS, $$label)")
                .addStatement("if ($$h < 0) throw $$e")
                .addStatement("$$caught = $$e")
                .add(in.body().deferredExits().isEmpty() ? CodeBlock.of("")
                        : CodeBlock.of("$$jump = -1; // the jump did not happen\n"))
                .addStatement("$$label = $$h")
                .endControlFlow()
                .build();
    }

    private static final String THROWABLE = "java.lang.Throwable";

    private boolean hasHandlers() {
        return in.body().ops().stream().anyMatch(op -> op instanceof Op.Mark mark && mark.handler() != null);
    }

    /**
     * The entries of {@code private static final int[] $HANDLERS = {-1, 4, 4, -2};}, state by
     * state: the state that handles an exception thrown in it (a catch dispatch or a finally);
     * -2 for a state that an await of a generator's next item or of a {@code closeAsync}
     * resumes, whose code reads a failure delivered to it itself; else -1, and a
     * failure delivered there is passed on without resuming the frame. The table stops at the
     * last entry other than -1 ({@code Coroutine.$handler} and the task answer -1 past its end),
     * so a frame without try statements or such awaits has none.
     */
    private java.util.List<Integer> handlerEntries() {
        java.util.List<Integer> handlers = new java.util.ArrayList<>();
        for (Op op : in.body().ops()) {
            if (op instanceof Op.AwaitNext next) {
                setEntry(handlers, next.resume().state(), -2);
            } else if (op instanceof Op.CloseAsync close) {
                setEntry(handlers, close.resume().state(), -2);
            }
        }
        for (Op op : in.body().ops()) { // a handler wins: the failure is thrown to it either way
            if (op instanceof Op.Mark mark && mark.handler() != null) {
                setEntry(handlers, mark.label().state(), mark.handler().state());
            }
        }
        return handlers;
    }

    private static void setEntry(java.util.List<Integer> handlers, int state, int entry) {
        while (handlers.size() <= state) {
            handlers.add(-1);
        }
        handlers.set(state, entry);
    }

    /** Everything the frame emitter reads. */
    record FrameInput(
            io.jcoro.processor.model.AsyncMethod method,
            io.jcoro.processor.analyze.BodyFacts facts,
            io.jcoro.processor.lower.LoweredBody body,
            FrameLayout layout,
            java.util.Map<Op, java.util.List<String>> deadFields,
            int[] lines,
            String frameName,
            int partBudget) {}
}
