package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.Objects;

/**
 * Seed 001, "Python Asyncio: Coroutines Explained", in the jcoro DSL (Python twin:
 * {@code src/test/resources/oracle/explained.py}).
 *
 * <pre>{@code
 * CoroutinesExplained seed = Coro.create(CoroutinesExplained.class, Trace.to(System.out));
 * String result = Coro.run(seed.myCoroutine());        // "Task complete", after one second
 * }</pre>
 *
 * <p>The seed's "common mistake", {@code my_coroutine()} called and its result dropped, is a
 * compile-time warning here ({@code JCORO-W001}, "coroutine was never awaited"); the tests show
 * that such a coroutine runs nothing.
 */
public abstract class CoroutinesExplained {
    private final Trace trace;

    protected CoroutinesExplained(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed's {@code print}. */
    protected final void log(String line) {
        trace.line(line);
    }

    /**
     * <pre>{@code
     * async def my_coroutine():
     *     print("Starting work...")
     *     await asyncio.sleep(1)  # This is where we pause
     *     print("Finished after 1 second!")
     *     return "Task complete"
     * }</pre>
     */
    @Async
    public Coroutine<String> myCoroutine() {
        log("Starting work...");
        await(sleep(1000)); // this is where we pause
        log("Finished after 1 second!");
        return done("Task complete");
    }

    /**
     * The seed's right way, inside another coroutine:
     *
     * <pre>{@code
     * async def caller():
     *     result = await my_coroutine()  # Inside another async function
     *     print(f"Got result: {result}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> caller() {
        String result = await(myCoroutine()); // inside another async function
        log("Got result: " + result);
        return done();
    }

    /** Only waits: what the harness runs the loop with ({@code asyncio.sleep(millis / 1000)}). */
    @Async
    public Coroutine<Void> pause(long millis) {
        await(sleep(millis));
        return done();
    }
}
