package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.toThread;

import io.jcoro.CancelledError;
import io.jcoro.ContextVar;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.ExceptionGroup;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.TaskGroup;
import io.jcoro.annotations.Async;
import io.jcoro.sync.Mutex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 004, "Coroutines and Async" (a CPython-internals chapter), in the jcoro DSL: its runnable
 * snippets, section by section (Python twin: {@code src/test/resources/oracle/internals.py}).
 * Python's {@code ValueError} is {@link IllegalArgumentException} here, {@code TypeError}
 * {@link ClassCastException}.
 *
 * <p>Not here: sections 36.17–36.20, 36.30 and 36.31 (async iterators, async generators,
 * {@code anext}, {@code asend}/{@code athrow}/{@code aclose}) are checked against their asyncio
 * twin by the processor's {@code GeneratorLoweringTest} ({@code programs/Generators.java} and
 * {@code generators_twin.py}). 36.39's toy scheduler is not asyncio and has nothing to port.
 */
public abstract class CoroutineInternals {
    final Trace trace; // package-private: the generated frames use it (JCORO-E016)

    protected CoroutineInternals(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed's {@code print}. */
    protected final void log(String line) {
        trace.line(line);
    }

    // ------------------------------------------------------------ 36.7 / 36.26 asyncio.run

    /**
     * <pre>{@code
     * async def main():
     *     await asyncio.sleep(1)
     *     return 42
     * print(asyncio.run(main()))
     * }</pre>
     */
    @Async
    public Coroutine<Integer> main() {
        await(sleep(1000));
        return done(42);
    }

    // ------------------------------------------------------------ 36.8 tasks

    /**
     * <pre>{@code
     * async def work():
     *     await asyncio.sleep(1)
     *     return 42
     * }</pre>
     */
    @Async
    public Coroutine<Integer> work() {
        await(sleep(1000));
        return done(42);
    }

    /**
     * <pre>{@code
     * async def main():
     *     task = asyncio.create_task(work())
     *     result = await task
     *     return result
     * }</pre>
     */
    @Async
    public Coroutine<Integer> mainWithTask() {
        Task<Integer> task = createTask(work());
        Integer result = await(task);
        return done(result);
    }

    // ------------------------------------------------------------ 36.11 awaiting a coroutine

    /** {@code async def inner(): return 10}. */
    @Async
    public Coroutine<Integer> inner() {
        log("inner runs");
        return done(10);
    }

    /**
     * <pre>{@code
     * async def outer():
     *     x = await inner()
     *     return x + 1
     * }</pre>
     */
    @Async
    public Coroutine<Integer> outer() {
        log("outer starts");
        int x = await(inner());
        log("outer resumes with x = " + x);
        return done(x + 1);
    }

    // ------------------------------------------------------------ 36.12 awaiting a future

    /**
     * A future completed later by a loop callback:
     *
     * <pre>{@code
     * async def await_future():
     *     future = asyncio.get_running_loop().create_future()
     *     asyncio.get_running_loop().call_later(0.5, future.set_result, 42)
     *     value = await future
     *     return value
     * }</pre>
     */
    @Async
    public Coroutine<Integer> awaitFuture() {
        Promise<Integer> future = new Promise<>();
        EventLoop.current().callLater(Duration.ofMillis(500), () -> future.setResult(42));
        int value = await(future);
        return done(value);
    }

    /**
     * A future completed with an exception: the await raises it.
     *
     * <pre>{@code
     * async def await_failed_future():
     *     future = asyncio.get_running_loop().create_future()
     *     asyncio.get_running_loop().call_later(0.5, future.set_exception, ValueError("bad"))
     *     try:
     *         await future
     *     except ValueError as e:
     *         print(f"await raised ValueError: {e}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> awaitFailedFuture() {
        Promise<Integer> future = new Promise<>();
        EventLoop.current().callLater(Duration.ofMillis(500),
                () -> future.setException(new IllegalArgumentException("bad")));
        try {
            await(future);
        } catch (IllegalArgumentException e) {
            log("await raised ValueError: " + e.getMessage());
        }
        return done();
    }

    /**
     * A future completed by anyone, another thread included: the seed's {@code value = await
     * future}.
     */
    @Async
    public <T> Coroutine<T> awaitFuture(Promise<T> future) {
        T value = await(future);
        log("awaited: " + value);
        return done(value);
    }

    // ------------------------------------------------------------ 36.13 awaiting a task

    /** {@code async def failing_work(): await asyncio.sleep(0.5); raise ValueError("bad")}. */
    @Async
    public Coroutine<Integer> failingWork() {
        await(sleep(500));
        throw new IllegalArgumentException("bad");
    }

    /**
     * <pre>{@code
     * async def await_tasks():
     *     ok = asyncio.create_task(work())
     *     failing = asyncio.create_task(failing_work())
     *     cancelled = asyncio.create_task(work())
     *     print(f"ok: {await ok}")
     *     try:
     *         await failing
     *     except ValueError as e:
     *         print(f"failing: ValueError {e}")
     *     cancelled.cancel()  # already done: does nothing
     *     try:
     *         print(f"cancelled: {await cancelled}")
     *     except asyncio.CancelledError:
     *         print("cancelled: CancelledError")
     *     sleeper = asyncio.create_task(work())
     *     await asyncio.sleep(0.1)
     *     sleeper.cancel()
     *     try:
     *         await sleeper
     *     except asyncio.CancelledError:
     *         print(f"sleeper: CancelledError, cancelled={sleeper.cancelled()}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> awaitTasks() {
        Task<Integer> ok = createTask(work());
        Task<Integer> failing = createTask(failingWork());
        Task<Integer> cancelled = createTask(work());
        log("ok: " + await(ok));
        try {
            await(failing);
        } catch (IllegalArgumentException e) {
            log("failing: ValueError " + e.getMessage());
        }
        cancelled.cancel(); // already done: does nothing
        try {
            log("cancelled: " + await(cancelled));
        } catch (CancelledError e) {
            log("cancelled: CancelledError");
        }
        Task<Integer> sleeper = createTask(work());
        await(sleep(100));
        sleeper.cancel();
        try {
            await(sleeper);
        } catch (CancelledError e) {
            log("sleeper: CancelledError, cancelled=" + sleeper.isCancelled());
        }
        return done();
    }

    // ------------------------------------------------------------ 36.14 cancellation

    /** {@code cleanup()}: a plain function. */
    protected void cleanup() {
        log("cleanup");
    }

    /**
     * <pre>{@code
     * async def work():
     *     try:
     *         await asyncio.sleep(10)
     *     except asyncio.CancelledError:
     *         cleanup()
     *         raise
     * }</pre>
     */
    @Async
    public Coroutine<Void> cancellableWork() {
        try {
            log("work: sleeping 10 s");
            await(sleep(10_000));
            log("work: woke up");
        } catch (CancelledError e) {
            cleanup();
            throw e;
        }
        return done();
    }

    /**
     * The caller of 36.14: cancels the work after one second.
     *
     * <pre>{@code
     * async def cancel_work():
     *     task = asyncio.create_task(work())
     *     await asyncio.sleep(1)
     *     print(f"cancel() returned {task.cancel()}")
     *     try:
     *         await task
     *     except asyncio.CancelledError:
     *         print(f"main: work cancelled, task.cancelled() = {task.cancelled()}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> cancelWork() {
        Task<Void> task = createTask(cancellableWork());
        await(sleep(1000));
        log("cancel() returned " + task.cancel());
        try {
            await(task);
        } catch (CancelledError e) {
            log("main: work cancelled, task.cancelled() = " + task.isCancelled());
        }
        return done();
    }

    /**
     * A coroutine that catches the cancellation and returns normally is not cancelled: the seed's
     * "unless it intentionally suppresses cancellation".
     *
     * <pre>{@code
     * async def stubborn_work():
     *     try:
     *         await asyncio.sleep(10)
     *     except asyncio.CancelledError:
     *         cleanup()
     *     return "finished anyway"
     * }</pre>
     */
    @Async
    public Coroutine<String> stubbornWork() {
        try {
            await(sleep(10_000));
        } catch (CancelledError e) {
            cleanup();
        }
        return done("finished anyway");
    }

    /**
     * <pre>{@code
     * async def cancel_stubborn_work():
     *     task = asyncio.create_task(stubborn_work())
     *     await asyncio.sleep(1)
     *     task.cancel()
     *     result = await task
     *     print(f"result: {result}, task.cancelled() = {task.cancelled()}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> cancelStubbornWork() {
        Task<String> task = createTask(stubbornWork());
        await(sleep(1000));
        task.cancel();
        String result = await(task);
        log("result: " + result + ", task.cancelled() = " + task.isCancelled());
        return done();
    }

    // ------------------------------------------------------------ 36.15 cleanup with try/finally

    /** {@code async def acquire(): await asyncio.sleep(0.1); return "connection"}. */
    @Async
    public Coroutine<String> acquire() {
        await(sleep(100));
        log("acquired");
        return done("connection");
    }

    /** {@code async def use(resource): await asyncio.sleep(1)}. */
    @Async
    public Coroutine<Void> use(String resource) {
        log("using " + resource);
        await(sleep(1000));
        log("used " + resource);
        return done();
    }

    /** {@code async def release(resource): await asyncio.sleep(0.1)}: awaited in a finally. */
    @Async
    public Coroutine<Void> release(String resource) {
        log("releasing " + resource);
        await(sleep(100));
        log("released " + resource);
        return done();
    }

    /**
     * <pre>{@code
     * async def work():
     *     resource = await acquire()
     *     try:
     *         await use(resource)
     *     finally:
     *         await release(resource)
     * }</pre>
     */
    @Async
    public Coroutine<Void> workWithResource() {
        String resource = await(acquire());
        try {
            await(use(resource));
        } finally {
            await(release(resource)); // runs on completion, exception and cancellation; may suspend
        }
        return done();
    }

    /**
     * {@link #workWithResource()} cancelled while it uses the resource: the finally block still
     * runs and awaits the release; the task ends cancelled after it.
     *
     * <pre>{@code
     * async def cancel_during_use():
     *     task = asyncio.create_task(work())
     *     await asyncio.sleep(0.5)
     *     task.cancel()
     *     try:
     *         await task
     *     except asyncio.CancelledError:
     *         print("main: cancelled after the release")
     * }</pre>
     */
    @Async
    public Coroutine<Void> cancelDuringUse() {
        Task<Void> task = createTask(workWithResource());
        await(sleep(500));
        task.cancel();
        try {
            await(task);
        } catch (CancelledError e) {
            log("main: cancelled after the release");
        }
        return done();
    }

    // ------------------------------------------------------------ 36.16 async with lock

    /**
     * <pre>{@code
     * async def locked_work(lock, name):
     *     print(f"{name}: waiting for the lock")
     *     async with lock:
     *         print(f"{name}: has the lock")
     *         await asyncio.sleep(0.5)
     *         print(f"{name}: releasing the lock")
     * }</pre>
     */
    @Async
    public Coroutine<Void> lockedWork(Mutex lock, String name) {
        log(name + ": waiting for the lock");
        try (var held = await(lock.lock())) {
            log(name + ": has the lock");
            await(sleep(500));
            log(name + ": releasing the lock");
        }
        return done();
    }

    /** {@code await asyncio.gather(*(locked_work(lock, n) for n in ("A", "B", "C")))}. */
    @Async
    public Coroutine<Void> lockDemo() {
        Mutex lock = new Mutex();
        await(gather(lockedWork(lock, "A"), lockedWork(lock, "B"), lockedWork(lock, "C")));
        return done();
    }

    // ------------------------------------------------------------ 36.24 coroutine exceptions

    /** {@code async def f(): raise ValueError("bad")}. */
    @Async
    public Coroutine<Integer> f() {
        throw new IllegalArgumentException("bad");
    }

    /**
     * <pre>{@code
     * async def main():
     *     try:
     *         await f()
     *     except ValueError:
     *         return 0
     * }</pre>
     */
    @Async
    public Coroutine<Integer> mainCatching() {
        try {
            await(f());
        } catch (IllegalArgumentException e) {
            log("caught ValueError: " + e.getMessage());
            return done(0);
        }
        return done(1);
    }

    // ------------------------------------------------------------ 36.27 blocking calls

    /** {@code blocking_function(arg)}: sleeps on its thread (really) for 50 ms, then answers. */
    public static String blockingFunction(String arg) throws InterruptedException {
        return blockingFunction(arg, 50);
    }

    /** {@code blocking_function(arg)}, blocking its thread for {@code millis}. */
    public static String blockingFunction(String arg, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return "blocking_function(" + arg + ") done";
    }

    /**
     * The seed's "Bad": a blocking call made in the coroutine itself. The loop's thread is the one
     * that blocks, so no other task runs meanwhile.
     *
     * <pre>{@code
     * async def main():
     *     time.sleep(5)
     * }</pre>
     */
    @Async
    public Coroutine<String> blockInLoop(String arg, long millis) throws InterruptedException {
        String result = blockingFunction(arg, millis); // no await: the loop is blocked meanwhile
        log("result: " + result);
        return done(result);
    }

    /** The seed's "Better": {@link #offloadBlockingCall(String)} with a chosen duration. */
    @Async
    public Coroutine<String> offloadBlockingCall(String arg, long millis) {
        String result = await(toThread(() -> blockingFunction(arg, millis)));
        log("result: " + result);
        return done(result);
    }

    /** Another task on the loop: logs "tick i" every {@code periodMillis}. */
    @Async
    public Coroutine<Integer> ticker(int ticks, long periodMillis) {
        for (int i = 1; i <= ticks; i++) {
            await(sleep(periodMillis));
            log("tick " + i);
        }
        return done(ticks);
    }

    /** Runs {@code blocking} beside a {@link #ticker}: whether the ticks come before its result. */
    @Async
    public Coroutine<Void> besideTicker(Coroutine<String> blocking, int ticks, long periodMillis) {
        await(gather(ticker(ticks, periodMillis), blocking));
        return done();
    }

    /**
     * <pre>{@code
     * async def main():
     *     result = await asyncio.to_thread(blocking_function, arg)
     * }</pre>
     */
    @Async
    public Coroutine<String> offloadBlockingCall(String arg) {
        String result = await(toThread(() -> blockingFunction(arg)));
        log("result: " + result);
        return done(result);
    }

    // ------------------------------------------------------------ 36.28 / 36.29 task groups

    /** {@code async def fetch_one(): await asyncio.sleep(0.1); return "one"}. */
    @Async
    public Coroutine<String> fetchOne() {
        await(sleep(100));
        log("fetched one");
        return done("one");
    }

    /** {@code async def fetch_two(): await asyncio.sleep(0.2); return "two"}. */
    @Async
    public Coroutine<String> fetchTwo() {
        await(sleep(200));
        log("fetched two");
        return done("two");
    }

    /**
     * <pre>{@code
     * async def main():
     *     async with asyncio.TaskGroup() as tg:
     *         one = tg.create_task(fetch_one())
     *         two = tg.create_task(fetch_two())
     *     print(f"after the group: {one.result()} {two.result()}")
     * }</pre>
     */
    @Async
    public Coroutine<List<String>> taskGroupDemo() {
        Task<String> one;
        Task<String> two;
        try (TaskGroup tg = new TaskGroup()) {
            one = tg.createTask(fetchOne());
            two = tg.createTask(fetchTwo());
        }
        log("after the group: " + one.result() + " " + two.result());
        return done(List.of(one.result(), two.result()));
    }

    /** {@code async def a(): await asyncio.sleep(0.1); raise ValueError("a failed")}. */
    @Async
    public Coroutine<Void> a() {
        await(sleep(100));
        throw new IllegalArgumentException("a failed");
    }

    /** {@code async def b(): await asyncio.sleep(0.1); raise TypeError("b failed")}. */
    @Async
    public Coroutine<Void> b() {
        await(sleep(100));
        throw new ClassCastException("b failed");
    }

    /** A child that outlives the failures: cancelled by the group. */
    @Async
    public Coroutine<Void> slow() {
        try {
            await(sleep(1000));
            log("slow finished");
        } catch (CancelledError e) {
            log("slow cancelled by the group");
            throw e;
        }
        return done();
    }

    /**
     * <pre>{@code
     * async def exception_group_demo():
     *     try:
     *         async with asyncio.TaskGroup() as tg:
     *             tg.create_task(a())
     *             tg.create_task(b())
     *             tg.create_task(slow())
     *     except* ValueError as group:
     *         print(f"ValueError group: {[str(e) for e in group.exceptions]}")
     *     except* TypeError as group:
     *         print(f"TypeError group: {[str(e) for e in group.exceptions]}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> exceptionGroupDemo() {
        try {
            try (TaskGroup tg = new TaskGroup()) {
                tg.createTask(a());
                tg.createTask(b());
                tg.createTask(slow());
            }
        } catch (ExceptionGroup group) {
            ExceptionGroup.Split values = group.split(IllegalArgumentException.class);
            if (values.match() != null) {
                log("ValueError group: " + messages(values.match()));
            }
            ExceptionGroup.Split types = values.rest() == null ? null : values.rest().split(ClassCastException.class);
            if (types != null && types.match() != null) {
                log("TypeError group: " + messages(types.match()));
            }
            if (types != null && types.rest() != null) {
                throw types.rest();
            }
        }
        return done();
    }

    static List<String> messages(ExceptionGroup group) { // not private: JCORO-E016
        List<String> messages = new ArrayList<>();
        for (Throwable e : group.exceptions()) {
            messages.add(e.getMessage());
        }
        return messages;
    }

    // ------------------------------------------------------------ 36.35 contextvars

    /** {@code request_id = ContextVar("request_id")}. */
    public static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");

    /**
     * <pre>{@code
     * async def handle():
     *     print(request_id.get())
     * }</pre>
     */
    @Async
    public Coroutine<Void> handle() {
        log("request_id = " + REQUEST_ID.get());
        return done();
    }

    /** One request: sets its id in its own task's context, waits, then handles. */
    @Async
    public Coroutine<Void> request(String id, long delayMillis) {
        REQUEST_ID.set(id);
        await(sleep(delayMillis));
        await(handle());
        return done();
    }

    /**
     * <pre>{@code
     * async def context_demo():
     *     request_id.set("main")
     *     await asyncio.gather(request("req-1", 200), request("req-2", 100))
     *     await handle()
     * }</pre>
     */
    @Async
    public Coroutine<Void> contextDemo() {
        REQUEST_ID.set("main");
        await(gather(request("req-1", 200), request("req-2", 100)));
        await(handle()); // each task ran in a copy: main's value is untouched
        return done();
    }
}
