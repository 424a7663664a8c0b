package io.jcoro;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A coroutine object: what calling an {@code @Async} method returns. Nothing of its body runs
 * until it is awaited, wrapped in a task ({@link Coro#createTask(Coroutine)}) or run
 * ({@link Coro#run(Coroutine)}).
 *
 * <pre>{@code
 * Coroutine<User> c = users.fetchUser(1);   // CREATED: nothing ran
 * User u = await(c);                       // runs inline, on the awaiting task
 * }</pre>
 *
 * <p>A coroutine runs once: awaiting it a second time fails with
 * {@code IllegalStateException("cannot reuse already awaited coroutine")}.
 *
 * <h2>Generated-code ABI</h2>
 *
 * <p>The processor generates one subclass per {@code @Async} method: a <em>frame</em> whose fields
 * hold the parameters and the locals that live across an {@code await}, and whose
 * {@link #$resume()} is a {@code switch} over {@link #$label}. The {@code $}-prefixed members
 * below are that contract; user code never calls them. Changing their meaning breaks every
 * generated class compiled against an older runtime.
 *
 * <pre>{@code
 * protected Object $resume() throws Throwable {
 *     for (;;) switch ($label) {
 *         case 0: {
 *             if ($await(sleep(100), 1)) return $SUSPENDED;   // suspends, or falls through
 *         }
 *         case 1: {
 *             $value();                                       // the awaited value, or throws
 *             return $return("done");
 *         }
 *         default: throw $badLabel();
 *     }
 * }
 * }</pre>
 *
 * <h2>How a chain of frames runs</h2>
 *
 * <p>Awaiting a coroutine starts it inline, on the awaiting frame's task: no loop trip, as
 * Python's {@code yield from}. If it completes without suspending, the awaiting frame goes on at
 * once with its result. If it suspends, the whole chain suspends; the task remembers the innermost
 * frame (the leaf) and, when what the leaf awaits completes, resumes the leaf and then each caller
 * in turn as each returns (a loop in {@link Task}, not recursion). An awaitable that is already
 * done is read without suspending and without allocating. Inline starts nest on the Java stack;
 * past {@link Task#MAX_INLINE_DEPTH} of them the next one is started by the task instead, on an
 * empty stack, so that recursion through awaits is bounded by the heap, not by the thread's stack.
 *
 * @param <T> the type of the coroutine's result
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** Returned by {@link #$resume()} when the body suspended; never a user value. */
    protected static final Object $SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /** Returned by the {@link #$resume()} of a generator body that emitted an item ({@link #$emit}). */
    protected static final Object $EMITTED = new Object() {
        @Override
        public String toString() {
            return "EMITTED";
        }
    };

    /**
     * Returned by one part of a {@link #$resume()} split for size (HotSpot does not JIT-compile a
     * method of more than 8,000 bytecode bytes) when the next state lies in another part: the
     * generated {@code $resume()} then dispatches {@link #$label} again. Never leaves the frame.
     */
    protected static final Object $DISPATCH = new Object() {
        @Override
        public String toString() {
            return "DISPATCH";
        }
    };

    /** The handler table of a frame without try statements: no state handles a failure. */
    protected static final int[] $NO_HANDLERS = {};

    /** The state the next {@link #$resume()} enters; the body starts at state 0. */
    protected int $label;

    // The lifecycle state and the debug-mode bit are a byte each, not references: a frame is most
    // of a suspended task's memory, and debug-only data lives in NeverAwaited's side table.
    private static final byte ST_CREATED = 0;
    private static final byte ST_RUNNING = 1;
    private static final byte ST_SUSPENDED = 2;
    private static final byte ST_CLOSED = 3;
    /** {@link #state()} by the byte; the ST_ constants are the ordinals of CoroutineState. */
    private static final CoroutineState[] STATES = CoroutineState.values();

    private byte state = ST_CREATED;

    /** In debug mode: this coroutine's creation site is in {@link NeverAwaited}'s table. */
    private boolean watched;

    /**
     * While this frame runs: how many inline starts hold it on the Java stack (0 when its task's
     * step resumed it). Kept in the frame, where it fills an alignment gap, so that an inline
     * start writes nothing to the task; see {@link #startInline}.
     */
    byte inlineDepth;

    /**
     * What the last await produced, read by {@link #$value()}: its value, or its failure if
     * {@link #inFailed}. One field for both keeps a suspended frame 4 bytes smaller; it is
     * written through {@link #deliver(Object)} and {@link #deliverFailure(Throwable)}.
     */
    private Object inValue;

    /** {@link #inValue} is a failure, to be thrown by {@link #$value()}. */
    private boolean inFailed;

    /** The frame awaiting this one inline, or null for the root of a task. */
    Coroutine<?> caller;

    /** The task driving this frame while it runs or is suspended; null before and after. */
    Task<?> task;

    /** For subclasses generated by the processor. */
    protected Coroutine() {
        if (NeverAwaited.anyDebug) {
            EventLoop loop = EventLoop.currentOrNull();
            if (loop != null && loop.isDebug()) {
                loop.neverAwaited().watch(this);
                watched = true;
            }
        }
    }

    /**
     * The coroutine started (or was closed, or is a generator's body, which Python does not
     * report either): it will not be reported as never awaited.
     */
    final void started() {
        if (watched) {
            watched = false;
            NeverAwaited.started(this);
        }
    }

    /** This coroutine's lifecycle state. */
    public final CoroutineState state() {
        return STATES[state];
    }

    /**
     * The qualified name of the coroutine method, {@code "Users.fetchUser"}. A generated frame
     * does not override this: its type and method are those of {@link #$where()}, which it
     * overrides anyway (one member fewer per frame for javac to compile).
     */
    public String name() {
        StackTraceElement where = $where();
        if (where == null) {
            return getClass().getName();
        }
        String type = where.getClassName();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1) + "." + where.getMethodName();
    }

    /**
     * Closes a coroutine that has not started, so that it never runs (and is not reported as
     * never awaited). Closing a closed coroutine does nothing. A running or suspended coroutine is
     * driven by a task: cancel the task instead.
     *
     * @throws IllegalStateException if the coroutine is running or suspended
     */
    public void close() {
        switch (state) {
            case ST_CREATED -> {
                started();
                state = ST_CLOSED;
            }
            case ST_CLOSED -> { }
            default -> throw new IllegalStateException(
                    "cannot close coroutine '" + name() + "' while it is " + state().name().toLowerCase()
                            + "; cancel the task that drives it");
        }
    }

    @Override
    public String toString() {
        return "Coroutine[" + name() + ", " + state() + "]";
    }

    // ---------------------------------------------------------------- generated-code ABI

    /**
     * Runs the body from {@link #$label} until it returns, throws or suspends.
     *
     * @return the result, or {@link #$SUSPENDED}
     */
    protected abstract Object $resume() throws Throwable;

    /**
     * Awaits {@code awaitable}, to go on at state {@code resumeAt}. Returns true if the frame must
     * suspend ({@code return $SUSPENDED}); false if the outcome is already there, in which case
     * the frame falls through to {@code resumeAt} and reads it with {@link #$value()}. Never
     * throws: a failure (including misuse such as a reused coroutine) is delivered through
     * {@link #$value()} at the await's own position.
     */
    protected final boolean $await(Awaitable<?> awaitable, int resumeAt) {
        // This is the fast path of every await, so it writes as little as it can: every branch
        // but a sleep delivers an outcome (a sleep's wake-up delivers none, so the stale one is
        // cleared there), and a done future's outcome is read (a volatile read) before $label is
        // written, so that the JIT can fold that write into the frame's next one.
        if (awaitable instanceof FutureCore<?> future) {
            boolean done = future.deliverTo(this);
            $label = resumeAt;
            if (done) {
                return false;
            }
            Task<?> t = task;
            if (t == null || future == t) {
                deliverFailure(t == null ? notDrivenByATask()
                        : new IllegalStateException("Task cannot await on itself: " + t));
                return false;
            }
            t.suspendOn(this, future);
            return true;
        }
        $label = resumeAt;
        if (awaitable instanceof Coroutine<?> child) {
            return startInline(child);
        } else if (awaitable instanceof Delay delay) {
            Task<?> t = task;
            if (t == null) {
                deliverFailure(notDrivenByATask());
                return false;
            }
            deliver(null);
            t.sleep(this, delay);
            return true;
        } else {
            deliverFailure(new NullPointerException("await(null): nothing to await"));
            return false;
        }
    }

    /** {@code await(CompletionStage)}: the same contract as {@link #$await(Awaitable, int)}. */
    protected final boolean $await(CompletionStage<?> stage, int resumeAt) {
        if (stage == null) {
            return $await((Awaitable<?>) null, resumeAt);
        }
        CompletableFuture<?> future = null;
        try {
            future = stage.toCompletableFuture();
        } catch (UnsupportedOperationException notConvertible) {
            // a stage that cannot be viewed as a future is adapted below
        }
        if (future != null && future.isDone()) {
            $label = resumeAt;
            try {
                deliver(future.join());
            } catch (CompletionException e) {
                deliverFailure(e.getCause() != null ? e.getCause() : e);
            } catch (RuntimeException cancelled) {
                deliverFailure(cancelled);
            }
            return false;
        }
        return $await(Promise.adapt(stage), resumeAt);
    }

    /**
     * {@code emit(value)} in the body of an {@code AsyncGenerator<T>} method: hands {@code value}
     * to the consumer and suspends, to go on at {@code resumeAt} with what the consumer sends
     * (read with {@link #$value()}; a value thrown in with {@code throwInto} is thrown there).
     *
     * @return {@link #$EMITTED}, for {@code $resume()} to return
     */
    protected final Object $emit(Object value, int resumeAt) {
        $label = resumeAt;
        deliver(value);
        return $EMITTED;
    }

    /**
     * After awaiting {@code generator.next()} in an async for: true (and the end consumed) if the
     * generator is exhausted; otherwise the item is read with {@link #$value()}.
     */
    protected final boolean $ended() {
        if (inFailed && inValue instanceof StopAsyncIteration) {
            deliver(null);
            return true;
        }
        return false;
    }

    /** The value of the await that led to the current state; throws its failure unchanged. */
    protected final Object $value() throws Throwable {
        Object value = inValue;
        inValue = null;
        if (inFailed) {
            inFailed = false;
            throw (Throwable) value;
        }
        return value;
    }

    /**
     * The failure of the await that led to the current state, or null if it succeeded; for
     * generated code that handles the failure itself (closing an async resource). The value is
     * discarded.
     */
    protected final Throwable $failure() {
        Throwable failure = inFailed ? (Throwable) inValue : null;
        deliver(null);
        if (failure != null) {
            AsyncTrace.handledOnThisThread(); // user code (a closeAsync) is handed the failure
        }
        return failure;
    }

    /**
     * {@code return done(value)}: hands {@code value} back as the result. Typed as {@code T} so
     * that the argument is checked, converted and target-typed exactly as in {@code done(value)}.
     */
    protected final Object $return(T value) {
        return value;
    }

    /**
     * The exception router of a frame with exploded try statements: the state that handles an
     * exception thrown in {@code state} (a catch dispatch or a finally), or a negative number to
     * let it leave the coroutine. {@code handlers} is the frame's constant state-to-handler table;
     * it may stop at the last state that has an entry other than -1. Before user code handles the
     * exception, the async part of the trace of a failure crossing frames is written (see
     * {@link AsyncTrace}).
     */
    protected static int $handler(int[] handlers, int state) {
        int handler = state >= 0 && state < handlers.length ? handlers[state] : -1;
        if (handler >= 0) {
            AsyncTrace.handledOnThisThread(); // the user's catch or finally may read the failure's trace
        }
        return handler;
    }

    /**
     * The frame's state-to-handler table (see {@link #$handler}), or {@link #$NO_HANDLERS}: what
     * lets the task pass a failure on without resuming the frame (see {@link #passesFailure}).
     * An entry is the state that handles an exception thrown in that state; -2 for a state that
     * reads a failure delivered to it itself instead of rethrowing it (an async for's
     * {@link #$ended}, an async try-with-resources' {@link #$afterClose}), which must be resumed to
     * receive it; -1 for none, as is every state past the table's end. Null, the default, for
     * frames that do not say: they are always resumed.
     */
    protected int[] $handlers() {
        return null;
    }

    /**
     * Whether the failure delivered to this frame would only be rethrown by the first statement
     * of its current state ({@code $value()}), there being no handler for that state: the task
     * then passes it to the caller without resuming the frame, and without the cost of throwing
     * it (an exception thrown out of a compiled {@code $resume()} costs the JVM a stack walk;
     * cancelling a sleeping task costs half as much without it). The trace gains the frame's line
     * as if it had been thrown.
     */
    final boolean passesFailure() {
        if (!inFailed) {
            return false;
        }
        int[] handlers = $handlers();
        int state = $label;
        return handlers != null && (state < 0 || state >= handlers.length || handlers[state] == -1);
    }

    /** Takes the failure delivered to this frame, which {@link #passesFailure passes}. */
    final Throwable takeFailure() {
        Throwable failure = (Throwable) inValue;
        deliver(null);
        return failure;
    }

    /**
     * Decodes a frame's constant table written as text, {@code "12 13 -1 15"}: a large frame's
     * tables are strings because an array initializer costs bytecode per entry.
     */
    protected static int[] $table(String entries) {
        String[] parts = entries.split(" ");
        int[] table = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            table[i] = Integer.parseInt(parts[i]);
        }
        return table;
    }

    /**
     * Where this frame is in the user's source: the {@code @Async} method and the line of its
     * current state (for an awaiting frame, the line of the await). Generated frames override it
     * with {@link #$where(String, String, String, int[])}; null for frames without a source.
     */
    protected StackTraceElement $where() {
        return null;
    }

    /** {@code new StackTraceElement(type, method, file, lines[$label])}, for {@link #$where()}. */
    protected final StackTraceElement $where(String type, String method, String file, int[] lines) {
        int state = $label;
        return new StackTraceElement(type, method, file, state >= 0 && state < lines.length ? lines[state] : -1);
    }

    /**
     * After a frame awaited {@code resource.closeAsync(pending)} (leaving an async
     * try-with-resources): the exception to go on with, by {@link AsyncCloseable}'s rules.
     * A {@code $}-name, as everything generated code names: no name of the user's can capture it.
     */
    protected final Throwable $afterClose(AsyncCloseable resource, Throwable pending) {
        return AsyncCloseable.afterClose(resource, pending, $failure());
    }

    /**
     * The async generator around the frame {@code body} of an {@code AsyncGenerator<T>} method
     * ({@link AsyncGenerator#$of}); generated code calls it through the frame's own class name.
     */
    public static <T> AsyncGenerator<T> $generator(Coroutine<?> body) {
        return AsyncGenerator.$of(body);
    }

    /** The default branch of the {@code switch}: a label no state of this frame has. */
    protected final IllegalStateException $badLabel() {
        return new IllegalStateException("corrupt coroutine state: " + name() + " has no state " + $label);
    }

    // ---------------------------------------------------------------- runtime internals

    private IllegalStateException notDrivenByATask() {
        return new IllegalStateException("coroutine '" + name() + "' is not driven by a task");
    }

    /**
     * {@code failure} is leaving {@code frame}'s body: adds the frame's place in the user's source
     * to the failure's stack trace, so that a failure crossing awaits shows the chain of
     * {@code @Async} methods it crossed (never as causes or suppressed exceptions). On a task the
     * place is only recorded, and the trace is rewritten once, when the failure can next be seen
     * (see {@link AsyncTrace}): rewriting it at each frame would copy it at each frame, O(N²) for a
     * failure crossing N awaits. Never throws.
     */
    static Throwable crossed(Coroutine<?> frame, Throwable failure, Task<?> task) {
        try {
            StackTraceElement where = frame.$where();
            if (task != null) {
                task.loop.asyncTrace.record(failure, frame, where);
            } else if (where != null) {
                AsyncTrace.splice(failure, new StackTraceElement[] {where}, 1, frame.getClass().getName());
            }
        } catch (Throwable brokenMachinery) {
            // no memory, or the JDK's stack-trace code failed (as it may after a StackOverflowError):
            // the failure keeps its Java trace, and still ends the frame
        }
        return failure;
    }

    /**
     * Starts {@code child} on this frame's task; see the class comment. Past
     * {@link Task#MAX_INLINE_DEPTH} nested inline starts the child is not run here but handed to
     * the task, which starts it once the Java stack has unwound (see {@link Task#bounce}): the
     * depth of a recursion through awaits is bounded by memory, not by the thread's stack.
     */
    private boolean startInline(Coroutine<?> child) {
        if (child.state != ST_CREATED || child.task != null) {
            deliverFailure(new IllegalStateException("cannot reuse already awaited coroutine"));
            return false;
        }
        Task<?> t = task;
        int depth = inlineDepth + 1;
        child.started();
        child.caller = this;
        child.task = t;
        child.state = ST_RUNNING;
        if (depth > Task.MAX_INLINE_DEPTH && t != null) {
            t.bounce(child);
            return true;
        }
        child.inlineDepth = (byte) depth;
        Object result;
        try {
            result = child.$resume();
        } catch (Throwable failure) {
            Throwable crossing = crossed(child, failure, t); // while the child still knows its caller
            child.finish();
            deliverFailure(crossing);
            return false;
        }
        if (result == $SUSPENDED) {
            child.state = ST_SUSPENDED;
            return true;
        }
        child.finish();
        deliver(result);
        return false;
    }

    /**
     * The body returned {@code value} or threw {@code failure}: ends this frame and hands the
     * outcome to its caller, which it returns (the caller then goes on). A generator body that
     * returned {@link #$EMITTED} stays suspended, and its caller (the step) gets the item.
     */
    final Coroutine<?> returnToCaller(Object value, Throwable failure) {
        Coroutine<?> c = caller;
        if (value == $EMITTED && failure == null) {
            // a generator body emitted: it stays suspended at its emit, the step gets the item
            caller = null;
            task = null;
            state = ST_SUSPENDED;
            c.deliver(inValue);
            inValue = null;
            return c;
        }
        finish();
        if (failure != null) {
            c.deliverFailure(failure);
        } else {
            c.deliver(value);
        }
        return c;
    }

    /** The next {@link #$value()} returns {@code value}. */
    final void deliver(Object value) {
        inValue = value;
        inFailed = false;
    }

    /** The next {@link #$value()} throws {@code failure}. */
    final void deliverFailure(Throwable failure) {
        inValue = failure;
        inFailed = true;
    }

    /** Called by the task before each resumption of a suspended frame. */
    final void markRunning() {
        if (state == ST_CREATED) {
            started(); // a generator body's first step
        }
        state = ST_RUNNING;
    }

    /** Called by the task when a resumed frame suspended again. */
    final void markSuspended() {
        state = ST_SUSPENDED;
    }

    /** Called when the body returned or threw: the frame lets go of its chain. */
    final void finish() {
        state = ST_CLOSED;
        caller = null;
        task = null;
    }

    /** Claims a fresh coroutine as the root of {@code owner}; false if it was already claimed. */
    final boolean startAsRoot(Task<?> owner) {
        if (state != ST_CREATED || task != null) {
            return false;
        }
        started();
        task = owner;
        return true;
    }
}
