package io.jcoro.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emit: assembles a frame's state blocks into its {@code $resume} method, split into parts when
 * one method would be too large for the JIT.
 *
 * <p>HotSpot does not compile a method of more than 8,000 bytes of bytecode
 * ({@code -XX:-DontCompileHugeMethods}): a large coroutine in one {@code $resume} would run
 * interpreted forever. So consecutive states are packed into parts of at most {@link #partBudget}
 * characters of generated source each (a bytecode byte takes about one character of source or
 * more; {@code SplitResumeTest} pins the margin on large bodies). A small body keeps the single
 * method of the class comment of {@link FrameEmitter}. A split one gets:
 * <pre>{@code
 * protected Object $resume() throws Throwable {
 *     for (;;) {
 *         try {
 *             Object $r;
 *             if ($label < 0 || $label >= 95) {
 *                 throw $badLabel();
 *             } else if ($label < 40) {
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
 * state gets a case of that state that sets the label and leaves the same way.
 */
final class ResumeMethods {
    /** The default of {@link #partBudget}: generated characters per part, well below 8,000 bytes. */
    static final int DEFAULT_PART_BUDGET = 4_000;

    /** One state's {@code case n: { ... }} block. */
    record StateBlock(int state, CodeBlock code, boolean fallsThrough) {
        int size() {
            return code.toString().length();
        }
    }

    /**
     * What every copy of the dispatch loop shares.
     *
     * @param router the exception router after the {@code switch}, or null without exploded try statements
     * @param deferredJump whether the body can defer a jump in {@code $jump} (taken at the loop's top)
     */
    record Shape(CodeBlock router, boolean deferredJump) {}

    private final int partBudget;

    ResumeMethods(int partBudget) {
        this.partBudget = partBudget;
    }

    List<MethodSpec> build(List<StateBlock> blocks, Shape shape) {
        List<List<StateBlock>> parts = pack(blocks);
        if (parts.size() == 1) {
            return List.of(resume().addCode(single(blocks, shape)).build());
        }
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(resume().addCode(dispatcher(parts, blocks.size(), shape.router())).build());
        for (int i = 0; i < parts.size(); i++) {
            List<StateBlock> part = parts.get(i);
            methods.add(MethodSpec.methodBuilder(partName(i))
                    .addJavadoc("States $L to $L of {@link #$$resume}.\n", part.get(0).state(),
                            part.get(part.size() - 1).state())
                    .addModifiers(Modifier.PRIVATE)
                    .returns(Object.class)
                    .addException(Throwable.class)
                    .addCode(part(part, shape))
                    .build());
        }
        return methods;
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

    private static MethodSpec.Builder resume() {
        return MethodSpec.methodBuilder("$resume")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(Object.class)
                .addException(Throwable.class);
    }

    private static String partName(int index) {
        return "$resume" + index;
    }

    /** The whole body in one dispatch loop; see {@link FrameEmitter}. */
    private static CodeBlock single(List<StateBlock> blocks, Shape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add("$L:\n", GeneratedNames.DISPATCH_LABEL).beginControlFlow("for (;;)");
        takeDeferredJump(code, shape);
        if (shape.router() != null) {
            code.beginControlFlow("try");
        }
        code.beginControlFlow("switch ($$label)");
        cases(code, blocks);
        code.add("default:\n").indent().addStatement("throw $$badLabel()").unindent();
        code.endControlFlow();
        if (shape.router() != null) {
            code.add(shape.router());
        }
        return code.endControlFlow().build();
    }

    /** Picks the part that holds {@code $label}, until a part returns something else than {@code $DISPATCH}. */
    private static CodeBlock dispatcher(List<List<StateBlock>> parts, int states, CodeBlock router) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("for (;;)");
        if (router != null) {
            code.beginControlFlow("try");
        }
        code.addStatement("$T $$r", Object.class);
        code.beginControlFlow("if ($$label < 0 || $$label >= $L)", states).addStatement("throw $$badLabel()");
        for (int i = 0; i < parts.size(); i++) {
            if (i < parts.size() - 1) {
                List<StateBlock> next = parts.get(i + 1);
                code.nextControlFlow("else if ($$label < $L)", next.get(0).state());
            } else {
                code.nextControlFlow("else");
            }
            code.addStatement("$$r = $L()", partName(i));
        }
        code.endControlFlow();
        code.beginControlFlow("if ($$r != $$DISPATCH)").addStatement("return $$r").endControlFlow();
        if (router != null) {
            code.add(router);
        }
        return code.endControlFlow().build();
    }

    private static CodeBlock part(List<StateBlock> part, Shape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add("$L:\n", GeneratedNames.DISPATCH_LABEL).beginControlFlow("for (;;)");
        takeDeferredJump(code, shape);
        code.beginControlFlow("switch ($$label)");
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
            code.add("case $L: {\n", block.state()).indent().add(block.code()).unindent().add("}\n");
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
