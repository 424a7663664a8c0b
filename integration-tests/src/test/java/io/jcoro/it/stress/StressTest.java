package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime under load, bounded in time; not part of the default build. Run with
 *
 * <pre>
 * mvn -B -Pstress -pl integration-tests -am verify
 * </pre>
 *
 * <p>Each test checks that the heap comes back to its baseline (see {@link HeapCheckedTest}). It
 * also reports, without asserting, the used heap while the loop is still open and every task is
 * done (see {@link #reportLiveLoop}).
 *
 * <p>The tests run one at a time (the default), each under {@link Timeout} in a separate thread,
 * so that a lost wake-up (a loop parked forever) fails the test instead of hanging the build.
 */
@Tag("stress")
class StressTest extends HeapCheckedTest {
    // ------------------------------------------------------------ 1,000,000 sleeping tasks

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionConcurrentSleepingTasksOnOneLoop() {
        int n = 1_000_000;
        Workloads.Tally tally = new Workloads.Tally();
        Workloads workloads = Coro.create(Workloads.class);
        EventLoop loop = EventLoop.virtualTime();
        // delays from 1 ms to ~1 h, spread over every level of the timer wheel, many equal
        long woke = loop.runUntilComplete(workloads.manySleepers(n, i -> 1 + (i * 7919L) % 3_600_000L, tally));
        long virtualMillis = loop.time() / 1_000_000L;

        assertEquals(n, woke);
        assertEquals(n + 1, tally.liveTasksAtPeak, "all the sleepers (and main) alive at once");
        assertEquals(0, tally.early, "a sleep ended early");
        assertEquals(0, tally.late, "a sleep ended more than one tick late");
        long maxDelay = 0;
        for (int i = 0; i < n; i++) {
            maxDelay = Math.max(maxDelay, 1 + (i * 7919L) % 3_600_000L);
        }
        assertTrue(virtualMillis >= maxDelay && virtualMillis <= maxDelay + 2, "virtual time " + virtualMillis);
        assertEquals(0, countLive(loop), "no task left alive");
        reportLiveLoop(loop, tally);
        loop.close();
    }

    // ------------------------------------------------------------ 100,000 cancellations

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHundredThousandCancellationsMidSleep() {
        int n = 100_000;
        Workloads.Tally tally = new Workloads.Tally();
        Workloads workloads = Coro.create(Workloads.class);
        EventLoop loop = EventLoop.virtualTime();
        long endedCancelled = loop.runUntilComplete(workloads.cancelMidSleep(n, tally));

        assertEquals(n, endedCancelled, "every cancel() accepted, every task ended cancelled");
        assertEquals(n + 1, tally.liveTasksAtPeak);
        assertEquals(0, tally.woke, "a cancelled sleep woke normally");
        assertEquals(n, tally.cancelled, "every sleeper saw its CancelledError");
        assertEquals(n, tally.cleanedUp, "every cleanup ran, the awaiting ones included");
        // cancelled at 1 s; half the cleanups await 1 ms: the 10 s timers were removed, not waited for
        assertEquals(1001, loop.time() / 1_000_000L);
        assertEquals(0, countLive(loop));
        // the cancelled timers are gone from the wheel: a new 5 ms sleep ends at 1006 ms
        loop.runUntilComplete(workloads.sleeper(5, tally));
        assertEquals(1006, loop.time() / 1_000_000L);
        reportLiveLoop(loop, tally);
        loop.close();
    }

    // ------------------------------------------------------------ 10,000,000 cross-thread completions

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenMillionCrossThreadCompletionsWithoutALostWakeUp() throws Exception {
        int workers = 2;
        int n = 10_000_000;
        int window = 32;
        List<BlockingQueue<Promise<Integer>>> queues = new ArrayList<>();
        AtomicLong completedByThreads = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            BlockingQueue<Promise<Integer>> q = new LinkedBlockingQueue<>();
            queues.add(q);
            int me = w;
            Thread t = new Thread(() -> {
                try {
                    for (int i = me; i < n; i += workers) {
                        Promise<Integer> p = q.poll(60, TimeUnit.SECONDS);
                        if (p == null) {
                            return; // the loop stopped handing out promises: the test fails
                        }
                        p.setResult(i);
                        completedByThreads.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "completer-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        Workloads.Tally tally = new Workloads.Tally();
        Workloads workloads = Coro.create(Workloads.class);
        EventLoop loop = new EventLoop(); // real time: the loop parks when it waits
        long start = System.nanoTime();
        long completions = loop.runUntilComplete(workloads.awaitWindowedCompletions(n, window, queues, tally));
        long took = System.nanoTime() - start;
        for (Thread t : threads) {
            t.join(10_000);
        }

        assertEquals(n, completions, "every completion reached its awaiter");
        assertEquals(n, completedByThreads.get());
        assertEquals((long) n * (n - 1) / 2, tally.sum, "each value delivered once, to its own awaiter");
        report(String.format(java.util.Locale.ROOT, "%,d promises completed by %d threads in %.1f s (%,.0f/s);"
                        + " %,d awaits found their promise pending and waited for a cross-thread wake-up",
                n, workers, took / 1e9, n / (took / 1e9), tally.pendingAtAwait));
        assertTrue(tally.pendingAtAwait > n / 100, "too few awaits waited for another thread: the test tests nothing");
        reportLiveLoop(loop, tally);
        loop.close();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenMillionCallSoonThreadsafeCallbacksAllRun() throws Exception {
        int workers = 2;
        long n = 10_000_000;
        long perWorker = n / workers;
        EventLoop loop = new EventLoop();
        Promise<Long> allRan = new Promise<>();
        long[] ran = new long[1]; // loop thread only
        Runnable count = () -> {
            if (++ran[0] == n) {
                allRan.setResult(ran[0]);
            }
        };
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long i = 0; i < perWorker; i++) {
                    loop.callSoonThreadsafe(count);
                    if ((i & 1023) == 0) {
                        Thread.yield(); // let the loop drain and park now and then
                    }
                }
            }, "submitter-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        loop.callSoon(go::countDown); // start submitting once the loop runs
        long start = System.nanoTime();
        long result = loop.runUntilComplete(Coro.create(Workloads.class).awaitCallbacks(allRan));
        long took = System.nanoTime() - start;
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(n, result);
        report(String.format(java.util.Locale.ROOT, "%,d callSoonThreadsafe callbacks from %d threads in %.1f s (%,.0f/s)",
                n, workers, took / 1e9, n / (took / 1e9)));
        loop.close();
    }

    // ------------------------------------------------------------ helpers

    private static int countLive(EventLoop loop) {
        // allTasks() needs the loop running: ask from a callback-free coroutine run
        return loop.runUntilComplete(Coro.create(Workloads.class).liveTasks()) - 1; // minus itself
    }

    /**
     * Reports the used heap with the loop still open and every task done. Not asserted: the
     * runtime's task registry keeps done tasks (with their results and exceptions) reachable from
     * the loop until enough new tasks make it compact (reported to the lead), so this figure is
     * roughly the tasks' size; it drops to the baseline once the loop is dropped, which
     * {@link #heapReturnsToItsBaseline()} asserts.
     */
    private void reportLiveLoop(EventLoop openLoop, Workloads.Tally tally) {
        assertTrue(!openLoop.isClosed());
        long live = Heap.settledUsed();
        report((tally.usedHeapAtPeak > 0 ? "used heap with every task alive (after GC) " + Heap.mb(tally.usedHeapAtPeak) + "; " : "")
                + "with the loop still open and every task done: " + Heap.mb(live)
                + String.format(java.util.Locale.ROOT, " (%+.1f MB over the baseline)", (live - baseline) / (1024.0 * 1024.0)));
    }
}
