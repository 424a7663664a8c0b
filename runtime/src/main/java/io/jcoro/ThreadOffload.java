package io.jcoro;

import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Coro#toThread}: blocking work off the loop thread. On JDK 21+ each call gets a virtual
 * thread ({@code Executors.newVirtualThreadPerTaskExecutor()}, found by reflection since the
 * runtime is compiled for Java 17); before that, a shared pool of at most
 * {@code min(32, cores + 4)} daemon threads (asyncio's default executor size), idle ones ending
 * after 60 s. The call runs with the caller's context variables, as asyncio's {@code to_thread}.
 */
final class ThreadOffload {
    private ThreadOffload() {}

    /** Which executor, made on first use. */
    private static final class Holder {
        static final Executor EXECUTOR = make();
    }

    static <T> Awaitable<T> submit(Callable<T> work) {
        EventLoop loop = EventLoop.current();
        Promise<T> promise = new Promise<>();
        Context context = Context.current(loop);
        Holder.EXECUTOR.execute(() -> {
            if (promise.isDone()) {
                return; // cancelled before it started: the work never runs
            }
            try {
                promise.trySucceed(Context.callIn(context, work));
            } catch (Throwable t) {
                promise.tryFail(t);
            }
        });
        return promise;
    }

    /** Whether this JDK has virtual threads (the executor in use is one per call). */
    static boolean usesVirtualThreads() {
        return Holder.EXECUTOR instanceof ExecutorService s && !(s instanceof ThreadPoolExecutor);
    }

    private static Executor make() {
        try {
            Method m = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (Executor) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException noVirtualThreads) {
            int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "jcoro-to-thread-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
