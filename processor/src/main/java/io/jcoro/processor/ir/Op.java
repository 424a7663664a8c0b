package io.jcoro.processor.ir;

import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import javax.lang.model.type.TypeMirror;

/** One instruction of the lowered body; see the package documentation for the notation. */
public sealed interface Op {

    /**
     * A state begins here. {@code handler} is where an exception thrown in this state goes (the
     * catch dispatch or finally of the innermost exploded try around it), or null: out of the
     * coroutine.
     */
    record Mark(Label label, Label handler) implements Op {}

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

    /** {@code emit(value)} of an async generator: hands the item over, resuming at {@code resume}. */
    record Emit(ExpressionTree value, Label resume) implements Op {}

    /** The head of an async for: awaits {@code generator.next()}, resuming at {@code resume}. */
    record AwaitNext(Temp generator, Label resume) implements Op {}

    /** After {@link AwaitNext}: continues at {@code end} if the generator is exhausted, else assigns the item. */
    record TakeNext(VariableTree variable, TypeMirror elementType, Label end) implements Op {}

    /** Evaluates an expression for its effect, as the body of an arrow {@code case}: {@code x++;}. */
    record Eval(ExpressionTree expression) implements Op {}

    /** Evaluates {@code value} into {@code temp}: {@code $t0 = value;}. */
    record Spill(Temp temp, ExpressionTree value) implements Op {}

    /** Continues at {@code target} if {@code temp} (a boolean) equals {@code when}. */
    record JumpIfTemp(Temp temp, boolean when, Label target) implements Op {}

    /** Continues at {@code target}. */
    record Jump(Label target) implements Op {}

    /**
     * The handler state of an exploded try: continues at the first catch clause whose types the
     * caught exception is an instance of, or rethrows it (to the finally, or out).
     */
    record CatchDispatch(java.util.List<Catch> catches) implements Op {
        /** @param types the alternatives of the clause ({@code catch (A | B e)}) */
        public record Catch(java.util.List<TypeMirror> types, Label body) {}
    }

    /** The first op of a catch block: {@code IOException e = (IOException) $caught;}. */
    record TakeCaught(VariableTree parameter) implements Op {}

    /** Enters {@code finally} with a pending completion: {@code NORMAL}, or {@code THROW} of the caught exception. */
    record EnterFinally(Finally finally_, int pending) implements Op {}

    /** The end of a finally block: carries out its pending completion (see {@link Finally}). */
    record EndFinally(Finally finally_) implements Op {}

    /**
     * A try-with-resources resource: a declared variable, or (Java 9 {@code try (r)}) a temp
     * holding the expression's value. {@code async} for an {@code io.jcoro.AsyncCloseable}.
     */
    record Resource(javax.lang.model.element.VariableElement variable, Temp temp, TypeMirror type, boolean async) {}

    /** Closes a plain {@code AutoCloseable} resource as JLS 14.20.3.1 does, in a finally. */
    record CloseSync(Finally finally_, Resource resource) implements Op {}

    /** {@code if (r == null) goto skip; await r.closeAsync(pending) -> resume}. */
    record CloseAsync(Finally finally_, Resource resource, Label resume, Label skip) implements Op {}

    /** After {@code closeAsync}: what {@code AsyncCloseable.afterClose} says becomes the pending completion. */
    record AfterCloseAsync(Finally finally_, Resource resource) implements Op {}

    /**
     * Starts an enhanced {@code for}: {@code $a = expr; $i = 0;} over an array, or
     * {@code $it = expr.iterator();} over an {@code Iterable} ({@code index} is then null).
     */
    record IterInit(Temp iterator, Temp index, ExpressionTree iterable) implements Op {}

    /**
     * The head of an enhanced {@code for}: continues at {@code end} when the elements are
     * exhausted, else assigns the next one to {@code variable} ({@code elementType} is the
     * element type javac gave the loop).
     */
    record IterNext(Temp iterator, Temp index, VariableTree variable, TypeMirror elementType, Label end)
            implements Op {}

    /**
     * Dispatches a {@code switch}: continues at the state of the first case whose labels match
     * (and whose guard holds), or at {@code otherwise}. {@code selector} is the temp holding the
     * evaluated selector, or null when the selector tree can be read directly. {@code otherwise}
     * is null for an exhaustive switch without {@code default}: the dispatch is then exhaustive
     * too, so that javac adds the error an unmatched value raises, exactly as in the user's
     * switch. {@code enhanced} for a Java 21 switch (patterns, {@code case null}, guards): the
     * dispatch is a pattern switch over the same labels, which binds the pattern variables.
     */
    record SwitchJump(ExpressionTree selectorTree, Temp selector, java.util.List<Case> cases, Label otherwise,
            boolean enhanced) implements Op {
        /**
         * One {@code case} clause: its labels (constants, enum names, patterns, {@code null},
         * {@code default}), its guard if the dispatch evaluates it (one without awaits), and
         * where it continues.
         */
        public record Case(java.util.List<? extends Tree> labels, ExpressionTree guard, Label body) {}
    }

    /** {@code throw new MatchException(null, null);}: no case of an exhaustive switch matched (JLS 14.11.3). */
    record FailMatch() implements Op {}

    /**
     * Continues at {@code target} if assertions are disabled for the user's class: an
     * {@code assert} with awaits evaluates nothing then (JLS 14.10).
     */
    record JumpIfAssertionsDisabled(Label target) implements Op {}

    /** {@code throw new AssertionError(detail);} of a failed {@code assert}, its detail's awaits spilled. */
    record FailAssertion(com.sun.source.tree.AssertTree statement) implements Op {}

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

    /**
     * Where a {@code break}, {@code continue} or {@code return} inside a kept statement goes when
     * it leaves an exploded statement: straight to a state, or through one or more finally blocks.
     */
    sealed interface Exit {
        record Direct(Label target) implements Exit {}

        /** Through {@code finally_} first; {@code target} is null for a return. */
        record ViaFinally(Finally finally_, Label target) implements Exit {}

        /** {@code yield v;} of an exploded switch expression: {@code result = v}, then {@code end}. */
        record Yield(Temp result, Label end) implements Exit {}
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
