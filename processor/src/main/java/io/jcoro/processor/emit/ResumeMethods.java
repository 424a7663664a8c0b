package io.jcoro.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.SinglePass;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emit: assembles a frame's state blocks into its {@code $resume} method, split into parts when
 * one method would be too large for the JIT.
 *
 * <p>HotSpot does not compile a method of more than 8,000 bytes of bytecode (unless
 * {@code -XX:-DontCompileHugeMethods}): a large coroutine in one {@code $resume} would run
 * interpreted forever. So consecutive states are packed into parts of at most {@link #partBudget}
 * characters of generated source each, counting the finally blocks javac copies
 * ({@link io.jcoro.processor.ir.FinallyCopies}): measured, a character is about 0.4 bytes of bytecode in ordinary code
 * and 1 in dense arithmetic on fields, so the default 4,000 keeps a part near 1.6 KB, at most about
 * 4 KB. A state is never split here ({@link io.jcoro.processor.ir.StateSplitter} has already cut a
 * long one at statement boundaries; one statement stays whole). A small body keeps the single method of the
 * class comment of {@link FrameEmitter}. A split one gets:
 * <pre>{@code
 * protected Object $resume() throws Throwable {
 *     for (;;) {
 *         try {
 *             Object $r;
 *             if ($label < 0 || $label >= 95) {
 *                 throw $badLabel();
 *             }
 *             if ($label < 40) {
 *                 $r = $resume0();
 *             } else {
 *                 $r = $resume1();
 *             }
 *             if ($r != $DISPATCH) return $r;
 *         } catch (Throwable $e) { ... the router, if the body has exploded try statements ... }
 *     }
 * }
 *
 * private Object $resume1() throws Throwable {   // states 40 to 94
 *     $dispatch:
 *     for (;;) {
 *         switch ($label) {
 *             case 40: { ... }
 *             ...
 *             default:
 *                 return $DISPATCH;          // a state of another part: $resume dispatches it
 *         }
 *     }
 * }
 * }</pre>
 * Jumps stay {@code $label = n; continue;}: within a part they loop in the part, to another part
 * they leave through {@code default}. A state that falls through into the next part's first
 * state gets a case of that state that sets the label and leaves the same way. With more than
 * {@value #FAN_OUT} parts, {@code $resume} picks among groups ({@code $resume0g0}, ...), each of
 * which picks among up to {@value #FAN_OUT} parts (or groups, level by level): the dispatch too
 * stays small.
 */
final class ResumeMethods {
    /** The default of {@link #partBudget}: generated characters per part, well below 8,000 bytes. */
    static final int DEFAULT_PART_BUDGET = 4_000;

    /**
     * One state's {@code case n: { ... }} block, formatted once: its text goes into the file as it
     * is, and its size is measured on the same formatting.
     *
     * @param text the block's code, formatted at level 0 with the file's indent
     * @param size the length of the block's code without marks (at JavaPoet's default indent, as
     *     ever), plus the code javac will copy besides: a kept statement's finally blocks, once more
     *     per exit (see {@link io.jcoro.processor.ir.FinallyCopies})
     */
    record StateBlock(int state, String text, int size, boolean fallsThrough) {
        /** @param copies the length of the code javac will copy besides the text */
        static StateBlock of(int state, CodeBlock code, int copies, boolean fallsThrough) {
            SinglePass.Block formatted = SinglePass.format(code, SourceFileWriter.INDENT);
            return new StateBlock(state, formatted.text(), LineMarks.unmarkedLength(formatted.defaultIndented()) + copies,
                    fallsThrough);
        }
    }

    /**
     * What every copy of the dispatch loop shares.
     *
     * @param router the exception router after the {@code switch}, or null without exploded try statements
     * @param deferredJump whether the body can defer a jump in {@code $jump} (taken at the loop's top)
     * @param dispatchMark the {@link LineMarks} mark of the method's declaration line
     */
    record Shape(CodeBlock router, boolean deferredJump, String dispatchMark) {
        /**
         * Marks the code that follows, up to {@link #endDispatch}, as the dispatch: a debugger shows
         * it at the line of the method's declaration (see {@code docs/debugging.md}).
         */
        void dispatch(CodeBlock.Builder code) {
            code.add("$L\n", dispatchMark);
        }

        static void endDispatch(CodeBlock.Builder code) {
            code.add("$L\n", LineMarks.close());
        }
    }

    private final int partBudget;
    private final NameSpeller names;

    ResumeMethods(int partBudget, NameSpeller names) {
        this.partBudget = partBudget;
        this.names = names;
    }

    List<MethodSpec> build(List<StateBlock> blocks, Shape shape) {
        List<List<StateBlock>> parts = pack(blocks);
        if (parts.size() == 1) {
            return List.of(resume().addCode(single(blocks, shape)).build());
        }
        List<MethodSpec> methods = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<StateBlock> part = parts.get(i);
            Target target = new Target(part.get(0).state(), part.get(part.size() - 1).state(), partName(i));
            targets.add(target);
            methods.add(method(target).addCode(part(part, shape)).build());
        }
        // the dispatch itself costs bytecode per target: past FAN_OUT targets, groups pick among parts
        for (int level = 0; targets.size() > FAN_OUT; level++) {
            List<Target> groups = new ArrayList<>();
            for (int from = 0; from < targets.size(); from += FAN_OUT) {
                List<Target> members = targets.subList(from, Math.min(from + FAN_OUT, targets.size()));
                Target group = new Target(members.get(0).first(), members.get(members.size() - 1).last(),
                        "$resume" + level + "g" + groups.size());
                groups.add(group);
                CodeBlock.Builder code = CodeBlock.builder();
                shape.dispatch(code);
                chain(code, members, "return $L()");
                Shape.endDispatch(code);
                methods.add(method(group).addCode(code.build()).build());
            }
            targets = groups;
        }
        methods.add(0, resume().addCode(dispatcher(targets, blocks.size(), shape)).build());
        return methods;
    }

    /** The most targets one dispatch picks among (some 20 bytes of bytecode each). */
    private static final int FAN_OUT = 64;

    /** A method that runs states {@code first} to {@code last}: a part, or a group of parts. */
    private record Target(int first, int last, String name) {}

    private MethodSpec.Builder method(Target target) {
        return MethodSpec.methodBuilder(target.name())
                .addJavadoc("States $L to $L of {@link #$$resume}.\n", target.first(), target.last())
                .addModifiers(Modifier.PRIVATE)
                .returns(names.typeName(OBJECT))
                .addException(names.typeName(THROWABLE));
    }

    /** Generates: {@code if ($label < 40) { <call $resume0> } else if ... else { <call $resumeN> }} */
    private static void chain(CodeBlock.Builder code, List<Target> targets, String call) {
        if (targets.size() == 1) {
            code.addStatement(call, targets.get(0).name());
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            if (i == 0) {
                code.beginControlFlow("if ($$label < $L)", targets.get(1).first());
            } else if (i < targets.size() - 1) {
                code.nextControlFlow("else if ($$label < $L)", targets.get(i + 1).first());
            } else {
                code.nextControlFlow("else");
            }
            code.addStatement(call, targets.get(i).name());
        }
        code.endControlFlow();
    }

    /** Consecutive states, greedily, while a part stays within the budget; a huge state is a part alone. */
    private List<List<StateBlock>> pack(List<StateBlock> blocks) {
        List<List<StateBlock>> parts = new ArrayList<>();
        List<StateBlock> current = new ArrayList<>();
        int size = 0;
        for (StateBlock block : blocks) {
            int blockSize = block.size();
            if (!current.isEmpty() && size + blockSize > partBudget) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(block);
            size += blockSize;
        }
        parts.add(current);
        return parts;
    }

    private MethodSpec.Builder resume() {
        return MethodSpec.methodBuilder("$resume")
                .addAnnotation(names.override())
                .addModifiers(Modifier.PROTECTED)
                .returns(names.typeName(OBJECT))
                .addException(names.typeName(THROWABLE));
    }

    private static final String OBJECT = "java.lang.Object";
    private static final String THROWABLE = "java.lang.Throwable";

    private static String partName(int index) {
        return "$resume" + index;
    }

    /** The whole body in one dispatch loop; see {@link FrameEmitter}. */
    private static CodeBlock single(List<StateBlock> blocks, Shape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        shape.dispatch(code);
        code.add("$L:\n", GeneratedNames.DISPATCH_LABEL).beginControlFlow("for (;;)");
        takeDeferredJump(code, shape);
        if (shape.router() != null) {
            code.beginControlFlow("try");
        }
        code.beginControlFlow("switch ($$label)");
        Shape.endDispatch(code);
        cases(code, blocks);
        code.add("default:\n").indent().addStatement("throw $$badLabel()").unindent();
        code.endControlFlow();
        route(code, shape);
        return code.endControlFlow().build();
    }

    /** The router, if any: part of the dispatch. */
    private static void route(CodeBlock.Builder code, Shape shape) {
        if (shape.router() != null) {
            shape.dispatch(code);
            code.add(shape.router());
            Shape.endDispatch(code);
        }
    }

    /** Picks the part that holds {@code $label}, until a part returns something else than {@code $DISPATCH}. */
    private CodeBlock dispatcher(List<Target> targets, int states, Shape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        shape.dispatch(code);
        code.beginControlFlow("for (;;)");
        if (shape.router() != null) {
            code.beginControlFlow("try");
        }
        code.addStatement("$T $$r", names.typeName(OBJECT));
        code.beginControlFlow("if ($$label < 0 || $$label >= $L)", states).addStatement("throw $$badLabel()").endControlFlow();
        chain(code, targets, "$$r = $L()");
        code.beginControlFlow("if ($$r != $$DISPATCH)").addStatement("return $$r").endControlFlow();
        Shape.endDispatch(code);
        route(code, shape);
        return code.endControlFlow().build();
    }

    private static CodeBlock part(List<StateBlock> part, Shape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        shape.dispatch(code);
        code.add("$L:\n", GeneratedNames.DISPATCH_LABEL).beginControlFlow("for (;;)");
        takeDeferredJump(code, shape);
        code.beginControlFlow("switch ($$label)");
        Shape.endDispatch(code);
        cases(code, part);
        StateBlock last = part.get(part.size() - 1);
        if (last.fallsThrough()) {
            int next = last.state() + 1;
            code.add("case $L: // falls through into the next part\n", next).indent()
                    .addStatement("$$label = $L", next).unindent();
        }
        code.add("default:\n").indent().addStatement("return $$DISPATCH").unindent();
        code.endControlFlow();
        return code.endControlFlow().build();
    }

    private static void cases(CodeBlock.Builder code, List<StateBlock> blocks) {
        for (StateBlock block : blocks) {
            code.add("case $L: {\n", block.state()).indent().add("$L", block.text()).unindent().add("}\n");
        }
    }

    /** A jump out through kept finally blocks or resources, now that Java has run them. */
    private static void takeDeferredJump(CodeBlock.Builder code, Shape shape) {
        if (shape.deferredJump()) {
            code.beginControlFlow("if ($$jump >= 0)")
                    .addStatement("$$label = $$jump")
                    .addStatement("$$jump = -1")
                    .endControlFlow();
        }
    }
}
