package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 002, "Understanding Python Coroutines: Concepts, Implementation, and Practical Examples",
 * in the jcoro DSL (Python twin: {@code src/test/resources/oracle/practical.py}): say_after run
 * sequentially (3 s) and, as in the asyncio documentation the seed follows, concurrently with
 * tasks (2 s); concurrent "HTTP" requests with a {@link ClientSession} stand-in; the
 * {@link ResourceManager}.
 */
public abstract class PracticalExamples {
    final Trace trace; // package-private: the generated frames use it (JCORO-E016)

    protected PracticalExamples(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed's {@code print}. */
    protected final void log(String line) {
        trace.line(line);
    }

    /** The seed's {@code time.strftime('%X')}. */
    protected final String now() {
        return trace.clock();
    }

    // ------------------------------------------------------------ 2.2 async and await

    /**
     * <pre>{@code
     * async def say_after(delay, what):
     *     await asyncio.sleep(delay)
     *     print(what)
     * }</pre>
     */
    @Async
    public Coroutine<Void> sayAfter(long delayMillis, String what) {
        await(sleep(delayMillis));
        log(what);
        return done();
    }

    /**
     * Sequential: the second {@code say_after} starts when the first has ended, 3 s in all.
     *
     * <pre>{@code
     * async def main():
     *     print(f"started at {time.strftime('%X')}")
     *     await say_after(1, 'hello')
     *     await say_after(2, 'world')
     *     print(f"finished at {time.strftime('%X')}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> mainSequential() {
        log("started at " + now());
        await(sayAfter(1000, "hello"));
        await(sayAfter(2000, "world"));
        log("finished at " + now());
        return done();
    }

    /**
     * Concurrent, with tasks (the asyncio documentation's next step): both wait at once, 2 s in
     * all.
     *
     * <pre>{@code
     * async def main():
     *     task1 = asyncio.create_task(say_after(1, 'hello'))
     *     task2 = asyncio.create_task(say_after(2, 'world'))
     *     print(f"started at {time.strftime('%X')}")
     *     await task1
     *     await task2
     *     print(f"finished at {time.strftime('%X')}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> mainConcurrent() {
        Task<Void> task1 = createTask(sayAfter(1000, "hello"));
        Task<Void> task2 = createTask(sayAfter(2000, "world"));
        log("started at " + now());
        await(task1);
        await(task2);
        log("finished at " + now());
        return done();
    }

    // ------------------------------------------------------------ 4. concurrent HTTP requests

    /** The seed's URLs. */
    public static final List<String> URLS = List.of(
            "https://api.example.com/data1",
            "https://api.example.com/data2",
            "https://api.example.com/data3");

    /**
     * <pre>{@code
     * async def fetch(session, url):
     *     async with session.get(url) as response:
     *         return await response.text()
     * }</pre>
     */
    @Async
    public Coroutine<String> fetch(ClientSession session, String url) {
        try (ClientSession.Response response = await(session.get(url))) {
            return done(await(response.text()));
        }
    }

    /**
     * <pre>{@code
     * async def main():
     *     urls = [...]
     *     async with aiohttp.ClientSession() as session:
     *         tasks = [fetch(session, url) for url in urls]
     *         responses = await asyncio.gather(*tasks)
     *         for response in responses:
     *             print(response)
     * }</pre>
     */
    @Async
    public Coroutine<List<String>> mainFetch() {
        List<String> urls = URLS;
        try (ClientSession session = await(ClientSession.open(trace).enter())) {
            List<Coroutine<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(fetch(session, url));
            }
            List<String> responses = await(gather(tasks));
            for (String response : responses) {
                log(response);
            }
            return done(responses);
        }
    }

    // ------------------------------------------------------------ 5. resource management

    /**
     * <pre>{@code
     * async def use_resource(manager, resource_id):
     *     await manager.acquire(resource_id)
     *     print(f"Using resource {resource_id}")
     *     await asyncio.sleep(2) # simulate usage time
     *     await manager.release(resource_id)
     *     print(f"Released resource {resource_id}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> useResource(ResourceManager manager, int resourceId) {
        await(manager.acquire(resourceId));
        log("Using resource " + resourceId);
        await(sleep(2000)); // simulate usage time
        await(manager.release(resourceId));
        log("Released resource " + resourceId);
        return done();
    }

    /**
     * <pre>{@code
     * async def main():
     *     manager = ResourceManager()
     *     tasks = [use_resource(manager, i) for i in range(5)]
     *     await asyncio.gather(*tasks)
     * }</pre>
     *
     * Returns the manager, so that a test can look at what it holds afterwards.
     */
    @Async
    public Coroutine<ResourceManager> mainResources() {
        ResourceManager manager = ResourceManager.create(trace);
        List<Coroutine<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(useResource(manager, i));
        }
        await(gather(tasks));
        return done(manager);
    }
}
