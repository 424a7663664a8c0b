package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import java.util.Objects;

/**
 * Seed 003, "AsyncIO Coroutine" (coroutine functions and coroutine objects), in the jcoro DSL
 * (Python twin: {@code src/test/resources/oracle/coroutine_objects.py}).
 *
 * <p>Two of the seed's errors cannot be written in Java and are compile errors instead: running
 * a coroutine <em>function</em> ({@code asyncio.run(hello)}: {@code Coro.run} takes a
 * {@code Coroutine}, not a method reference) and {@code await} outside a coroutine function
 * ({@code JCORO-E013}). "Multiple awaiting" is a run-time error, as in Python.
 */
public abstract class CoroutineObjects {
    private final Trace trace;

    protected CoroutineObjects(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed's {@code print}. */
    protected final void log(String line) {
        trace.line(line);
    }

    /**
     * <pre>{@code
     * async def my_coroutine():
     *     print("Coroutine started.")
     *     await asyncio.sleep(0.5)
     *     print("Coroutine resumed.")
     *     await asyncio.sleep(1.0)
     *     print("Coroutine complete.")
     * }</pre>
     */
    @Async
    public Coroutine<Void> myCoroutine() {
        log("Coroutine started.");
        await(sleep(500));
        log("Coroutine resumed.");
        await(sleep(1000));
        log("Coroutine complete.");
        return done();
    }

    /**
     * <pre>{@code
     * async def hello():
     *     return 'hello'
     * }</pre>
     */
    @Async
    public Coroutine<String> hello() {
        return done("hello");
    }

    /**
     * <pre>{@code
     * async def hello():
     *     await asyncio.sleep(0.1)
     *     return 'hello'
     * }</pre>
     */
    @Async
    public Coroutine<String> helloAfterSleep() {
        await(sleep(100));
        return done("hello");
    }

    /**
     * "Run Sequentially": the lines of a coroutine function run in order, each await before the
     * next.
     *
     * <pre>{@code
     * async def hello():
     *     await asyncio.sleep(0.1)
     *     await asyncio.sleep(0.1)
     *     await asyncio.sleep(0.1)
     *     return 'hello'
     * }</pre>
     */
    @Async
    public Coroutine<String> helloSequential() {
        await(sleep(100));
        await(sleep(100));
        await(sleep(100));
        return done("hello");
    }

    /**
     * "Getting Results", first form.
     *
     * <pre>{@code
     * async def main():
     *     return await hello()
     * }</pre>
     */
    @Async
    public Coroutine<String> main() {
        return done(await(helloAfterSleep()));
    }

    /**
     * "Run Concurrently" and "Getting Results", second form: three coroutines in one thread,
     * concurrently (not in parallel): 100 ms in all.
     *
     * <pre>{@code
     * async def main():
     *     return await asyncio.gather(
     *         hello(),
     *         hello(),
     *         hello(),
     *     )
     * }</pre>
     */
    @Async
    public Coroutine<List<String>> mainGather() {
        return done(await(gather(helloAfterSleep(), helloAfterSleep(), helloAfterSleep())));
    }
}
