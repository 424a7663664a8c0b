package io.jcoro.processor.ir;

import com.sun.source.tree.CompoundAssignmentTree;
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

    /** Evaluates {@code value} into {@code temp}: {@code $t0 = value;}. */
    record Spill(Temp temp, ExpressionTree value) implements Op {}

    /** Continues at {@code target} if {@code temp} (a boolean) equals {@code when}. */
    record JumpIfTemp(Temp temp, boolean when, Label target) implements Op {}

    /** Continues at {@code target}. */
    record Jump(Label target) implements Op {}

    /** Continues at {@code target} unless {@code condition} holds (a condition without awaits). */
    record JumpUnless(ExpressionTree condition, Label target) implements Op {}

    /**
     * How a subtree of a kept statement is printed once the lowering has evaluated part of it
     * earlier: by the temp that holds its value, or, for a compound assignment whose right side
     * suspends, as a plain assignment from the saved old value (JLS 15.26.2).
     */
    sealed interface Replacement {
        record ByTemp(Temp temp) implements Replacement {}

        /** {@code target = (type) (old op right)}, with the target's subexpressions already spilled. */
        record CompoundWrite(CompoundAssignmentTree tree, Temp old, TypeMirror type, String operator)
                implements Replacement {}
    }

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

        /** An await inside a larger expression: the value goes to {@code temp}, which replaces the await. */
        record ToTemp(Temp temp) implements Use {}

        /** {@code if/while (await(x))}: continues at {@code target} unless the value is {@code expected}. */
        record Branch(boolean expected, Label target) implements Use {}
    }
}
