package io.jcoro.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.VariableTree;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.util.TypeNames;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Emit: turns one method's IR into its frame class, a nested class of the generated type.
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
    private final TryOpEmitter tries;

    FrameEmitter(FrameInput in, SourceRenderer renderer, TypeRendering types) {
        this.in = in;
        this.renderer = renderer;
        this.types = types;
        this.tries = new TryOpEmitter(in, types);
    }

    TypeSpec emit() {
        TypeSpec.Builder frame = TypeSpec.classBuilder(in.frameName())
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(TypeNames.COROUTINE, in.method().generator()
                        ? TypeName.get(Void.class) : TypeName.get(in.method().resultType())))
                .addJavadoc("The state machine of {@link $T#$L}.\n",
                        ClassName.get((javax.lang.model.element.TypeElement) in.method().element().getEnclosingElement()),
                        in.method().element().getSimpleName());
        for (TypeParameterElement parameter : in.method().element().getTypeParameters()) {
            frame.addTypeVariable(TypeVariableName.get(parameter));
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
        if (hasHandlers()) {
            frame.addField(handlerTable());
            frame.addField(FieldSpec.builder(Throwable.class, "$caught", Modifier.PRIVATE).build());
        }
        frame.addMethod(constructor());
        frame.addField(lineTable());
        frame.addMethod(MethodSpec.methodBuilder("$where")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(StackTraceElement.class)
                .addStatement("return $$where($S, $S, $S, $$LINES)", binaryName(), in.method().element().getSimpleName(),
                        sourceFileName())
                .build());
        frame.addMethod(MethodSpec.methodBuilder("$resume")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(Object.class)
                .addException(Throwable.class)
                .addCode(resumeBody())
                .build());
        return frame.build();
    }

    /** Generates: {@code private static final int[] $LINES = {12, 13, 13, 15};} (state to user line) */
    private FieldSpec lineTable() {
        StringBuilder lines = new StringBuilder();
        for (int line : in.lines()) {
            lines.append(lines.length() == 0 ? "" : ", ").append(line);
        }
        return FieldSpec.builder(int[].class, "$LINES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", lines)
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

    private String sourceFileName() {
        String path = in.method().unit().getSourceFile().getName().replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Generates: {@code $FetchUser(int id) { this.id = id; }} */
    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (VariableElement parameter : in.method().element().getParameters()) {
            String name = in.layout().fieldName(parameter);
            constructor.addParameter(TypeName.get(parameter.asType()), name);
            constructor.addStatement("this.$N = $N", name, name);
        }
        return constructor.build();
    }

    /**
     * Generates the dispatch loop; see the class comment. A body with exploded try statements
     * also gets the exception router:
     * <pre>{@code
     * $dispatch:
     * for (;;) {
     *     try {
     *         switch ($label) { ... }
     *     } catch (Throwable $e) {
     *         int $h = $handler($HANDLERS, $label);
     *         if ($h < 0) throw $e;
     *         $caught = $e;
     *         $label = $h;
     *     }
     * }
     * }</pre>
     */
    private CodeBlock resumeBody() {
        CodeBlock.Builder code = CodeBlock.builder();
        boolean routed = hasHandlers();
        code.add("$L:\n", GeneratedNames.DISPATCH_LABEL);
        code.beginControlFlow("for (;;)");
        boolean deferred = !in.body().deferredExits().isEmpty();
        if (deferred) {
            // a jump out through kept finally blocks or resources, now that Java has run them
            code.beginControlFlow("if ($$jump >= 0)")
                    .addStatement("$$label = $$jump")
                    .addStatement("$$jump = -1")
                    .endControlFlow();
        }
        if (routed) {
            code.beginControlFlow("try");
        }
        code.beginControlFlow("switch ($$label)");
        boolean open = false;
        boolean fallsThrough = false;
        Label previousHandler = null;
        for (Op op : in.body().ops()) {
            if (op instanceof Op.Mark mark) {
                if (open) {
                    code.unindent().add("}\n");
                }
                code.add("case $L: {\n", mark.label().state()).indent();
                if (fallsThrough && routed && mark.handler() != previousHandler) {
                    // reached by falling through: the router must know this state's handler
                    code.addStatement("$$label = $L", mark.label().state());
                }
                declaredTemps.clear();
                previousHandler = mark.handler();
                open = true;
                fallsThrough = true;
            } else {
                emitOp(code, op);
                fallsThrough = !(op instanceof Op.Jump || op instanceof Op.CatchDispatch);
            }
        }
        if (open) {
            code.unindent().add("}\n");
        }
        code.add("default:\n").indent().addStatement("throw $$badLabel()").unindent();
        code.endControlFlow();
        if (routed) {
            code.nextControlFlow("catch ($T $$e)", Throwable.class)
                    .addStatement("int $$h = $$handler($$HANDLERS, $$label)")
                    .addStatement("if ($$h < 0) throw $$e")
                    .addStatement("$$caught = $$e")
                    .add(deferred ? CodeBlock.of("$$jump = -1; // the jump did not happen\n") : CodeBlock.of(""))
                    .addStatement("$$label = $$h")
                    .endControlFlow();
        }
        code.endControlFlow();
        return code.build();
    }

    private boolean hasHandlers() {
        return in.body().ops().stream().anyMatch(op -> op instanceof Op.Mark mark && mark.handler() != null);
    }

    /**
     * Generates: {@code private static final int[] $HANDLERS = {-1, 4, 4};} (state to handler state).
     * The table stops at the last state that has a handler: {@code Coroutine.$handler} answers -1
     * past its end, and the states after the last try statement need no entries to compile.
     */
    private FieldSpec handlerTable() {
        java.util.List<Integer> handlers = new java.util.ArrayList<>();
        for (Op op : in.body().ops()) {
            if (op instanceof Op.Mark mark && mark.handler() != null) {
                while (handlers.size() <= mark.label().state()) {
                    handlers.add(-1);
                }
                handlers.set(mark.label().state(), mark.handler().state());
            }
        }
        return FieldSpec.builder(int[].class, "$HANDLERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", handlers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                .build();
    }

    private void emitOp(CodeBlock.Builder code, Op op) {
        if (op instanceof Op.Code c) {
            emitStatement(code, c);
        } else if (op instanceof Op.Suspend suspend) {
            java.util.List<String> dead = in.deadAtSuspension().getOrDefault(suspend, java.util.List.of());
            if (dead.isEmpty()) {
                code.add("if ($$await($L, $L)) return $$SUSPENDED;\n",
                        render(code, suspend.awaitable()), suspend.resume().state());
            } else {
                // a suspended frame keeps only what it reads again
                code.add("if ($$await($L, $L)) {\n", render(code, suspend.awaitable()), suspend.resume().state())
                        .indent();
                for (String field : dead) {
                    code.addStatement("$L = null", field);
                }
                code.addStatement("return $$SUSPENDED").unindent().add("}\n");
            }
        } else if (op instanceof Op.Take take) {
            emitTake(code, take);
        } else if (op instanceof Op.CatchDispatch dispatch) {
            tries.emitCatchDispatch(code, dispatch);
        } else if (op instanceof Op.TakeCaught caught) {
            tries.emitTakeCaught(code, caught);
        } else if (op instanceof Op.EnterFinally enter) {
            io.jcoro.processor.ir.Finally f = enter.finally_();
            if (enter.pending() == io.jcoro.processor.ir.Finally.THROW) {
                code.addStatement("$L = $$caught", f.value().name());
            }
            code.addStatement("$L = $L", f.pending().name(), enter.pending());
        } else if (op instanceof Op.CloseSync close) {
            tries.emitCloseSync(code, close);
        } else if (op instanceof Op.CloseAsync close) {
            tries.emitCloseAsync(code, close);
        } else if (op instanceof Op.AfterCloseAsync after) {
            tries.emitAfterCloseAsync(code, after);
        } else if (op instanceof Op.EndFinally end) {
            tries.emitEndFinally(code, end.finally_());
        } else if (op instanceof Op.Emit emit) {
            code.add("return $$emit($L, $L);\n", render(code, emit.value()), emit.resume().state());
        } else if (op instanceof Op.AwaitNext next) {
            code.add("if ($$await($L.next(), $L)) return $$SUSPENDED;\n", next.generator().name(), next.resume().state());
        } else if (op instanceof Op.TakeNext next) {
            emitTakeNext(code, next);
        } else if (op instanceof Op.Eval eval) {
            code.add("$L;\n", render(code, eval.expression()));
        } else if (op instanceof Op.IterInit init) {
            emitIterInit(code, init);
        } else if (op instanceof Op.IterNext next) {
            emitIterNext(code, next);
        } else if (op instanceof Op.SwitchJump jump) {
            emitSwitchJump(code, jump);
        } else if (op instanceof Op.Spill spill) {
            code.add("$L = $L;\n", declareTemp(spill.temp()), render(code, spill.value(), spill.temp()));
        } else if (op instanceof Op.JumpIfTemp jump) {
            code.add("if ($L$L) {\n", jump.when() ? "" : "!", jump.temp().name()).indent()
                    .add("$$label = $L;\ncontinue;\n", jump.target().state())
                    .unindent().add("}\n");
        } else if (op instanceof Op.Jump jump) {
            code.add("$$label = $L;\ncontinue;\n", jump.target().state());
        } else if (op instanceof Op.JumpUnless jump) {
            code.add("if (!($L)) {\n", render(code, stripParentheses(jump.condition()))).indent()
                    .add("$$label = $L;\ncontinue;\n", jump.target().state())
                    .unindent().add("}\n");
        }
    }

    /** Generates: {@code if ($ended()) { $label = 6; continue; } String line = (String) $value();} */
    private void emitTakeNext(CodeBlock.Builder code, Op.TakeNext next) {
        code.add("if ($$ended()) {\n").indent()
                .add("$$label = $L;\ncontinue;\n", next.end().state()).unindent().add("}\n");
        VariableTree variable = next.variable();
        VariableElement local = in.facts().localRefs().get(variable);
        CodeBlock item = CodeBlock.of("($T) $$value()", types.castType(next.elementType()));
        if (in.layout().isField(local)) {
            code.add("$L = $L;\n", in.layout().fieldName(local), item);
        } else {
            code.add("$L $L = $L;\n", types.declaredType(variable, local), variable.getName(), item);
        }
    }

    /** Generates: {@code $t0 = items; $t1 = 0;} (array) or {@code $t0 = (items).iterator();} */
    private void emitIterInit(CodeBlock.Builder code, Op.IterInit init) {
        if (init.index() != null) {
            code.add("$L = $L;\n", declareTemp(init.iterator()), render(code, init.iterable()));
            code.add("$L = 0;\n", declareTemp(init.index()));
        } else {
            code.add("$L = ($L).iterator();\n", declareTemp(init.iterator()), render(code, init.iterable()));
        }
    }

    /** Generates: {@code if (!$t0.hasNext()) { $label = 7; continue; } String s = (String) $t0.next();} */
    private void emitIterNext(CodeBlock.Builder code, Op.IterNext next) {
        String it = next.iterator().name();
        if (next.index() != null) {
            code.add("if ($L >= $L.length) {\n", next.index().name(), it);
        } else {
            code.add("if (!$L.hasNext()) {\n", it);
        }
        code.indent().add("$$label = $L;\ncontinue;\n", next.end().state()).unindent().add("}\n");
        String element = next.index() != null
                ? it + "[" + next.index().name() + "++]"
                : "(" + types.castType(next.elementType()) + ") " + it + ".next()";
        VariableTree variable = next.variable();
        VariableElement local = in.facts().localRefs().get(variable);
        if (in.layout().isField(local)) {
            code.add("$L = $L;\n", in.layout().fieldName(local), element);
        } else {
            code.add("$L $L = $L;\n", types.declaredType(variable, local), variable.getName(), element);
        }
    }

    /** Generates: {@code switch ($t0) { case "a": $label = 3; continue; ... default: $label = 5; continue; }} */
    private void emitSwitchJump(CodeBlock.Builder code, Op.SwitchJump jump) {
        String selector = jump.selector() != null ? jump.selector().name() : render(code, jump.selectorTree());
        if (jump.otherwise() == null) {
            // Generates: $label = switch ($t0) { case RED -> 3; case GREEN -> 4; }; continue;
            code.add("$$label = switch ($L) {\n", selector).indent();
            for (Op.SwitchJump.Case c : jump.cases()) {
                java.util.List<String> labels = new java.util.ArrayList<>();
                for (com.sun.source.tree.ExpressionTree label : c.labels()) {
                    labels.add(render(code, label));
                }
                code.add("case $L -> $L;\n", String.join(", ", labels), c.body().state());
            }
            code.unindent().add("};\ncontinue;\n");
            return;
        }
        code.beginControlFlow("switch ($L)", selector);
        for (Op.SwitchJump.Case c : jump.cases()) {
            java.util.List<String> labels = new java.util.ArrayList<>();
            for (com.sun.source.tree.ExpressionTree label : c.labels()) {
                labels.add(render(code, label));
            }
            code.add("case $L:\n", String.join(", ", labels)).indent()
                    .add("$$label = $L;\ncontinue;\n", c.body().state()).unindent();
        }
        code.add("default:\n").indent().add("$$label = $L;\ncontinue;\n", jump.otherwise().state()).unindent();
        code.endControlFlow();
    }

    /** A kept statement; a hoisted variable's declaration becomes an assignment to its field. */
    private void emitStatement(CodeBlock.Builder code, Op.Code c) {
        if (c.statement() instanceof VariableTree variable) {
            VariableElement element = in.facts().localRefs().get(variable);
            if (element != null && in.layout().isField(element)) {
                if (variable.getInitializer() != null) {
                    // an array initializer without 'new' is only legal in a declaration
                    String prefix = variable.getInitializer() instanceof com.sun.source.tree.NewArrayTree array
                            && array.getType() == null ? "new " + types.fieldType(element) + " " : "";
                    code.add("$L = $L$L;\n", in.layout().fieldName(element), prefix,
                            render(code, variable.getInitializer()));
                }
                return;
            }
            // printed from its parts: 'int a = 1, b = 2' gives two trees that share one type
            String initializer = variable.getInitializer() == null ? "" : " = " + render(code, variable.getInitializer());
            code.add("$L$L $L$L;\n", variable.getModifiers().getFlags().contains(Modifier.FINAL) ? "final " : "",
                    types.declaredType(variable, element), variable.getName(), initializer);
            return;
        }
        String text = render(code, c.statement());
        // the statements of a for header are written without their ';'
        String statement = text + (text.endsWith(";") || text.endsWith("}") ? "" : ";");
        if (holdsDeferredExit(c.statement())) {
            // the statement may set $jump and then not jump after all (a kept catch swallows the
            // failure of a close on the way out): finishing normally withdraws it. 'if (true)'
            // keeps the withdrawal reachable code whatever javac thinks of the statement's end.
            code.add("if (true) {\n").indent().add("$L\n", statement).unindent().add("}\n");
            code.addStatement("$$jump = -1");
        } else {
            code.add("$L\n", statement);
        }
    }

    private boolean holdsDeferredExit(com.sun.source.tree.Tree statement) {
        if (in.body().deferredExits().isEmpty()) {
            return false;
        }
        boolean[] found = new boolean[1];
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void scan(com.sun.source.tree.Tree node, Void unused) {
                if (node != null && in.body().deferredExits().contains(node)) {
                    found[0] = true;
                }
                return found[0] ? null : super.scan(node, unused);
            }
        }.scan(statement, null);
        return found[0];
    }

    /**
     * Renders a tree of the body. If lambdas or nested classes in it capture hoisted variables,
     * first generates a snapshot of each, {@code final int v$c1 = v;}, and renders the tree
     * reading the snapshots: captured values then stay the ones of this moment, as in plain Java.
     */
    private String render(CodeBlock.Builder code, com.sun.source.tree.Tree tree) {
        return render(code, tree, null);
    }

    private String render(CodeBlock.Builder code, com.sun.source.tree.Tree tree, io.jcoro.processor.ir.Temp defines) {
        java.util.Set<VariableElement> captured = renderer.capturedFields(tree);
        if (captured.isEmpty()) {
            return renderer.renderOp(tree, java.util.Map.of(), defines);
        }
        java.util.Map<VariableElement, String> snapshots = new java.util.LinkedHashMap<>();
        for (VariableElement variable : captured) {
            String snapshot = in.layout().fieldName(variable) + "$c" + (++snapshotCount);
            code.addStatement("final $T $L = $L", types.fieldType(variable), snapshot, in.layout().fieldName(variable));
            snapshots.put(variable, snapshot);
        }
        return renderer.renderOp(tree, snapshots, defines);
    }

    private int snapshotCount;

    /** Temps that are Java locals and already declared in the current state's block. */
    private final java.util.Set<io.jcoro.processor.ir.Temp> declaredTemps = new java.util.HashSet<>();

    /** {@code $t0} for a field temp or one declared already; {@code int $t0} where a local temp is first assigned. */
    private CodeBlock declareTemp(io.jcoro.processor.ir.Temp temp) {
        if (in.layout().isField(temp) || !declaredTemps.add(temp)) {
            return CodeBlock.of("$L", temp.name());
        }
        return CodeBlock.of("$T $L", types.castType(temp.type()), temp.name());
    }

    /** Generates {@code <use> (T) $value();} for the await that led to this state. */
    private void emitTake(CodeBlock.Builder code, Op.Take take) {
        CodeBlock value = value(take.type());
        Op.Use use = take.use();
        if (use instanceof Op.Use.Discard) {
            code.add("$$value();\n");
        } else if (use instanceof Op.Use.Declare declare) {
            VariableTree variable = declare.variable();
            VariableElement element = in.facts().localRefs().get(variable);
            if (in.layout().isField(element)) {
                code.add("$L = $L;\n", in.layout().fieldName(element), value);
            } else {
                code.add("$L $L = $L;\n", types.declaredType(variable, element), variable.getName(), value);
            }
        } else if (use instanceof Op.Use.Assign assign) {
            code.add("$L $L $L;\n", render(code, assign.target()), assign.operator(), value);
        } else if (use instanceof Op.Use.ToTemp to) {
            code.add("$L = $L;\n", declareTemp(to.temp()), value);
        } else if (use instanceof Op.Use.Return) {
            code.add("return $$return($L);\n", value);
        } else if (use instanceof Op.Use.Branch branch) {
            code.add("if ($L) {\n", branch.expected() ? CodeBlock.of("!($L)", value) : value).indent()
                    .add("$$label = $L;\ncontinue;\n", branch.target().state())
                    .unindent().add("}\n");
        }
    }

    /** {@code (User) $value()}; no cast where the value is an Object anyway. */
    private CodeBlock value(TypeMirror type) {
        TypeName cast = types.castType(type);
        return cast.equals(TypeName.get(Object.class)) ? CodeBlock.of("$$value()") : CodeBlock.of("($T) $$value()", cast);
    }

    private static com.sun.source.tree.ExpressionTree stripParentheses(com.sun.source.tree.ExpressionTree tree) {
        while (tree instanceof com.sun.source.tree.ParenthesizedTree parens) {
            tree = parens.getExpression();
        }
        return tree;
    }

    /** Everything the frame emitter reads. */
    record FrameInput(
            io.jcoro.processor.model.AsyncMethod method,
            io.jcoro.processor.analyze.BodyFacts facts,
            io.jcoro.processor.lower.LoweredBody body,
            FrameLayout layout,
            java.util.Map<Op.Suspend, java.util.List<String>> deadAtSuspension,
            int[] lines,
            String frameName) {}
}
