package io.jcoro;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The coroutine DSL's verbs and asyncio's functions; meant to be imported statically.
 *
 * <pre>{@code
 * import static io.jcoro.Coro.*;
 *
 * @Async
 * default Coroutine<List<User>> fetchAll() {
 *     await(sleep(Duration.ofMillis(10)));
 *     return done(await(gather(fetchUser(1), fetchUser(2))));
 * }
 *
 * List<User> users = Coro.run(new UsersCoroutines().fetchAll());
 * }</pre>
 *
 * <p>The verbs {@link #await(Awaitable)}, {@link #await(CompletionStage)}, {@link #done(Object)}
 * and {@link #done()} are rewritten by the jcoro annotation processor inside {@code @Async}
 * methods; they do nothing at run time but throw, which only happens in code the processor did
 * not lower.
 */
public final class Coro {
    private static final String NOT_LOWERED = "() can only be used in an @Async method compiled with the"
            + " jcoro annotation processor (jcoro-processor) on the annotation processor path";

    private Coro() {}

    // ------------------------------------------------------------------ DSL verbs

    /**
     * Waits for {@code awaitable} and returns its value, or rethrows its failure unchanged.
     * Lowered by the processor; never runs.
     *
     * @throws IllegalStateException always, when it does run: the method was not processed
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw new IllegalStateException("await" + NOT_LOWERED);
    }

    /** Waits for {@code stage}; as {@link #await(Awaitable)}. Lowered by the processor. */
    public static <T> T await(CompletionStage<T> stage) {
        throw new IllegalStateException("await" + NOT_LOWERED);
    }

    /** {@code return done(value);} completes a {@code Coroutine<T>}. Lowered by the processor. */
    public static <T> Coroutine<T> done(T value) {
        throw new IllegalStateException("done" + NOT_LOWERED);
    }

    /**
     * {@code emit(value);} produces the next item of an {@code AsyncGenerator<T>} and suspends
     * until the consumer asks for another; returns what the consumer sent ({@code null} after a
     * plain {@code next()}). Lowered by the processor.
     */
    public static <R> R emit(Object value) {
        throw new IllegalStateException("emit" + NOT_LOWERED);
    }

    /**
     * {@code for (T x : each(generator)) { ... }} is Python's {@code async for}: each iteration
     * awaits {@code generator.next()}, and the loop ends at {@link StopAsyncIteration}. Lowered by
     * the processor.
     */
    public static <T> Iterable<T> each(AsyncGenerator<T> generator) {
        throw new IllegalStateException("each" + NOT_LOWERED);
    }

    /** {@code return done();} completes a {@code Coroutine<Void>}. Lowered by the processor. */
    public static <R> R done() {
        throw new IllegalStateException("done" + NOT_LOWERED);
    }

    // ------------------------------------------------------------------ running

    /**
     * asyncio's {@code run}: runs {@code main} on a new real-clock loop, then cancels every task
     * still alive and lets them finish, closes the loop, and returns {@code main}'s result or
     * rethrows its failure unchanged (checked or not).
     *
     * @throws IllegalStateException if called from a running loop
     */
    public static <T> T run(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        if (EventLoop.currentOrNull() != null) {
            throw new IllegalStateException("Coro.run() cannot be called from a running event loop");
        }
        EventLoop loop = new EventLoop();
        try {
            return loop.runUntilComplete(main);
        } finally {
            LoopShutdown.finish(loop, "Coro.run()");
        }
    }

    /**
     * Makes an instance of the class the processor generated for {@code type}
     * ({@code p.Outer.Inner} gives {@code p.Outer_InnerCoroutines}), with the accessible
     * constructor that accepts {@code args} (boxing included).
     *
     * <pre>{@code
     * Users users = Coro.create(Users.class);
     * Repo repo = Coro.create(Repo.class, dataSource, 10);
     * }</pre>
     *
     * @throws IllegalArgumentException if no constructor, or more than one equally specific,
     *                                  accepts the arguments (the message names the candidates),
     *                                  or the generated class does not exist
     */
    public static <T> T create(Class<T> type, Object... args) {
        return GeneratedClasses.create(Objects.requireNonNull(type, "type"), args);
    }

    /**
     * The class the processor generated for {@code type} ({@code p.Outer.Inner} gives
     * {@code p.Outer_InnerCoroutines}), for code that makes instances itself: a dependency
     * injection container binding {@code type} to it, a test framework instantiating a test class.
     *
     * @throws IllegalArgumentException if the generated class does not exist (the message says why
     *                                  that may be)
     */
    public static <T> Class<? extends T> generatedClass(Class<T> type) {
        return GeneratedClasses.generatedClass(Objects.requireNonNull(type, "type"));
    }

    // ------------------------------------------------------------------ awaitables

    /** An awaitable that pauses the awaiting task for {@code delay}; zero or negative only yields. */
    public static Awaitable<Void> sleep(Duration delay) {
        return Delay.ofNanos(Durations.nanos(delay));
    }

    /** {@link #sleep(Duration)} in milliseconds; a negative value is treated as 0, as asyncio does. */
    public static Awaitable<Void> sleep(long millis) {
        if (millis <= 0) {
            return Delay.YIELD;
        }
        return Delay.ofNanos(millis > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000);
    }

    /**
     * An awaitable that yields: the task goes to the back of the ready queue and resumes at the
     * next loop iteration (asyncio's {@code sleep(0)}). Allocates nothing.
     */
    public static Awaitable<Void> yieldNow() {
        return Delay.YIELD;
    }

    /**
     * asyncio's {@code wrap_future}: an awaitable completed by {@code stage}, from whatever thread
     * completes it, with a {@link java.util.concurrent.CompletionException} unwrapped to its
     * cause; cancelling it (as cancelling the task that awaits it, or a gather holding it, does)
     * cancels the stage when it is a {@link java.util.concurrent.CompletableFuture}. What lets a
     * stage stand among coroutines and tasks:
     *
     * <pre>{@code
     * var both = await(gather(fetchUser(1), awaitable(http.sendAsync(request, ofString()))));
     * }</pre>
     */
    public static <T> Awaitable<T> awaitable(CompletionStage<T> stage) {
        return Promise.adapt(stage);
    }

    // ------------------------------------------------------------------ tasks

    /** Wraps {@code coroutine} in a task on the running loop; it starts at the next iteration. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return EventLoop.current().createTask(coroutine, null);
    }

    /** {@link #createTask(Coroutine)} with a name for the task. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return EventLoop.current().createTask(coroutine, name);
    }

    /**
     * The task whose step is running, or null when the running loop is running a plain callback
     * (asyncio's {@code current_task()} returns None then).
     *
     * @throws IllegalStateException "no running event loop", as asyncio raises
     */
    public static Task<?> currentTask() {
        return EventLoop.current().currentTask();
    }

    /**
     * Prints every live task of the running loop to {@code System.out} as a tree of who awaits
     * whom, each with its {@code @Async} frames at their lines in the user's source; returns the
     * same text.
     *
     * <pre>{@code
     * Task 'Task-1' (waiting)
     *     at demo.Users.main(Users.java:31)
     *     awaits Task 'Task-2' (sleeping)
     *         at demo.Users.processUser(Users.java:24)
     *         at demo.Users.fetchUser(Users.java:18)
     * }</pre>
     */
    public static String dumpTasks() {
        String dump = EventLoop.current().dumpTasks();
        System.out.print(dump);
        return dump;
    }

    /** The tasks of the running loop that are not done, oldest first. */
    public static Set<Task<?>> allTasks() {
        return EventLoop.current().allTasks();
    }

    // ------------------------------------------------------------------ gather

    /**
     * asyncio's {@code gather}: runs the awaitables concurrently and yields their results in
     * argument order. Coroutines are wrapped in tasks now (they start at the next iteration even
     * if the result is never awaited); the same object twice is run once. The first failure is
     * rethrown at once, while the other children go on running; a child cancelled on its own makes
     * the gather fail with {@link CancelledError}; cancelling the awaiting task cancels every
     * child. Gathering nothing gives an empty list at once.
     *
     * <pre>{@code
     * List<User> users = await(gather(fetchUser(1), fetchUser(2), fetchUser(3)));
     * }</pre>
     */
    @SafeVarargs
    public static <T> Awaitable<List<T>> gather(Awaitable<? extends T>... awaitables) {
        List<Awaitable<? extends T>> args = new ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> a : awaitables) {
            args.add(a);
        }
        return gather(args);
    }

    /** {@link #gather(Awaitable[])} of nothing: an empty list at once (and no ambiguity between the overloads). */
    public static <T> Awaitable<List<T>> gather() {
        return gather(List.<Awaitable<T>>of());
    }

    /**
     * {@link #gather(Awaitable[])} over {@link CompletionStage}s, such as what
     * {@code HttpClient.sendAsync} returns: each stage is adapted as {@link #awaitable} does, so
     * results come in argument order, the first failure is rethrown unwrapped from its
     * {@link java.util.concurrent.CompletionException}, and cancelling the awaiting task cancels
     * every stage that is a {@link java.util.concurrent.CompletableFuture}. To mix stages with
     * coroutines or tasks, wrap each stage in {@link #awaitable}.
     *
     * <pre>{@code
     * List<HttpResponse<String>> pages = await(gather(
     *         http.sendAsync(get(a), ofString()), http.sendAsync(get(b), ofString())));
     * }</pre>
     */
    @SafeVarargs
    public static <T> Awaitable<List<T>> gather(CompletionStage<? extends T>... stages) {
        return gather(Arrays.asList(stages));
    }

    /**
     * {@link #gather(CompletionStage[])} over any iterable of stages, in its iteration order. It
     * takes an {@code Iterable}, not a {@code Collection}, because a second
     * {@code gather(Collection)} would have the erasure of the one for awaitables; any collection
     * of stages is accepted all the same.
     */
    public static <T> Awaitable<List<T>> gather(Iterable<? extends CompletionStage<? extends T>> stages) {
        return gather(Promise.<T>adaptAll(stages));
    }

    /** {@link #gather(Awaitable[])} over a collection, in its iteration order. */
    @SuppressWarnings("unchecked")
    public static <T> Awaitable<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return (Awaitable<List<T>>) (Awaitable<?>) Gathering.start(awaitables, false, EventLoop.currentOrNull());
    }

    /**
     * asyncio's {@code gather(..., return_exceptions=True)}: like {@link #gather(Awaitable[])}, but
     * every child's failure or cancellation becomes an {@link Outcome.Failure} in place, and
     * nothing is rethrown (except the cancellation of the gather itself).
     */
    @SafeVarargs
    public static <T> Awaitable<List<Outcome<T>>> gatherSettled(Awaitable<? extends T>... awaitables) {
        List<Awaitable<? extends T>> args = new ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> a : awaitables) {
            args.add(a);
        }
        return gatherSettled(args);
    }

    /** {@link #gatherSettled(Awaitable[])} of nothing: an empty list at once. */
    public static <T> Awaitable<List<Outcome<T>>> gatherSettled() {
        return gatherSettled(List.<Awaitable<T>>of());
    }

    /** {@link #gatherSettled(Awaitable[])} over {@link CompletionStage}s, adapted as {@link #gather(CompletionStage[])} does. */
    @SafeVarargs
    public static <T> Awaitable<List<Outcome<T>>> gatherSettled(CompletionStage<? extends T>... stages) {
        return gatherSettled(Arrays.asList(stages));
    }

    /** {@link #gatherSettled(CompletionStage[])} over any iterable of stages, in its iteration order. */
    public static <T> Awaitable<List<Outcome<T>>> gatherSettled(Iterable<? extends CompletionStage<? extends T>> stages) {
        return gatherSettled(Promise.<T>adaptAll(stages));
    }

    /** {@link #gatherSettled(Awaitable[])} over a collection, in its iteration order. */
    @SuppressWarnings("unchecked")
    public static <T> Awaitable<List<Outcome<T>>> gatherSettled(
            Collection<? extends Awaitable<? extends T>> awaitables) {
        return (Awaitable<List<Outcome<T>>>) (Awaitable<?>) Gathering.start(awaitables, true, EventLoop.currentOrNull());
    }

    // ------------------------------------------------------------------ timeouts, shield, threads

    /**
     * asyncio 3.12's {@code wait_for}: awaits {@code awaitable}, and if it is not done within
     * {@code timeout}, cancels it, waits until it has finished cancelling, and throws
     * {@link AsyncTimeoutException} (caused by the {@link CancelledError}). A coroutine runs inline
     * on the awaiting task, inside a {@link #timeout} scope (as 3.12 does); a null timeout waits
     * for ever; a timeout of zero or less wraps the awaitable in a task and cancels it at once (a
     * coroutine never starts), unless it is already done. If the awaited operation swallows the
     * cancellation and returns, its value is returned. Cancelling the awaiting task cancels the
     * awaitable too.
     *
     * <pre>{@code
     * try {
     *     User u = await(waitFor(fetchUser(1), Duration.ofSeconds(2)));
     * } catch (AsyncTimeoutException e) { ... }
     * }</pre>
     */
    public static <T> Awaitable<T> waitFor(Awaitable<T> awaitable, Duration timeout) {
        Objects.requireNonNull(awaitable, "awaitable");
        if (timeout == null) {
            return new WaitFor<>(awaitable, Long.MAX_VALUE, false);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return new WaitFor<>(awaitable, 0, true);
        }
        return new WaitFor<>(awaitable, Durations.deadline(EventLoop.current().time(), timeout), false);
    }

    /**
     * asyncio's {@code timeout()}: a scope for a block of an {@code @Async} body. The deadline
     * starts now (creating the scope enters it); at the deadline the current task is cancelled,
     * and leaving the block throws {@link AsyncTimeoutException} instead of the
     * {@link CancelledError}. See {@link Timeout}.
     *
     * <pre>{@code
     * try (var t = timeout(Duration.ofMillis(100))) {
     *     await(slowOperation());
     * }
     * }</pre>
     *
     * @param delay null for no deadline (it can be set later with {@link Timeout#reschedule})
     * @throws IllegalStateException if no task is running
     */
    public static Timeout timeout(Duration delay) {
        return new Timeout(delay == null ? Long.MAX_VALUE : Durations.deadline(EventLoop.current().time(), delay));
    }

    /** {@link #timeout(Duration)} with an absolute deadline in {@link EventLoop#time()} nanoseconds. */
    public static Timeout timeoutAt(long whenNanos) {
        return new Timeout(whenNanos);
    }

    /**
     * asyncio's {@code shield}: awaiting the result is awaiting {@code awaitable}, except that
     * cancelling the awaiting task does not cancel {@code awaitable} (a coroutine is wrapped in a
     * task, which runs on). The awaiting task still gets its {@link CancelledError}. If the
     * shielded operation is cancelled by other means, the shield is cancelled too.
     *
     * <pre>{@code
     * Task<Void> save = createTask(saveState());
     * await(shield(save));        // a cancellation here leaves save running
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    public static <T> Awaitable<T> shield(Awaitable<T> awaitable) {
        FutureCore<T> inner = (FutureCore<T>) Gathering.ensureFuture(
                Objects.requireNonNull(awaitable, "awaitable"), EventLoop.currentOrNull());
        if (inner.isDone()) {
            return inner;
        }
        Promise<T> outer = new Promise<>();
        EventLoop here = EventLoop.currentOrNull();
        inner.addCallback((Consumer<FutureCore<T>>) i -> {
            if (outer.isCancelled()) {
                i.markRetrieved();
            } else if (i.isCancelled()) {
                outer.cancel();
            } else if (i.peekFailure() != null) {
                outer.tryFail(i.exception());
            } else {
                outer.trySucceed(i.result());
            }
        }, here != null ? here : inner.loop); // on the awaiting side: another loop may be idle
        return outer;
    }

    /**
     * asyncio's {@code to_thread}: runs {@code work} on another thread, with the caller's context
     * variables, and completes with its result or failure. On JDK 21+ each call gets a virtual
     * thread; on older JDKs, a bounded pool of daemon threads. The completion wakes the loop
     * through its inbox. Cancelling the awaiting task cancels the awaitable but does not interrupt
     * the thread (asyncio does not either): the work runs to its end and its result is dropped;
     * work that has not started yet never starts.
     *
     * <pre>{@code
     * byte[] data = await(toThread(() -> Files.readAllBytes(path)));
     * }</pre>
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Awaitable<T> toThread(Callable<T> work) {
        return ThreadOffload.submit(Objects.requireNonNull(work, "work"));
    }

    /** A coroutine becomes a task, a delay a task that sleeps; futures stay as they are. */
    static FutureCore<?> ensureFuture(Awaitable<?> awaitable, EventLoop loop) {
        return Gathering.ensureFuture(awaitable, loop);
    }
}
