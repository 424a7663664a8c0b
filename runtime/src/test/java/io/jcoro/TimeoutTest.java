package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.currentTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.timeout;
import static io.jcoro.Coro.timeoutAt;
import static io.jcoro.Coro.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Coro#timeout} and {@link Coro#waitFor}, ported from CPython 3.12's
 * Lib/test/test_asyncio/test_timeouts.py and test_waitfor.py (named in each comment); the scope is
 * used through {@link AsyncWith}, as generated code will. Traces checked with twins/timeouts.py.
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class TimeoutTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /** Sleeps {@code ms}; records a cancellation (optionally sleeping {@code cleanupMs} in it). */
    private Coroutine<Object> sleeper(String name, long ms, long cleanupMs) {
        return new Coroutine<>() {
            Throwable error;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(ms), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                            trace.add(name + " done");
                            return $return(name);
                        } catch (CancelledError e) {
                            trace.add(name + " cancelled at " + loop.time() / 1_000_000);
                            error = e;
                        }
                        if ($await(sleep(cleanupMs), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        trace.add(name + " cleaned up at " + loop.time() / 1_000_000);
                        throw error;
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    // test_timeout_basic, test_waiter_cancelled, test_timeout_exception_cause
    @Test
    void theDeadlineCancelsTheBlockAndTheScopeThrowsTimeout() {
        Timeout[] cm = new Timeout[1];
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(
                AsyncWith.of(() -> cm[0] = timeout(ms(10)), t -> sleeper("body", 10_000, 0))));
        assertInstanceOf(CancelledError.class, e.getCause());
        assertTrue(cm[0].expired());
        assertEquals(List.of("body cancelled at 10", "body cleaned up at 10"), trace);
    }

    // test_timeout_not_called, test_timeout_disabled
    @Test
    void aScopeLeftInTimeDoesNothing() {
        Timeout[] cm = new Timeout[2];
        Object r = loop.runUntilComplete(Frames.of("main",
                x -> AsyncWith.of(() -> cm[0] = timeout(ms(100)), t -> sleeper("a", 10, 0)),
                x -> AsyncWith.of(() -> cm[1] = timeout(null), t -> sleeper("b", 10, 0)),
                x -> Frames.ret(x)));
        assertEquals("b", r);
        assertFalse(cm[0].expired());
        assertFalse(cm[1].expired());
        assertEquals(Long.MAX_VALUE, cm[1].when());
    }

    // test_nested_timeouts: only the topmost scope throws
    @Test
    void nestedScopesWithTheSameDeadline() {
        Timeout[] cm = new Timeout[2];
        long deadline = 10_000_000L;
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(
                AsyncWith.of(() -> cm[0] = timeoutAt(deadline),
                        t1 -> AsyncWith.of(() -> cm[1] = timeoutAt(deadline), t2 -> sleeper("inner", 10_000, 0)))));
        assertTrue(cm[0].expired());
        assertTrue(cm[1].expired());
        assertEquals(List.of("inner cancelled at 10", "inner cleaned up at 10"), trace);
    }

    // test_nested_timeouts_loop_busy, on virtual time: the inner scope times out, the outer goes on
    @Test
    void anInnerTimeoutIsCaughtAndTheOuterOneStillFires() {
        Object r = loop.runUntilComplete(catching(
                AsyncWith.of(() -> timeout(ms(100)), outer -> Frames.of("outer body",
                        x -> catching(AsyncWith.of(() -> timeout(ms(10)), inner -> sleeper("inner", 1000, 0)), "inner"),
                        x -> sleeper("outer", 10_000, 0), x -> Frames.ret(x))), "outer"));
        assertEquals("outer timed out at 100", r);
        // twin nested_busy: ['inner cancelled at 10', 'inner cleaned up at 10', 'inner timed out at 10',
        //                    'outer cancelled at 100', 'outer cleaned up at 100', 'outer timed out at 100']
        assertEquals(List.of("inner cancelled at 10", "inner cleaned up at 10", "inner timed out at 10",
                "outer cancelled at 100", "outer cleaned up at 100", "outer timed out at 100"), trace);
    }

    /** Awaits {@code c}; an AsyncTimeoutException becomes the result "<name> timed out at T". */
    private Coroutine<Object> catching(Coroutine<Object> c, String name) {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(c, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            return $return($value());
                        } catch (AsyncTimeoutException e) {
                            String s = name + " timed out at " + loop.time() / 1_000_000;
                            trace.add(s);
                            return $return(s);
                        }
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    // test_foreign_cancel_doesnt_timeout_if_not_expired
    @Test
    void aForeignCancellationIsNotATimeout() {
        Timeout[] cm = new Timeout[1];
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(AsyncWith.of(() -> cm[0] = timeout(ms(10_000)),
                t -> Frames.of("body", x -> {
                    currentTask().cancel();
                    return sleep(10_000);
                }, x -> Frames.ret(null)))));
        assertFalse(cm[0].expired());
    }

    // test_outer_task_is_not_cancelled
    @Test
    void theTaskIsNotCancelledAfterATimeout() {
        Task[] t = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                x -> t[0] = createTask(catching(AsyncWith.of(() -> timeout(ms(1)), s -> sleeper("s", 10_000, 0)), "s")),
                x -> Frames.ret(null)));
        assertFalse(t[0].isCancelled());
        assertEquals("s timed out at 1", t[0].result());
        assertEquals(0, t[0].cancelling());
    }

    // a cancellation from outside that arrives with the deadline is not swallowed (twin outer_cancel)
    @Test
    void anOuterCancellationDuringExpiryGoesOn() {
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(AsyncWith.of(() -> timeout(ms(10)),
                t -> Frames.of("body", x -> {
                    Task<?> me = currentTask();
                    loop.callLater(ms(10), me::cancel); // due with the deadline, after it
                    return sleep(1000);
                }, x -> Frames.ret(null)))));
    }

    // test_timeout_after_cancellation: the count at entry is what matters
    @Test
    void aTimeoutInCleanUpAfterACaughtCancellation() {
        Object r = loop.runUntilComplete(new Coroutine<Object>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        currentTask().cancel();
                        if ($await(sleep(1000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError swallowed) {
                            // not uncancelled: cancelling() stays 1
                        }
                        if ($await(catching(AsyncWith.of(() -> timeout(Duration.ZERO), t -> sleeper("cleanup", 1000, 0)), "cleanup"), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        return $return($value());
                    }
                    default: throw $badLabel();
                }
            }
        });
        assertEquals("cleanup timed out at 0", r);
    }

    // test_cancel_in_timeout_after_cancellation
    @Test
    void aCancellationInsideTheScopeAfterACaughtOneGoesOn() {
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(new Coroutine<Object>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        currentTask().cancel();
                        if ($await(sleep(1000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError swallowed) {
                            // cancelling() stays 1
                        }
                        if ($await(AsyncWith.of(() -> timeout(ms(1000)), t -> Frames.of("cleanup", y -> {
                            currentTask().cancel();
                            return sleep(2000);
                        }, y -> Frames.ret(null))), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        return $return($value());
                    }
                    default: throw $badLabel();
                }
            }
        }));
    }

    // test_reschedule
    @Test
    void rescheduleMovesOrRemovesTheDeadline() {
        Timeout[] cm = new Timeout[1];
        Task[] task = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                x -> {
                    task[0] = createTask(AsyncWith.of(() -> cm[0] = timeout(ms(10_000)), t -> sleeper("f", 50_000, 0)));
                    return Coro.yieldNow();
                },
                x -> {
                    assertEquals(10_000_000_000L, cm[0].when());
                    cm[0].reschedule(ms(30_000));
                    assertEquals(30_000_000_000L, cm[0].when());
                    cm[0].reschedule(null);
                    assertEquals(Long.MAX_VALUE, cm[0].when());
                    task[0].cancel();
                    return Coro.gatherSettled(task[0]);
                },
                x -> Frames.ret(null)));
        assertTrue(task[0].isCancelled());
        assertFalse(cm[0].expired());
        assertThrows(IllegalStateException.class, () -> cm[0].reschedule(ms(1)));
    }

    // test_timeout_without_task
    @Test
    void aScopeNeedsATask() {
        assertThrows(IllegalStateException.class, () -> timeout(ms(1)));
    }

    // test_timeout_finished: closing twice
    @Test
    void aScopeClosesOnce() {
        loop.runUntilComplete(Frames.of("main", x -> {
            Timeout t = timeout(ms(1));
            t.closeAsync();
            assertThrows(IllegalStateException.class, t::closeAsync);
            assertThrows(IllegalStateException.class, t::close); // plain close is never allowed
            return Frames.ret(null);
        }));
    }

    // test_wait_for_waits_for_task_cancellation
    @Test
    void waitForWaitsUntilTheTaskHasFinishedCancelling() {
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(Frames.of("main",
                x -> waitFor(createTask(sleeper("inner", 10_000, 5)), ms(1)), x -> Frames.ret(x))));
        assertInstanceOf(CancelledError.class, e.getCause());
        assertEquals(List.of("inner cancelled at 1", "inner cleaned up at 6"), trace);
        assertEquals(6_000_000L, loop.time());
    }

    // test_wait_for_waits_for_task_cancellation_w_timeout_0
    @Test
    void waitForWithZeroTimeoutCancelsAndWaits() {
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(Frames.of("main",
                x -> {
                    Task<Object> inner = createTask(sleeper("inner", 10_000, 5));
                    return Frames.of("w", y -> sleep(1), y -> waitFor(inner, Duration.ZERO), y -> Frames.ret(y));
                }, x -> Frames.ret(x))));
        assertEquals(List.of("inner cancelled at 1", "inner cleaned up at 6"), trace);
    }

    // test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
    @Test
    void waitForWithZeroTimeoutNeverStartsACoroutine() {
        Coroutine<Object> c = Frames.of("c", x -> {
            trace.add("started");
            return Frames.ret(null);
        });
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(Frames.of("main",
                x -> waitFor(c, Duration.ofMillis(-1)), x -> Frames.ret(x))));
        assertEquals(List.of(), trace);
    }

    // test_wait_for_timeout_less_then_0_or_0_future_done
    @Test
    void waitForWithZeroTimeoutReturnsADoneFuture() {
        assertEquals("done", loop.runUntilComplete(Frames.of("main",
                x -> waitFor(Promise.completed("done"), Duration.ZERO), x -> Frames.ret(x))));
    }

    // test_wait_for, test_none_timeout
    @Test
    void waitForReturnsTheResultInTime() {
        assertEquals("inner", loop.runUntilComplete(Frames.of("main",
                x -> waitFor(sleeper("inner", 10, 0), ms(100)),
                x -> waitFor(sleeper("inner", 10, 0), null),
                x -> Frames.ret(x))));
        assertEquals(20_000_000L, loop.time());
    }

    // test_wait_for_reraises_exception_during_cancellation
    @Test
    void waitForRethrowsAFailureOfTheCancelledTask() {
        IllegalStateException foo = new IllegalStateException("foo");
        Coroutine<Object> inner = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(200), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } finally {
                            throw foo;
                        }
                    }
                    default: throw $badLabel();
                }
            }
        };
        Throwable e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(Frames.of("main",
                x -> waitFor(createTask(inner), ms(1)), x -> Frames.ret(x))));
        assertSame(foo, e);
    }

    // test_cancel_wait_for, test_cancel_blocking_wait_for
    @Test
    void cancellingTheWaitCancelsTheTask() {
        for (Duration timeout : new Duration[] {ms(60_000), null}) {
            Task[] t = new Task[2];
            loop.runUntilComplete(Frames.of("main",
                    x -> {
                        t[0] = createTask(Frames.of("blocking", y -> new Promise<>(), y -> Frames.ret(null)));
                        t[1] = createTask(Frames.of("wait", y -> waitFor(t[0], timeout), y -> Frames.ret(null)));
                        loop.callSoon(t[1]::cancel);
                        return Coro.gatherSettled(t[1]);
                    },
                    x -> Frames.ret(null)));
            assertTrue(t[1].isCancelled());
            assertTrue(t[0].isCancelled());
        }
    }

    // test_wait_for_cancel_suppressed
    @Test
    void waitForReturnsTheValueOfACoroutineThatSwallowsTheCancellation() {
        Coroutine<Object> return42 = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(10_000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            return $return(42);
                        }
                        return $return(0);
                    }
                    default: throw $badLabel();
                }
            }
        };
        assertEquals((Object) 42, loop.runUntilComplete(Frames.of("main", x -> waitFor(return42, ms(100)), x -> Frames.ret(x))));
    }

    // test_shielded_timeout (test_waitfor) and test_shield_* (test_tasks)
    @Test
    void shieldKeepsTheInnerTaskRunning() {
        Task[] inner = new Task[1];
        Object r = loop.runUntilComplete(Frames.of("main",
                x -> {
                    inner[0] = createTask(sleeper("inner", 100, 0));
                    return catching(Frames.of("w", y -> waitFor(Coro.shield(inner[0]), ms(10)), y -> Frames.ret(y)), "shielded");
                },
                x -> inner[0],
                x -> Frames.ret(x)));
        assertEquals("inner", r);
        assertEquals(List.of("shielded timed out at 10", "inner done"), trace);
    }

    @Test
    void shieldIsCancelledWhenTheInnerIsCancelled() {
        Awaitable<Object>[] s = new Awaitable[1];
        Task[] inner = new Task[1];
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(Frames.of("main",
                x -> {
                    inner[0] = createTask(sleeper("inner", 100, 0));
                    s[0] = Coro.shield(inner[0]);
                    loop.callSoon(inner[0]::cancel);
                    return s[0];
                }, x -> Frames.ret(x))));
        assertTrue(((Promise) s[0]).isCancelled());
    }
}
