package io.jcoro.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.VariableTree;
import io.jcoro.processor.ir.FinallyCopies;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Emit: the code of each state of a frame, op by op: the {@code case n: { ... }} blocks that
 * {@link ResumeMethods} assembles into {@code $resume}. The user's trees are printed by
 * {@link SourceRenderer}; try-statement ops by {@link TryOpEmitter}.
 */
final class StateBlockEmitter {
    private final FrameEmitter.FrameInput in;
    private final SourceRenderer renderer;
    private final TypeRendering types;
    private final TryOpEmitter tries;

    StateBlockEmitter(FrameEmitter.FrameInput in, SourceRenderer renderer, TypeRendering types) {
        this.in = in;
        this.renderer = renderer;
        this.types = types;
        this.tries = new TryOpEmitter(in, types);
    }

    /**
     * The {@code case n: { ... }} block of each state, in state order.
     *
     * @param routed whether the body has exploded try statements (an exception router)
     */
    java.util.List<ResumeMethods.StateBlock> blocks(boolean routed) {
        java.util.List<ResumeMethods.StateBlock> blocks = new java.util.ArrayList<>();
        CodeBlock.Builder code = null;
        int state = -1;
        int copies = 0;
        boolean fallsThrough = false;
        Label previousHandler = null;
        for (Op op : in.body().ops()) {
            if (op instanceof Op.Mark mark) {
                if (code != null) {
                    blocks.add(ResumeMethods.StateBlock.of(state, code.build(), copies, fallsThrough));
                }
                code = CodeBlock.builder();
                copies = 0;
                state = mark.label().state();
                if (fallsThrough && routed && mark.handler() != previousHandler) {
                    // reached by falling through: the router must know this state's handler
                    code.addStatement("$$label = $L", state);
                }
                declaredTemps.clear();
                clear(code, in.deadFields().getOrDefault(mark, java.util.List.of()));
                previousHandler = mark.handler();
                fallsThrough = true;
            } else {
                com.sun.source.tree.Tree tree = io.jcoro.processor.ir.LineTable.firstTree(op);
                if (tree != null) {
                    code.add("$L\n", renderer.lineMark(tree));
                }
                emitOp(code, op);
                if (tree != null) {
                    code.add("$L\n", LineMarks.close());
                }
                if (op instanceof Op.Code kept) {
                    copies += FinallyCopies.extraLength(kept.statement(), renderer::sourceLength);
                }
                fallsThrough = !(op instanceof Op.Jump || op instanceof Op.CatchDispatch);
            }
        }
        if (code != null) {
            blocks.add(ResumeMethods.StateBlock.of(state, code.build(), copies, fallsThrough));
        }
        return blocks;
    }


    private void emitOp(CodeBlock.Builder code, Op op) {
        if (op instanceof Op.Code c) {
            emitStatement(code, c);
        } else if (op instanceof Op.Suspend suspend) {
            java.util.List<String> dead = in.deadFields().getOrDefault(suspend, java.util.List.of());
            if (dead.isEmpty()) {
                code.add("if ($$await($L, $L)) return $$SUSPENDED;\n",
                        render(code, suspend.awaitable()), suspend.resume().state());
            } else {
                // a suspended frame keeps only what it reads again; an await that completed at
                // once clears the same fields, so that no later await has to clear them again
                code.add("if ($$await($L, $L)) {\n", render(code, suspend.awaitable()), suspend.resume().state())
                        .indent();
                clear(code, dead);
                code.addStatement("return $$SUSPENDED").unindent().add("}\n");
                clear(code, dead);
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
        } else if (op instanceof Op.JumpIfAssertionsDisabled jump) {
            code.add("if (!$$ASSERTIONS) {\n").indent()
                    .add("$$label = $L;\ncontinue;\n", jump.target().state())
                    .unindent().add("}\n");
        } else if (op instanceof Op.FailAssertion fail) {
            // the detail's static type picks the constructor, as in javac's own lowering of assert
            com.sun.source.tree.ExpressionTree detail = fail.statement().getDetail();
            if (detail == null) {
                code.addStatement("throw new $T()", types.names().typeName(ASSERTION_ERROR));
            } else {
                code.addStatement("throw new $T($L)", types.names().typeName(ASSERTION_ERROR), render(code, detail));
            }
        } else if (op instanceof Op.FailMatch) {
            code.addStatement("throw new $T(null, null)", types.names().typeName(MATCH_EXCEPTION));
        } else if (op instanceof Op.JumpUnless jump) {
            code.add("if (!($L)) {\n", render(code, stripParentheses(jump.condition()))).indent()
                    .add("$$label = $L;\ncontinue;\n", jump.target().state())
                    .unindent().add("}\n");
        }
    }

    private static final String ASSERTION_ERROR = "java.lang.AssertionError";
    private static final String MATCH_EXCEPTION = "java.lang.MatchException";

    /** Generates: {@code urls = null; $t2 = null;} */
    private static void clear(CodeBlock.Builder code, java.util.List<String> fields) {
        for (String field : fields) {
            code.addStatement("$L = null", field);
        }
    }

    /** Generates: {@code if ($ended()) { $label = 6; continue; } String line = (String) $value();} */
    private void emitTakeNext(CodeBlock.Builder code, Op.TakeNext next) {
        code.add("if ($$ended()) {\n").indent()
                .add("$$label = $L;\ncontinue;\n", next.end().state()).unindent().add("}\n");
        declare(code, next.variable(), CodeBlock.of("($T) $$value()", types.castType(next.elementType())));
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
        declare(code, next.variable(), element);
    }

    /** {@code T x = value;} for a local of the body, or {@code x = value;} where it is a field. */
    private void declare(CodeBlock.Builder code, VariableTree variable, Object value) {
        VariableElement local = in.facts().localRefs().get(variable);
        if (in.layout().isField(local)) {
            code.add("$L = $L;\n", in.layout().fieldName(local), value);
        } else {
            code.add("$L $L = $L;\n", types.declaredType(variable, local), variable.getName(), value);
        }
    }

    /** Generates: {@code switch ($t0) { case "a": $label = 3; continue; ... default: $label = 5; continue; }} */
    private void emitSwitchJump(CodeBlock.Builder code, Op.SwitchJump jump) {
        String selector = jump.selector() != null ? jump.selector().name() : render(code, jump.selectorTree());
        if (jump.enhanced()) {
            emitPatternDispatch(code, jump, selector);
            return;
        }
        if (jump.otherwise() == null) {
            // Generates: $label = switch ($t0) { case RED -> 3; case GREEN -> 4; }; continue;
            code.add("$$label = switch ($L) {\n", selector).indent();
            for (Op.SwitchJump.Case c : jump.cases()) {
                code.add("case $L -> $L;\n", labels(code, c), c.body().state());
            }
            code.unindent().add("};\ncontinue;\n");
            return;
        }
        code.beginControlFlow("switch ($L)", selector);
        for (Op.SwitchJump.Case c : jump.cases()) {
            code.add("case $L:\n", labels(code, c)).indent()
                    .add("$$label = $L;\ncontinue;\n", c.body().state()).unindent();
        }
        code.add("default:\n").indent().add("$$label = $L;\ncontinue;\n", jump.otherwise().state()).unindent();
        code.endControlFlow();
    }

    /**
     * The dispatch of a Java 21 switch: a pattern switch over the user's labels, in their order,
     * that copies the pattern variables kept in fields and picks the next state. A guard is
     * printed reading the pattern's own variables, which its field copies are not yet.
     * Generates:
     * <pre>{@code
     * switch ($t0) {
     *     case Point(int x, int y) when x > 0 -> {
     *         this.x = x;
     *         $label = 4;
     *     }
     *     case null, default -> $label = 7;
     * }
     * continue;
     * }</pre>
     */
    private void emitPatternDispatch(CodeBlock.Builder code, Op.SwitchJump jump, String selector) {
        code.beginControlFlow("switch ($L)", selector);
        for (Op.SwitchJump.Case c : jump.cases()) {
            java.util.Map<VariableElement, String> bindings = new java.util.LinkedHashMap<>();
            c.labels().forEach(label -> collectBindings(label, bindings));
            String guard = c.guard() == null ? "" : " when " + render(code, c.guard(), null, bindings);
            java.util.List<String> copies = new java.util.ArrayList<>();
            bindings.forEach((variable, name) -> {
                if (in.layout().isField(variable)) {
                    copies.add("this." + in.layout().fieldName(variable) + " = " + name + ";");
                }
            });
            boolean onlyDefault = c.labels().size() == 1 && isDefault(c.labels().get(0));
            String head = (onlyDefault ? "default" : "case " + labels(code, c)) + guard + " -> ";
            if (copies.isEmpty()) {
                code.add("$L$$label = $L;\n", head, c.body().state());
            } else {
                code.add("$L{\n", head).indent();
                copies.forEach(copy -> code.add("$L\n", copy));
                code.add("$$label = $L;\n", c.body().state()).unindent().add("}\n");
            }
        }
        if (jump.otherwise() != null) {
            code.add("default -> $$label = $L;\n", jump.otherwise().state());
        }
        code.endControlFlow();
        code.add("continue;\n");
    }

    /** A case's labels as the user wrote them: {@code "A", "B"}, {@code Point(int x, int y)}, {@code null, default}. */
    private String labels(CodeBlock.Builder code, Op.SwitchJump.Case c) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (com.sun.source.tree.Tree label : c.labels()) {
            // a default label has no source range of its own in javac's trees
            labels.add(isDefault(label) ? "default" : render(code, label));
        }
        return String.join(", ", labels);
    }

    private static boolean isDefault(com.sun.source.tree.Tree label) {
        return label.getKind().name().equals("DEFAULT_CASE_LABEL");
    }

    /** The pattern variables declared in {@code label}, each with its name in the pattern. */
    private void collectBindings(com.sun.source.tree.Tree label, java.util.Map<VariableElement, String> into) {
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                VariableElement element = in.facts().localRefs().get(variable);
                if (element != null) {
                    into.put(element, variable.getName().toString());
                }
                return super.visitVariable(variable, unused);
            }
        }.scan(label, null);
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
     * The text is marked with its user line ({@link LineMarks#startingAt}).
     */
    private String render(CodeBlock.Builder code, com.sun.source.tree.Tree tree) {
        return render(code, tree, null, java.util.Map.of());
    }

    private String render(CodeBlock.Builder code, com.sun.source.tree.Tree tree, io.jcoro.processor.ir.Temp defines) {
        return render(code, tree, defines, java.util.Map.of());
    }

    /** @param bound variables read under another name than their field's (a guard's pattern variables) */
    private String render(CodeBlock.Builder code, com.sun.source.tree.Tree tree, io.jcoro.processor.ir.Temp defines,
            java.util.Map<VariableElement, String> bound) {
        java.util.Set<VariableElement> captured = new java.util.LinkedHashSet<>(renderer.capturedFields(tree));
        captured.removeAll(bound.keySet());
        if (captured.isEmpty()) {
            return LineMarks.startingAt(renderer.lineOf(tree), renderer.renderOp(tree, bound, defines));
        }
        java.util.Map<VariableElement, String> snapshots = new java.util.LinkedHashMap<>(bound);
        for (VariableElement variable : captured) {
            String snapshot = in.layout().fieldName(variable) + "$c" + (++snapshotCount);
            code.addStatement("final $T $L = $L", types.fieldType(variable), snapshot, in.layout().fieldName(variable));
            snapshots.put(variable, snapshot);
        }
        return LineMarks.startingAt(renderer.lineOf(tree), renderer.renderOp(tree, snapshots, defines));
    }

    private int snapshotCount;

    /** Temps that are Java locals and already declared in the current state's block. */
    private final java.util.Set<io.jcoro.processor.ir.Temp> declaredTemps = new java.util.HashSet<>();

    /** {@code $t0} for a field temp or one declared already; {@code int $t0} where a local temp is first assigned. */
    private CodeBlock declareTemp(io.jcoro.processor.ir.Temp temp) {
        if (in.layout().isField(temp) || !declaredTemps.add(temp)) {
            return CodeBlock.of("$L", temp.name());
        }
        if (TypeRendering.isNameless(temp.type())) {
            return CodeBlock.of("var $L", temp.name()); // a local or anonymous class: no name to write
        }
        return CodeBlock.of("$T $L", types.castType(temp.type()), temp.name());
    }

    /** Generates {@code <use> (T) $value();} for the await that led to this state. */
    private void emitTake(CodeBlock.Builder code, Op.Take take) {
        CodeBlock value = value(take.type());
        Op.Use use = take.use();
        if (use instanceof Op.Use.Discard) {
            code.add("$$value();\n");
        } else if (use instanceof Op.Use.Declare declaration) {
            declare(code, declaration.variable(), value);
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
        return types.isObject(cast) ? CodeBlock.of("$$value()") : CodeBlock.of("($T) $$value()", cast);
    }

    private static com.sun.source.tree.ExpressionTree stripParentheses(com.sun.source.tree.ExpressionTree tree) {
        while (tree instanceof com.sun.source.tree.ParenthesizedTree parens) {
            tree = parens.getExpression();
        }
        return tree;
    }

}
