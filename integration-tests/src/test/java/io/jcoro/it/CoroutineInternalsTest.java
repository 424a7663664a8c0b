package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.Promise;
import io.jcoro.it.seeds.CoroutineInternals;
import io.jcoro.it.seeds.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seed 004's snippets on virtual time (and, for blocking calls and other threads, on real time):
 * the facts their traces stand for, stated directly. {@link OracleTest} checks the same traces
 * against asyncio.
 */
class CoroutineInternalsTest {

    private static CoroutineInternals seed(VirtualRun run) {
        return run.seed(CoroutineInternals.class);
    }

    @Test
    void cancellationRunsTheCleanupAndTheTaskEndsCancelled() {
        assertEquals(List.of(
                        "[0 ms] work: sleeping 10 s",
                        "[1000 ms] cancel() returned true",
                        "[1000 ms] cleanup",
                        "[1000 ms] main: work cancelled, task.cancelled() = true"),
                SeedScenario.CANCEL_WITH_CLEANUP.trace());
    }

    @Test
    void cancellationCaughtAndNotReraisedLeavesTheTaskNotCancelled() {
        assertEquals(List.of(
                        "[1000 ms] cleanup",
                        "[1000 ms] result: finished anyway, task.cancelled() = false"),
                SeedScenario.CANCEL_SUPPRESSED.trace());
    }

    @Test
    void aFinallyBlockThatAwaitsRunsOnCompletionAndOnCancellation() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(seed(run).workWithResource());
            assertEquals(List.of(
                            "[100 ms] acquired",
                            "[100 ms] using connection",
                            "[1100 ms] used connection",
                            "[1100 ms] releasing connection",
                            "[1200 ms] released connection"),
                    run.lines());
        }
        try (VirtualRun run = new VirtualRun()) {
            run.run(seed(run).cancelDuringUse());
            // cancelled at 500 ms in use(): "used" never comes, the release is awaited (100 ms)
            // inside the finally, and only then does the task end cancelled
            assertEquals(List.of(
                            "[100 ms] acquired",
                            "[100 ms] using connection",
                            "[500 ms] releasing connection",
                            "[600 ms] released connection",
                            "[600 ms] main: cancelled after the release"),
                    run.lines());
        }
    }

    @Test
    void asyncWithLockLetsOneTaskInAtATimeInArrivalOrder() {
        List<String> lines = SeedScenario.ASYNC_WITH_LOCK.trace();
        String holder = null;
        List<String> order = new ArrayList<>();
        for (String line : lines) {
            String name = line.substring(line.indexOf("] ") + 2, line.indexOf(':'));
            if (line.endsWith("has the lock")) {
                assertEquals(null, holder, () -> "two holders at once: " + lines);
                holder = name;
                order.add(name);
            } else if (line.endsWith("releasing the lock")) {
                assertEquals(holder, name, lines::toString);
                holder = null;
            }
        }
        assertEquals(List.of("A", "B", "C"), order, "FIFO, as asyncio.Lock");
        assertTrue(lines.get(lines.size() - 1).startsWith("[1500 ms] "), lines::toString);
    }

    @Test
    void aFutureCompletedByALoopCallbackResumesItsAwaiter() {
        try (VirtualRun run = new VirtualRun()) {
            assertEquals(42, run.run(seed(run).awaitFuture()));
            assertEquals(500, run.elapsedMillis());
        }
        try (VirtualRun run = new VirtualRun()) {
            run.run(seed(run).awaitFailedFuture());
            assertEquals(List.of("[500 ms] await raised ValueError: bad"), run.lines());
        }
    }

    @Test
    @Timeout(10)
    void aFutureCompletedByAnotherThreadResumesItsAwaiter() throws Exception {
        try (VirtualRun run = new VirtualRun()) {
            Promise<String> future = new Promise<>();
            CountDownLatch awaiting = new CountDownLatch(1);
            run.loop().callSoon(awaiting::countDown); // runs once the loop is running
            Thread completer = new Thread(() -> {
                try {
                    assertTrue(awaiting.await(5, TimeUnit.SECONDS));
                    Thread.sleep(20); // the loop is parked, on no timer, when this completes
                    future.setResult("from " + Thread.currentThread().getName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "completer");
            completer.start();
            assertEquals("from completer", run.run(seed(run).awaitFuture(future)));
            completer.join();
            assertEquals(List.of("[0 ms] awaited: from completer"), run.lines());
        }
    }

    @Test
    void aCoroutinesExceptionReachesItsAwaiterUnchanged() {
        try (VirtualRun run = new VirtualRun()) {
            assertEquals(0, run.run(seed(run).mainCatching()));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> run.run(seed(run).f()));
            assertEquals("bad", bad.getMessage());
        }
    }

    @Test
    void eachTaskSeesItsOwnContextVariable() {
        assertEquals(List.of(
                        "[100 ms] request_id = req-2",
                        "[200 ms] request_id = req-1",
                        "[200 ms] request_id = main"),
                SeedScenario.CONTEXT_VARS.trace());
    }

    @Test
    void outerRunsInnerInlineAndGetsItsValue() {
        try (VirtualRun run = new VirtualRun()) {
            assertEquals(11, run.run(seed(run).outer()));
            assertEquals(0, run.elapsedMillis());
        }
    }

    @Test
    void aTaskGroupWaitsForAllItsChildren() {
        assertEquals(List.of(
                        "[100 ms] fetched one",
                        "[200 ms] fetched two",
                        "[200 ms] after the group: one two",
                        "[200 ms] [one, two]"),
                SeedScenario.TASK_GROUP.trace());
    }

    @Test
    void aTaskGroupCancelsTheOthersOnFailureAndGroupsTheFailuresByType() {
        assertEquals(List.of(
                        "[100 ms] slow cancelled by the group",
                        "[100 ms] ValueError group: [a failed]",
                        "[100 ms] TypeError group: [b failed]"),
                SeedScenario.EXCEPTION_GROUP.trace());
    }

    // ------------------------------------------------------------ 36.27, on real time

    @Test
    @Timeout(20)
    void toThreadKeepsTheLoopResponsiveWhereABlockingCallStopsIt() throws Exception {
        // "Better": the blocking call runs on another thread; five 20 ms ticks (100 ms) all come
        // before its 400 ms are over
        List<String> better = realRun(seed -> seed.besideTicker(seed.offloadBlockingCall("x", 400), 5, 20));
        assertEquals(List.of("tick 1", "tick 2", "tick 3", "tick 4", "tick 5",
                "result: blocking_function(x) done"), better);
        // "Bad": the call blocks the loop's own thread; no tick comes before it ends
        List<String> bad = realRun(seed -> seed.besideTicker(seed.blockInLoop("x", 400), 5, 20));
        assertEquals("result: blocking_function(x) done", bad.get(0), bad::toString);
        assertEquals(6, bad.size(), bad::toString);
    }

    /** Makes the program; may throw what the @Async methods declare (blockInLoop's InterruptedException). */
    @FunctionalInterface
    private interface Program {
        io.jcoro.Coroutine<Void> make(CoroutineInternals seed) throws Exception;
    }

    private static List<String> realRun(Program program) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CoroutineInternals seed = Coro.create(CoroutineInternals.class, (Trace) lines::add);
        Coro.run(program.make(seed));
        return List.copyOf(lines);
    }
}
