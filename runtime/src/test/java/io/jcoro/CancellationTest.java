package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.testing.OrderedExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Task cancellation, against asyncio's traces. Python twin:
 * src/test/resources/io/jcoro/twins/cancel.py (its output is quoted above each assertion).
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class CancellationTest extends OrderedExecution {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    /**
     * <pre>
     * async def sleeper():
     *     try:
     *         trace("sleeping"); await sleep(10); trace("woke")
     *     except CancelledError as e:
     *         trace(f"cancelled at await: {e}"); raise
     *     finally:
     *         trace("cleanup")
     * </pre>
     */
    private Coroutine<String> sleeper() {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        trace.add("sleeping");
                        if ($await(sleep(Duration.ofSeconds(10)), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                            trace.add("woke");
                            return $return("woke");
                        } catch (CancelledError e) {
                            trace.add("cancelled at await: " + e.getMessage());
                            throw e;
                        } finally {
                            trace.add("cleanup");
                        }
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    @Test
    void cancellingASleepingTaskThrowsAtItsAwaitAndRunsCleanup() {
        Coroutine<String> main = new Coroutine<>() {
            Task<String> t;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        t = createTask(sleeper());
                        if ($await(sleep(1000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        $value();
                        trace.add("cancel -> " + t.cancel("stop"));
                        if ($await(t, 2)) return $SUSPENDED;
                    }
                    case 2: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add("task cancelled " + t.isCancelled() + " at " + loop.time() / 1_000_000);
                        }
                        return $return("end");
                    }
                    default: throw $badLabel();
                }
            }
        };
        assertEquals("end", loop.runUntilComplete(main));
        // cancel_sleeping: ['sleeping', 'cancel -> True', 'cancelled at await: stop', 'cleanup',
        //                   'task cancelled True at 1.0', 'result end']
        assertEquals(List.of("sleeping", "cancel -> true", "cancelled at await: stop", "cleanup",
                "task cancelled true at 1000"), trace);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        Task<Object>[] t = new Task[1];
        String r = loop.runUntilComplete(Frames.of("main",
                v -> {
                    t[0] = createTask(Frames.of("body", x -> {
                        expectUnreached();
                        return Frames.ret(null);
                    }));
                    trace.add("cancel -> " + t[0].cancel());
                    return yieldNow();
                },
                v -> yieldNow(),
                v -> {
                    trace.add("done " + t[0].isDone() + " cancelled " + t[0].isCancelled());
                    trace.add("cancel again -> " + t[0].cancel());
                    return Frames.ret("end");
                }));
        assertEquals("end", r);
        // cancel_before_start: ['cancel -> True', 'done True cancelled True', 'cancel again -> False', 'result end']
        assertEquals(List.of("cancel -> true", "done true cancelled true", "cancel again -> false"), trace);
        assertThrows(CancelledError.class, t[0]::result);
        assertThrows(CancelledError.class, t[0]::exception);
    }

    @Test
    void aTaskThatSwallowsCancellationCompletesNormally() {
        Coroutine<String> stubborn = new Coroutine<>() {
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
                            trace.add("swallowed, cancelling=" + Coro.currentTask().cancelling());
                        }
                        if ($await(yieldNow(), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        trace.add("still running");
                        return $return("survived");
                    }
                    default: throw $badLabel();
                }
            }
        };
        Task<String>[] t = new Task[1];
        String r = loop.runUntilComplete(Frames.of("main",
                v -> {
                    t[0] = createTask(stubborn);
                    return yieldNow();
                },
                v -> {
                    t[0].cancel();
                    return t[0];
                },
                v -> {
                    trace.add("cancelled " + t[0].isCancelled() + " cancelling " + t[0].cancelling()
                            + " uncancel -> " + t[0].uncancel());
                    return Frames.ret(v);
                }));
        // swallow: ['swallowed, cancelling=1', 'still running', 'cancelled False cancelling 1 uncancel -> 0', 'result survived']
        assertEquals("survived", r);
        assertEquals(List.of("swallowed, cancelling=1", "still running",
                "cancelled false cancelling 1 uncancel -> 0"), trace);
    }

    @Test
    void cancellingTheRunningTaskThrowsAtTheNextAwaitThatSuspends() {
        Coroutine<Object> selfCancel = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        Coro.currentTask().cancel();
                        trace.add("after cancel, still running");
                        Promise<Integer> done = new Promise<>();
                        done.setResult(1);
                        if ($await(done, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        $value();
                        trace.add("await of done future passed");
                        if ($await(yieldNow(), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add("cancelled at the yield");
                            throw e;
                        }
                        return $return(null);
                    }
                    default: throw $badLabel();
                }
            }
        };
        Task<Object>[] t = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                v -> Coro.gatherSettled(t[0] = createTask(selfCancel)),
                v -> {
                    trace.add("cancelled " + t[0].isCancelled());
                    return Frames.ret(null);
                }));
        // cancel_running: ['after cancel, still running', 'await of done future passed',
        //                  'cancelled at the yield', 'cancelled True', 'result end']
        assertEquals(List.of("after cancel, still running", "await of done future passed",
                "cancelled at the yield", "cancelled true"), trace);
    }

    @Test
    void aTaskCancelledWhileRunningThatReturnsEndsCancelled() {
        Task<Object> t = loop.createTask(Frames.of("body", v -> {
            Coro.currentTask().cancel();
            return Frames.ret(5);
        }));
        loop.runUntilComplete(Frames.of("main", v -> Coro.gatherSettled(t), Frames::ret));
        // cancel_returning: ['cancelled True', 'result end']
        assertTrue(t.isCancelled());
    }

    @Test
    void cancellingATaskWaitingOnAPromiseCancelsThePromise() {
        Promise<String> fut = new Promise<>();
        Coroutine<Object> waiter = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(fut, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            return $return($value());
                        } catch (CancelledError e) {
                            trace.add("waiter got CancelledError(" + e.getMessage() + ")");
                            throw e;
                        }
                    }
                    default: throw $badLabel();
                }
            }
        };
        Task<Object> t = loop.createTask(waiter);
        loop.runUntilComplete(Frames.of("main",
                v -> yieldNow(),
                v -> {
                    t.cancel("m");
                    trace.add("future cancelled " + fut.isCancelled());
                    return Coro.gatherSettled(t);
                },
                v -> {
                    trace.add("task cancelled " + t.isCancelled());
                    return Frames.ret(null);
                }));
        // cancel_awaiting_promise: ['future cancelled True', 'waiter got CancelledError(m)', 'task cancelled True', 'result end']
        assertEquals(List.of("future cancelled true", "waiter got CancelledError(m)", "task cancelled true"), trace);
    }

    @Test
    void cancellingATaskAwaitingATaskCancelsBoth() {
        Coroutine<Object> inner = Frames.of("inner", v -> sleep(10_000), v -> Frames.ret(null));
        Task<Object> i = loop.createTask(inner);
        Task<Object> o = loop.createTask(Frames.of("outer", v -> i, Frames::ret));
        loop.runUntilComplete(Frames.of("main",
                v -> yieldNow(),
                v -> {
                    expect(1);
                    o.cancel();
                    return Coro.gatherSettled(o);
                },
                v -> {
                    trace.add("inner " + i.isCancelled() + " outer " + o.isCancelled());
                    return Frames.ret(null);
                }));
        // cancel_awaiting_task: ['inner cancelled', 'outer cancelled', 'inner True outer True', 'result end']
        assertEquals(List.of("inner true outer true"), trace);
        finish(2);
    }

    @Test
    void cancellingADoneTaskReturnsFalseAndMarksItsFailureRetrieved() {
        Task<Object> t = loop.createTask(Frames.of("fails", v -> {
            throw new IllegalStateException("x");
        }));
        loop.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
        assertTrue(t.isDone());
        assertFalse(t.cancel());
        List<String> reports = Frames.trace();
        loop.setExceptionHandler((l, m, e) -> reports.add(m));
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void cancelFromAnotherThreadIsSentToTheLoop() throws Exception {
        EventLoop real = new EventLoop();
        Task<String>[] t = new Task[1];
        Thread[] canceller = new Thread[1];
        String r = real.runUntilComplete(Frames.of("main",
                v -> {
                    t[0] = createTask(sleeper());
                    canceller[0] = new Thread(() -> t[0].cancel("from thread"));
                    return yieldNow();
                },
                v -> {
                    canceller[0].start();
                    return Coro.gatherSettled(t[0]);
                },
                v -> Frames.ret(String.valueOf(t[0].isCancelled()))));
        canceller[0].join();
        real.close();
        assertEquals("true", r);
        assertEquals(List.of("sleeping", "cancelled at await: from thread", "cleanup"), trace);
    }

    @Test
    void aPendingCancelCancelsTheFutureAwaitedNext() {
        // asyncio __step: "if self._must_cancel: if self._fut_waiter.cancel(msg): must_cancel = False"
        Promise<String>[] p = new Promise[1];
        Task<Object> t = loop.createTask(Frames.of("t",
                v -> {
                    Coro.currentTask().cancel("pending");
                    return p[0] = new Promise<>();
                },
                Frames::ret));
        loop.runUntilComplete(Frames.of("main", v -> Coro.gatherSettled(t), Frames::ret));
        assertTrue(p[0].isCancelled());
        assertTrue(t.isCancelled());
        assertEquals("pending", assertThrows(CancelledError.class, t::result).getMessage());
    }
}
