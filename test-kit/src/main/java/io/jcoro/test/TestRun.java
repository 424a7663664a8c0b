package io.jcoro.test;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Task;
import io.jcoro.internal.IdleHook;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/**
 * One run of an {@link AsyncTest}: the coroutine as a task on a fresh loop, under the test's
 * timeouts; then the verdict. The test fails with, in this order of precedence: its timeout
 * (with the task dump); its own failure; the tasks it left running (with their dump); and
 * besides any of these, every failure the loop reported (a task exception never retrieved,
 * a callback that threw), the first as the cause when nothing else failed.
 */
final class TestRun {
    private TestRun() {}

    /**
     * @param coroutine the test method's coroutine, not started
     * @param settings  the method's annotation
     * @param name      the name of the test's task, in dumps
     * @throws Throwable the test's failure
     */
    static void run(Coroutine<?> coroutine, AsyncTest settings, String name) throws Throwable {
        EventLoop loop = settings.realTime() ? new EventLoop() : EventLoop.virtualTime();
        LoopReports reports = new LoopReports();
        loop.setExceptionHandler(reports);
        Throwable failure = null;
        String leaked;
        Expiry expiry;
        try {
            Task<?> task = loop.createTask(coroutine, name);
            expiry = new Expiry(loop, task);
            VirtualScheduler scheduler = settings.realTime() ? null : virtualClock(loop, settings, expiry, name);
            RunningTest running = new RunningTest(loop, scheduler, loop.time());
            long realLimit = settings.realTimeoutMillis();
            Watchdog watchdog = Watchdog.start(realLimit, () -> expiry.expireFromAnyThread(
                    name + " timed out after " + describe(realLimit) + " of real time"));
            try {
                running.runAsCurrent(() -> loop.runUntilComplete(task));
            } catch (Throwable t) {
                failure = t;
            } finally {
                watchdog.close();
            }
            leaked = loop.dumpTasks();
        } finally {
            loop.close(); // reports the failures never retrieved
        }
        Throwable timeout = expiry.failure(failure);
        if (timeout != null) {
            failure = timeout;
        } else if (failure == null && !leaked.isEmpty()) {
            failure = new AssertionFailedError(name + " left tasks running (cancel or await every"
                    + " task a test starts):\n" + leaked);
        }
        failure = reports.addTo(failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static VirtualScheduler virtualClock(EventLoop loop, AsyncTest settings, Expiry expiry, String name) {
        long limit = settings.virtualTimeoutMillis();
        long deadline = limit > 0 ? loop.time() + Duration.ofMillis(limit).toNanos() : Long.MAX_VALUE;
        VirtualScheduler scheduler = new VirtualScheduler(deadline,
                () -> expiry.expire(name + " timed out after " + describe(limit) + " of virtual time"));
        IdleHook.attach(loop, scheduler);
        return scheduler;
    }

    /** {@code 250 ms}, {@code 3600 s}. */
    private static String describe(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
