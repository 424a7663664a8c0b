package programs;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.TaskGroup;
import io.jcoro.annotations.Async;
import java.util.function.Function;
import static io.jcoro.Coro.*;

/**
 * Failures whose whole stack traces AsyncStackTraceTest pins (see the LINE markers); the asyncio
 * twin is programs/traces_twin.py.
 */
public abstract class Traces {
    /** The trace a catch in {@link #rethrow} saw. */
    public StackTraceElement[] seenInCatch;
    /** The Java stack inside a body run by {@link #caught}: where Coro.run calls the loop. */
    public StackTraceElement[] javaStack;

    /** Plain Java code that runs a scenario with Coro.run and catches its failure. */
    public static Throwable caught(Function<Traces, Coroutine<?>> scenario, Traces program) {
        try {
            Coro.run(scenario.apply(program)); // LINE caught
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    @Async
    public Coroutine<Integer> inner() {
        await(yieldNow()); // LINE inner-await
        throw new IllegalStateException("deep"); // LINE inner-throw
    }

    @Async
    public Coroutine<Integer> outer() {
        int v = await(inner()); // LINE outer
        return done(v);
    }

    @Async
    public Coroutine<Integer> afterSuspension() {
        return done(await(outer()) + 1); // LINE afterSuspension
    }

    @Async
    public Coroutine<Integer> catcher() {
        try {
            return done(await(inner())); // LINE catcher-await
        } catch (IllegalStateException e) {
            seenInCatch = e.getStackTrace();
            throw e; // LINE catcher-rethrow
        }
    }

    @Async
    public Coroutine<Integer> rethrow() {
        return done(await(catcher())); // LINE rethrow
    }

    @Async
    public Coroutine<Integer> wrapper() {
        try {
            return done(await(inner())); // LINE wrapper-await
        } catch (IllegalStateException e) { // LINE wrapper-catch
            throw new IllegalArgumentException("wrapped", e); // LINE wrapper-throw
        }
    }

    @Async
    public Coroutine<Integer> wrap() {
        return done(await(wrapper())); // LINE wrap
    }

    @Async
    public Coroutine<Integer> viaTask() {
        Task<Integer> child = createTask(outer());
        return done(await(child)); // LINE viaTask
    }

    @Async
    public Coroutine<Integer> viaGather() {
        return done(await(gather(outer(), yieldNow())).size()); // LINE viaGather
    }

    @Async
    public Coroutine<Integer> viaTaskGroup() {
        try (TaskGroup group = new TaskGroup()) { // LINE viaTaskGroup
            group.createTask(outer());
            await(sleep(60_000)); // LINE viaTaskGroup-sleep
        }
        return done(0);
    }

    @Async
    public Coroutine<Integer> sleeper() {
        await(sleep(60_000)); // LINE sleeper
        return done(0);
    }

    @Async
    public Coroutine<Integer> sleeping() {
        return done(await(sleeper())); // LINE sleeping
    }

    @Async
    public Coroutine<Integer> cancelled() {
        Task<Integer> child = createTask(sleeping());
        await(yieldNow());
        child.cancel();
        return done(await(child)); // LINE cancelled
    }

    @Async
    public Coroutine<Integer> recurse(int depth) {
        if (depth == 0) {
            javaStack = new Throwable().getStackTrace();
            return done(await(inner())); // LINE recurse-bottom
        }
        return done(await(recurse(depth - 1))); // LINE recurse
    }
}
