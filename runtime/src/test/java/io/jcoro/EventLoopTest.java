package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.testing.OrderedExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop: callbacks, error reporting, threads, parking, lifecycle. */
@SuppressWarnings({"rawtypes", "unchecked"})
class EventLoopTest extends OrderedExecution {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private final EventLoop loop = EventLoop.virtualTime();
    private final List<String> reports = new ArrayList<>();
    private final List<Throwable> reported = new ArrayList<>();

    private void captureReports(EventLoop l) {
        l.setExceptionHandler((source, message, e) -> {
            reports.add(message);
            reported.add(e);
        });
    }

    @Test
    void callbacksRunFifoAndOnlyThoseReadyWhenTheIterationBegan() {
        expect(1);
        loop.callSoon(() -> {
            expect(2);
            loop.callSoon(() -> expect(5)); // next iteration
        });
        loop.callSoon(() -> expect(3));
        loop.runUntilComplete(Frames.of("main", v -> {
            expect(4); // the main task's first step was queued after the two callbacks
            return yieldNow();
        }, v -> Frames.ret(null)));
        finish(6);
    }

    @Test
    void anExceptionThrownByACallbackIsReportedAndTheLoopGoesOn() {
        captureReports(loop);
        RuntimeException boom = new RuntimeException("boom");
        Runnable failing = new Runnable() {
            @Override
            public void run() {
                throw boom;
            }

            @Override
            public String toString() {
                return "failing()";
            }
        };
        expect(1);
        loop.callSoon(failing);
        loop.callSoon(() -> expect(2));
        loop.runUntilComplete(Frames.of("main", v -> {
            expect(3);
            return Frames.ret(null);
        }));
        assertEquals(List.of("Exception in callback failing()"), reports);
        assertSame(boom, reported.get(0));
        finish(4);
    }

    @Test
    void theDefaultHandlerPrintsTheMessageAndStackTrace() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        try {
            loop.callSoon(() -> {
                throw new IllegalStateException("printed");
            });
            loop.runUntilComplete(Frames.of("main", v -> Frames.ret(null)));
        } finally {
            System.setErr(old);
        }
        String out = err.toString();
        assertTrue(out.startsWith("Exception in callback "), out);
        assertTrue(out.contains("java.lang.IllegalStateException: printed"), out);
    }

    @Test
    void aTaskFailureNobodyRetrievedIsReportedWhenTheLoopCloses() {
        captureReports(loop);
        IllegalStateException lost = new IllegalStateException("lost");
        IllegalStateException seen = new IllegalStateException("seen");
        Task<Object> unretrieved = loop.createTask(Frames.of("a", v -> {
            throw lost;
        }), "lonely");
        Task<Object> retrieved = loop.createTask(Frames.of("b", v -> {
            throw seen;
        }));
        loop.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
        assertTrue(unretrieved.isDone());
        assertSame(seen, retrieved.exception());
        assertEquals(List.of(), reports);
        loop.close();
        assertEquals(List.of("Task exception was never retrieved (task 'lonely')"), reports);
        assertSame(lost, reported.get(0));
    }

    @Test
    void aClosedLoopRefusesWork() {
        loop.close();
        loop.close(); // twice is fine
        assertTrue(loop.isClosed());
        for (Runnable use : List.<Runnable>of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callLater(Duration.ZERO, () -> { }),
                () -> loop.callAt(0, () -> { }),
                () -> loop.callSoonThreadsafe(() -> { }),
                () -> loop.runUntilComplete(Frames.of("x", v -> Frames.ret(null))))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertEquals("event loop is closed", e.getMessage());
        }
    }

    @Test
    void currentIsTheRunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, EventLoop::current);
        assertEquals("no running event loop", e.getMessage());
        assertThrows(IllegalStateException.class, Coro::currentTask);
        loop.callSoon(() -> {
            assertSame(loop, EventLoop.current());
            assertNull(Coro.currentTask()); // a plain callback runs outside any task
        });
        Object task = loop.runUntilComplete(Frames.of("main", v -> {
            assertTrue(loop.isRunning());
            return Frames.ret(Coro.currentTask());
        }));
        assertTrue(task instanceof Task<?>);
        assertFalse(loop.isRunning());
    }

    @Test
    void currentTaskIsTheTaskWhoseStepRunsWhateverRanBefore() {
        List<String> trace = Frames.trace();
        // Three tasks interleaving their steps, a callback between them, a task that ends early
        // and tasks made while others run: every step sees itself, every callback no task.
        Task<?>[] tasks = new Task<?>[4];
        Frames.Step check = v -> {
            Task<?> me = Coro.currentTask();
            trace.add(me == null ? "none" : me.name());
            return yieldNow();
        };
        Coroutine<Object> main = Frames.of("main", v -> {
            for (int i = 0; i < 3; i++) {
                tasks[i] = createTask(Frames.of("t" + i, check, check,
                        i == 1 ? w -> Frames.ret(null) : check, w -> Frames.ret(null)), "t" + i);
            }
            loop.callSoon(() -> trace.add(Coro.currentTask() == null ? "callback: none" : "callback: task"));
            return yieldNow();
        }, v -> {
            trace.add(Coro.currentTask().name());
            tasks[3] = createTask(Frames.of("t3", check, w -> Frames.ret(null)), "t3");
            return Coro.gather(tasks[0], tasks[1], tasks[2], tasks[3]);
        }, v -> Frames.ret(Coro.currentTask().name()));
        Task<Object> root = loop.createTask(main, "main");
        assertEquals("main", loop.runUntilComplete(root));
        assertEquals(List.of("t0", "t1", "t2", "callback: none", "main", "t0", "t1", "t2", "t3",
                "t0", "t2"), trace);
    }

    @Test
    void loopOnlyOperationsFromAnotherThreadFail() {
        Throwable[] fromThread = new Throwable[1];
        loop.runUntilComplete(Frames.of("main", v -> {
            Thread t = new Thread(() -> {
                try {
                    loop.callSoon(() -> { });
                } catch (Throwable e) {
                    fromThread[0] = e;
                }
            });
            t.start();
            t.join();
            IllegalStateException close = assertThrows(IllegalStateException.class, loop::close);
            assertEquals("cannot close a running event loop", close.getMessage());
            IllegalStateException nested = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(Frames.of("x", x -> Frames.ret(null))));
            assertEquals("this event loop is already running", nested.getMessage());
            assertThrows(IllegalStateException.class, () -> EventLoop.virtualTime()
                    .runUntilComplete(Frames.of("x", x -> Frames.ret(null))));
            assertThrows(IllegalStateException.class, () -> Coro.run(Frames.of("x", x -> Frames.ret(null))));
            return Frames.ret(null);
        }));
        assertTrue(fromThread[0] instanceof IllegalStateException, String.valueOf(fromThread[0]));
        assertTrue(fromThread[0].getMessage().contains("callSoonThreadsafe"), fromThread[0].getMessage());
    }

    @Test
    void aPromiseCompletedFromAnotherThreadWakesAParkedRealClockLoop() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoop real = new EventLoop()) {
                String r = real.runUntilComplete(Frames.of("main",
                        v -> {
                            Promise<String> p = new Promise<>();
                            Thread loopThread = Thread.currentThread();
                            Thread completer = new Thread(() -> {
                                // no timer and nothing ready: the loop parks (indefinitely) until
                                // the inbox gets work; complete only once it is parked
                                while (loopThread.getState() != Thread.State.WAITING) {
                                    Thread.onSpinWait();
                                }
                                p.setResult("from another thread");
                            });
                            completer.setDaemon(true);
                            completer.start();
                            return p;
                        },
                        Frames::ret));
                assertEquals("from another thread", r);
            }
        });
    }

    @Test
    void aVirtualTimeLoopWithNoTimersParksForOtherThreads() {
        assertTimeoutPreemptively(BOUND, () -> {
            long r = loop.runUntilComplete(Frames.of("main",
                    v -> {
                        Promise<Long> p = new Promise<>();
                        Thread t = new Thread(() -> loop.callSoonThreadsafe(() -> p.setResult(loop.time())));
                        t.setDaemon(true);
                        t.start();
                        return p;
                    },
                    Frames::ret));
            assertEquals(0L, r);
        });
    }

    @Test
    void callSoonThreadsafeFromManyThreadsRunsEveryCallback() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoop real = new EventLoop()) {
                int threads = 4;
                int each = 1000;
                int[] count = {0};
                Promise<Void>[] all = new Promise[1];
                real.runUntilComplete(Frames.of("main",
                        v -> {
                            all[0] = new Promise<>();
                            for (int i = 0; i < threads; i++) {
                                Thread t = new Thread(() -> {
                                    for (int j = 0; j < each; j++) {
                                        real.callSoonThreadsafe(() -> {
                                            if (++count[0] == threads * each) {
                                                all[0].setResult(null);
                                            }
                                        });
                                    }
                                });
                                t.setDaemon(true);
                                t.start();
                            }
                            return all[0];
                        },
                        Frames::ret));
                assertEquals(threads * each, count[0]);
            }
        });
    }

    @Test
    void runUntilCompleteRethrowsTheFailureUnchanged() {
        Exception checked = new Exception("checked");
        Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(Frames.of("main",
                v -> sleep(5), v -> {
                    throw checked;
                })));
        assertSame(checked, e);
        assertEquals(5_000_000L, loop.time());
    }

    @Test
    void debugModeCanBeToggled() {
        assertFalse(loop.isDebug());
        loop.setDebug(true);
        assertTrue(loop.isDebug());
        loop.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
    }

    @Test
    void allTasksListsTheLiveTasksOfTheRunningLoop() {
        Object names = loop.runUntilComplete(Frames.of("main",
                v -> {
                    createTask(Frames.of("a", x -> sleep(10), Frames::ret), "a");
                    createTask(Frames.of("b", x -> Frames.ret(null)), "b");
                    return yieldNow();
                },
                v -> {
                    List<String> live = new ArrayList<>();
                    for (Task<?> t : Coro.allTasks()) {
                        live.add(t.name().startsWith("Task-") ? "main" : t.name());
                    }
                    return Frames.ret(live);
                }));
        assertEquals(List.of("main", "a"), names);
    }

    @Test
    void debugModeReportsCallbacksSlowerThanTheConfiguredDuration() {
        try (EventLoop real = new EventLoop()) {
            List<String> reports = new ArrayList<>();
            real.setExceptionHandler((l, message, exception) -> reports.add(message));
            real.setDebug(true);
            real.setSlowCallbackDuration(Duration.ZERO); // every callback is slow
            real.callSoon(EventLoopTest::someWork);
            real.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
            assertTrue(reports.stream().anyMatch(m -> m.startsWith("Executing ") && m.contains(" took ")), reports.toString());

            reports.clear();
            real.setSlowCallbackDuration(Duration.ofHours(1)); // none is
            real.callSoon(EventLoopTest::someWork);
            real.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
            assertEquals(List.of(), reports);
        }
    }

    @Test
    void aCallbackThatTurnsDebugModeOnIsNotReportedAsSlow() {
        try (EventLoop real = new EventLoop()) {
            List<String> reports = new ArrayList<>();
            real.setExceptionHandler((l, message, exception) -> reports.add(message));
            real.setSlowCallbackDuration(Duration.ofSeconds(10));
            real.callSoon(() -> real.setDebug(true)); // untimed: it started before debug mode
            real.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
            assertEquals(List.of(), reports);
        }
    }

    private static void someWork() {
        long x = 0;
        for (int i = 0; i < 100_000; i++) {
            x += Long.numberOfTrailingZeros(i * 31L + x);
        }
        if (x == 42) {
            throw new AssertionError("unreachable: keeps the loop from being optimised away");
        }
    }

    /** A coroutine on one loop awaits a task that another loop, on another thread, runs. */
    @Test
    void aTaskOnOneLoopAwaitsATaskOfAnotherLoop() {
        assertTimeoutPreemptively(BOUND, () -> {
            java.util.concurrent.CompletableFuture<Task<String>> published = new java.util.concurrent.CompletableFuture<>();
            Thread loopA = Thread.currentThread();
            Thread other = new Thread(() -> Coro.run(Frames.of("loopB",
                    v -> {
                        Task<String> task = createTask(Frames.of("work", w -> {
                            // complete only once loop A has parked, suspended on this task
                            while (loopA.getState() != Thread.State.WAITING) {
                                Thread.onSpinWait();
                            }
                            return Frames.ret("done on " + Thread.currentThread().getName());
                        }));
                        published.complete(task);
                        return task;
                    },
                    Frames::ret)), "loop-B");
            other.start();
            try (EventLoop a = new EventLoop()) {
                String result = a.runUntilComplete(Frames.of("loopA",
                        v -> published.get(),
                        Frames::ret));
                assertEquals("done on loop-B", result);
            }
            other.join();
        });
    }
}
