package io.jcoro;

import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Awaiting a task of another loop never hangs: a timeout fires on time whether that loop is idle,
 * running elsewhere, or slow to cancel; a task whose loop is closed fails at once; and a promise
 * completed for a waiter of a closed loop says so. Each loop run is under a hang guard
 * ({@link OnThread}): before these rules, each case below hung for ever.
 */
@SuppressWarnings({"fallthrough", "unchecked"})
class CrossLoopTest {
    private static final long MS = 1_000_000L;
    private final EventLoop here = EventLoop.virtualTime();
    private final EventLoop other = EventLoop.virtualTime();

    /** {@code return done(await(awaitable))}. */
    private static Coroutine<Object> awaiting(Awaitable<?> awaitable) {
        return Frames.of("main", v -> awaitable, Frames::ret);
    }

    /** {@code return done(await(waitFor(task, timeout)))}. */
    private static Coroutine<Object> waitingFor(Task<?> task, Duration timeout) {
        return Frames.of("main", v -> waitFor(task, timeout), Frames::ret);
    }

    /** Sleeps an hour; on cancellation, sleeps another hour before it gives up. */
    private static Coroutine<Object> stubborn() {
        return new Coroutine<>() {
            Throwable cancelled;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(3_600_000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            return $return($value());
                        } catch (CancelledError e) {
                            cancelled = e;
                        }
                        if ($await(sleep(3_600_000), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        throw cancelled;
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    private <T> T runHere(Coroutine<T> main) throws Throwable {
        return OnThread.call(0, () -> here.runUntilComplete(main));
    }

    @Test
    void aTimeoutOnATaskOfAnIdleLoopFiresOnTime() throws Throwable {
        Task<Object> foreign = other.createTask(stubborn());
        assertThrows(AsyncTimeoutException.class, () -> runHere(waitingFor(foreign, Duration.ofMillis(50))));
        assertEquals(50 * MS, here.time(), MS);
        assertEquals(1, foreign.cancelling()); // the cancellation was sent; the task has not run yet
        assertFalse(foreign.isDone());
    }

    @Test
    void aTimeoutOnATaskOfALoopRunningElsewhereDoesNotWaitForItsCleanUp() throws Throwable {
        EventLoop running = new EventLoop();
        Promise<Void> stop = new Promise<>();
        Task<Object> foreign = running.createTask(stubborn());
        Thread thread = new Thread(() -> running.runUntilDone(stop), "other-loop");
        thread.start();
        try {
            AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class,
                    () -> runHere(waitingFor(foreign, Duration.ofMillis(50))));
            assertInstanceOf(CancelledError.class, e.getCause());
            assertEquals(50 * MS, here.time(), MS);
        } finally {
            stop.setResult(null);
            thread.join();
        }
        running.close();
        assertTrue(foreign.isDone());
    }

    @Test
    void eachOfManyWaitersOfATaskOfAnIdleLoopTimesOutOnTime() throws Throwable {
        Task<Object> foreign = other.createTask(stubborn());
        List<Long> timedOutAtMs = new ArrayList<>();
        List<Coroutine<Object>> waiters = new ArrayList<>();
        for (long ms = 30; ms <= 50; ms += 10) {
            Duration timeout = Duration.ofMillis(ms);
            waiters.add(Frames.of("waiter", v -> Coro.gatherSettled(waitFor(foreign, timeout)), v -> {
                Outcome<?> outcome = ((List<Outcome<?>>) v).get(0);
                assertInstanceOf(AsyncTimeoutException.class, ((Outcome.Failure<?>) outcome).error());
                timedOutAtMs.add(here.time() / MS);
                return Frames.ret(null);
            }));
        }
        runHere(Frames.of("main", v -> Coro.gatherSettled(waiters), Frames::ret));
        assertEquals(List.of(30L, 40L, 50L), timedOutAtMs);
        assertEquals(3, foreign.cancelling());
    }

    @Test
    void anImmediateTimeoutOnATaskOfAnIdleLoopFiresAtOnce() throws Throwable {
        Task<Object> foreign = other.createTask(stubborn());
        assertThrows(AsyncTimeoutException.class, () -> runHere(waitingFor(foreign, Duration.ZERO)));
        assertEquals(0, here.time());
    }

    @Test
    void awaitingATaskOfAClosedLoopFailsAtOnce() throws Throwable {
        Task<Object> foreign = other.createTask(stubborn(), "report");
        other.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runHere(awaiting(foreign)));
        assertEquals("event loop is closed: task 'report' can never finish", e.getMessage());
        assertThrows(IllegalStateException.class, () -> runHere(waitingFor(foreign, Duration.ofSeconds(1))));
        assertEquals(0, here.time());
    }

    @Test
    void aTaskWhoseLoopClosesWhileAwaitedFailsItsWaiters() throws Throwable {
        Task<Object> foreign = other.createTask(stubborn(), "report");
        here.callLater(Duration.ofMillis(10), other::close);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runHere(awaiting(foreign)));
        assertEquals("event loop is closed: task 'report' can never finish", e.getMessage());
        assertEquals(10 * MS, here.time(), MS);
        CompletionException joined = assertThrows(CompletionException.class, () -> foreign.toCompletableFuture().join());
        assertInstanceOf(IllegalStateException.class, joined.getCause());
    }

    @Test
    void completingAPromiseAwaitedByATaskOfAClosedLoopIsReported() {
        Promise<Integer>[] promise = new Promise[1];
        Task<?>[] waiter = new Task<?>[1];
        here.runUntilComplete(Frames.of("main", v -> {
            promise[0] = new Promise<>();
            waiter[0] = Coro.createTask(awaiting(promise[0]));
            return Coro.yieldNow(); // the waiter starts and suspends on the promise
        }, Frames::ret));
        here.close();
        assertTrue(waiter[0].isDone());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> promise[0].setResult(42));
        assertTrue(e.getMessage().startsWith("event loop is closed: "), e.getMessage());
        assertEquals(42, promise[0].result()); // completed all the same
    }

    @Test
    void completingAPromiseWithADoneCallbackOnAClosedLoopIsReported() {
        List<Object> called = new ArrayList<>();
        Promise<Integer>[] promise = new Promise[1];
        here.runUntilComplete(Frames.of("main", v -> {
            promise[0] = new Promise<>();
            promise[0].addDoneCallback(called::add);
            return Frames.ret(null);
        }));
        here.close();
        assertThrows(IllegalStateException.class, () -> promise[0].setException(new Exception("late")));
        assertTrue(called.isEmpty());
    }

    @Test
    void completingAPromiseWhoseWaitersAreLiveIsSilent() {
        Promise<Integer> promise = new Promise<>();
        Task<Object> waiter = here.createTask(awaiting(promise));
        here.runUntilComplete(awaiting(Coro.yieldNow()));
        promise.setResult(7);
        assertEquals(7, here.runUntilComplete(awaiting(waiter)));
    }
}
