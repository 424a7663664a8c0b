package io.jcoro.processor.ir;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import javax.lang.model.type.TypeMirror;

/** One instruction of the lowered body; see the package documentation for the notation. */
public sealed interface Op {

    /** A state begins here. */
    record Mark(Label label) implements Op {}

    /** A statement of the body that contains no suspension. */
    record Code(StatementTree statement) implements Op {}

    /** Awaits {@code awaitable} (the argument of {@code await}), resuming at {@code resume}. */
    record Suspend(ExpressionTree awaitable, Label resume) implements Op {}

    /**
     * Reads the value of the await that led here, of type {@code type}, into {@code use}.
     *
     * @param source the {@code await(...)} call, for its position
     */
    record Take(Use use, TypeMirror type, Tree source) implements Op {}

    /** Continues at {@code target}. */
    record Jump(Label target) implements Op {}

    /** Continues at {@code target} unless {@code condition} holds (a condition without awaits). */
    record JumpUnless(ExpressionTree condition, Label target) implements Op {}

    /** Where the awaited value goes. */
    sealed interface Use {
        /** {@code await(x);} */
        record Discard() implements Use {}

        /** {@code T v = await(x);} */
        record Declare(VariableTree variable) implements Use {}

        /** {@code v = await(x);} or {@code v op= await(x);}: {@code operator} is "=" or "+=" etc. */
        record Assign(ExpressionTree target, String operator) implements Use {}

        /** {@code return done(await(x));} */
        record Return() implements Use {}

        /** {@code if/while (await(x))}: continues at {@code target} unless the value is {@code expected}. */
        record Branch(boolean expected, Label target) implements Use {}
    }
}
