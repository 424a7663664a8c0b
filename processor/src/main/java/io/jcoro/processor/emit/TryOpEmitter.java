package io.jcoro.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.VariableTree;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import javax.lang.model.element.VariableElement;

/**
 * Emit: the ops of exploded try statements (catch dispatch, finally with its pending completion,
 * the closing of resources), for {@link FrameEmitter}. Each method shows what it generates.
 */
final class TryOpEmitter {
    private final FrameEmitter.FrameInput in;
    private final TypeRendering types;

    TryOpEmitter(FrameEmitter.FrameInput in, TypeRendering types) {
        this.in = in;
        this.types = types;
    }

    /** Generates: {@code if ($caught instanceof IOException) { $label = 5; continue; } ... throw $caught;} */
    void emitCatchDispatch(CodeBlock.Builder code, Op.CatchDispatch dispatch) {
        for (Op.CatchDispatch.Catch clause : dispatch.catches()) {
            java.util.List<String> tests = new java.util.ArrayList<>();
            for (javax.lang.model.type.TypeMirror type : clause.types()) {
                tests.add("$caught instanceof " + types.castType(type));
            }
            code.add("if ($L) {\n", String.join(" || ", tests)).indent()
                    .add("$$label = $L;\ncontinue;\n", clause.body().state()).unindent().add("}\n");
        }
        code.addStatement("throw $$caught");
    }

    /** Generates: {@code IOException e = (IOException) $caught;} */
    void emitTakeCaught(CodeBlock.Builder code, Op.TakeCaught caught) {
        VariableTree parameter = caught.parameter();
        VariableElement element = in.facts().localRefs().get(parameter);
        TypeName type = types.fieldType(element);
        if (in.layout().isField(element)) {
            code.addStatement("$L = ($T) $$caught", in.layout().fieldName(element), type);
        } else {
            code.addStatement("$T $L = ($T) $$caught", type, parameter.getName(), type);
        }
    }

    /**
     * Generates the end of a finally block (see {@link io.jcoro.processor.ir.Finally}):
     * <pre>{@code
     * if ($t4 == -2) throw (Throwable) $t5;
     * if ($t4 == -3) return $t5;                  // or: pass it to the enclosing finally
     * if ($t4 == 7) { $label = 7; continue; }     // a break/continue that left the try
     * }</pre>
     */
    void emitEndFinally(CodeBlock.Builder code, io.jcoro.processor.ir.Finally f) {
        String pending = f.pending().name();
        io.jcoro.processor.ir.Finally outer = f.outer();
        code.addStatement("if ($L == $L) throw ($T) $L", pending, io.jcoro.processor.ir.Finally.THROW, throwable(),
                f.value().name());
        code.add("if ($L == $L) {\n", pending, io.jcoro.processor.ir.Finally.RETURN).indent();
        if (outer == null) {
            code.addStatement("return $L", f.value().name());
        } else {
            code.addStatement("$L = $L", outer.value().name(), f.value().name())
                    .addStatement("$L = $L", outer.pending().name(), io.jcoro.processor.ir.Finally.RETURN)
                    .add("$$label = $L;\ncontinue;\n", outer.start().state());
        }
        code.unindent().add("}\n");
        for (java.util.Map.Entry<Label, Boolean> target : f.targets().entrySet()) {
            int state = target.getKey().state();
            code.add("if ($L == $L) {\n", pending, state).indent();
            if (target.getValue()) {
                code.addStatement("$L = $L", outer.pending().name(), state)
                        .add("$$label = $L;\ncontinue;\n", outer.start().state());
            } else {
                code.add("$$label = $L;\ncontinue;\n", state);
            }
            code.unindent().add("}\n");
        }
    }

    /**
     * Generates the close of JLS 14.20.3.1, with the finally's pending exception as the primary:
     * <pre>{@code
     * if (in != null) {
     *     if ($t4 == -2) {
     *         try { in.close(); } catch (Throwable $s) { ((Throwable) $t5).addSuppressed($s); }
     *     } else {
     *         in.close();
     *     }
     * }
     * }</pre>
     */
    void emitCloseSync(CodeBlock.Builder code, Op.CloseSync close) {
        io.jcoro.processor.ir.Finally f = close.finally_();
        String resource = resourceName(close.resource());
        code.beginControlFlow("if ($L != null)", resource)
                .beginControlFlow("if ($L == $L)", f.pending().name(), io.jcoro.processor.ir.Finally.THROW)
                .beginControlFlow("try")
                .addStatement("$L.close()", resource)
                .nextControlFlow("catch ($T $$s)", throwable())
                .addStatement("(($T) $L).addSuppressed($$s)", throwable(), f.value().name())
                .endControlFlow()
                .nextControlFlow("else")
                .addStatement("$L.close()", resource)
                .endControlFlow()
                .endControlFlow();
    }

    /** Generates: {@code if (db == null) { $label = 9; continue; } if ($await(db.closeAsync($t4 == -2 ? (Throwable) $t5 : null), 8)) return $SUSPENDED;} */
    void emitCloseAsync(CodeBlock.Builder code, Op.CloseAsync close) {
        io.jcoro.processor.ir.Finally f = close.finally_();
        String resource = resourceName(close.resource());
        code.add("if ($L == null) {\n", resource).indent()
                .add("$$label = $L;\ncontinue;\n", close.skip().state()).unindent().add("}\n");
        code.add("if ($$await($L.closeAsync($L == $L ? ($T) $L : null), $L)) return $$SUSPENDED;\n", resource,
                f.pending().name(), io.jcoro.processor.ir.Finally.THROW, throwable(), f.value().name(),
                close.resume().state());
    }

    /**
     * Generates, after {@code closeAsync} ended:
     * <pre>{@code
     * Throwable $out = $afterClose(db, $t4 == -2 ? (Throwable) $t5 : null);
     * if ($out != null) { $t5 = $out; $t4 = -2; } else if ($t4 == -2) { $t4 = -1; }
     * }</pre>
     */
    void emitAfterCloseAsync(CodeBlock.Builder code, Op.AfterCloseAsync after) {
        io.jcoro.processor.ir.Finally f = after.finally_();
        String pending = f.pending().name();
        code.addStatement("$T $$out = $$afterClose($L, $L == $L ? ($T) $L : null)", throwable(),
                resourceName(after.resource()), pending, io.jcoro.processor.ir.Finally.THROW, throwable(), f.value().name());
        code.beginControlFlow("if ($$out != null)")
                .addStatement("$L = $$out", f.value().name())
                .addStatement("$L = $L", pending, io.jcoro.processor.ir.Finally.THROW)
                .nextControlFlow("else if ($L == $L)", pending, io.jcoro.processor.ir.Finally.THROW)
                .addStatement("$L = $L", pending, io.jcoro.processor.ir.Finally.NORMAL)
                .endControlFlow();
    }

    private TypeName throwable() {
        return types.names().typeName("java.lang.Throwable");
    }

    private String resourceName(Op.Resource resource) {
        return resource.temp() != null ? resource.temp().name() : in.layout().fieldName(resource.variable());
    }
}
