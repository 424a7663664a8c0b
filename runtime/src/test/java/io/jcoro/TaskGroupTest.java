package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.currentTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.testing.OrderedExecution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TaskGroup, through hand-written frames that call closeAsync(pending) exactly as the generated
 * code will ({@link AsyncWith}). Ported from CPython's Lib/test/test_asyncio/test_taskgroups.py
 * (named in each comment); traces checked with twins/taskgroup.py.
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class TaskGroupTest extends OrderedExecution {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    private Coroutine<Object> value(long ms, Object v) {
        return Frames.of("value", x -> sleep(ms), x -> Frames.ret(v));
    }

    private Coroutine<Object> failing(long ms, RuntimeException e) {
        return Frames.of("failing", x -> sleep(ms), x -> {
            throw e;
        });
    }

    /** Sleeps and records how it ended, as the foo()s of the CPython tests. */
    private Coroutine<Object> cancellable(String name, long ms) {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(ms), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add(name + " cancelled");
                            throw e;
                        }
                        trace.add(name + " done");
                        return $return(name);
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    // test_taskgroup_02
    @Test
    void childrenCreatedAnywhereInTheBodyAreAwaited() {
        Task[] t = new Task[2];
        loop.runUntilComplete(AsyncWith.of(TaskGroup::new, g -> Frames.of("body",
                x -> {
                    t[0] = g.createTask(value(100, 42));
                    return sleep(150);
                },
                x -> {
                    t[1] = g.createTask(value(200, 11));
                    return Frames.ret(null);
                })));
        assertEquals(42, t[0].result());
        assertEquals(11, t[1].result());
        assertEquals(350_000_000L, loop.time());
    }

    // test_taskgroup_03
    @Test
    void aChildCancelledExplicitlyDoesNotStopTheGroup() {
        Task[] t = new Task[2];
        loop.runUntilComplete(AsyncWith.of(TaskGroup::new, g -> Frames.of("body",
                x -> {
                    t[0] = g.createTask(value(1000, 42));
                    return sleep(150);
                },
                x -> {
                    t[0].cancel();
                    t[1] = g.createTask(value(200, 11));
                    return Frames.ret(null);
                })));
        assertTrue(t[0].isCancelled());
        assertEquals(11, t[1].result());
    }

    // test_taskgroup_04 and test_cancel_children_on_child_error
    @Test
    void aChildFailureCancelsTheOtherChildrenAndTheBody() {
        Coroutine<Object> runner = AsyncWith.of(TaskGroup::new, (TaskGroup g) -> new Coroutine<Object>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        g.createTask(failing(100, new ArithmeticException("/ by zero")));
                        g.createTask(failing(100, new ArithmeticException("/ by zero")));
                        g.createTask(cancellable("foo2", 5000));
                        if ($await(sleep(10_000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add("runner cancelled, cancelling=" + currentTask().cancelling());
                            throw e;
                        }
                        trace.add("unreachable");
                        return $return(null);
                    }
                    default: throw $badLabel();
                }
            }
        });
        ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", eg.getMessage());
        assertEquals(2, eg.exceptions().size());
        eg.exceptions().forEach(e -> assertInstanceOf(ArithmeticException.class, e));
        // twin child_failure: ['foo2 cancelled', 'runner cancelled, cancelling=1']
        assertEquals(List.of("foo2 cancelled", "runner cancelled, cancelling=1"), trace);
    }

    // test_cancellation and test_taskgroup_07
    @Test
    void cancellingTheParentCancelsEveryChildAndPropagates() {
        Task[] r = new Task[1];
        loop.runUntilComplete(wrapExpectingCancel(r));
        assertTrue(r[0].isCancelled());
        assertEquals(5, trace.stream().filter(s -> s.endsWith("cancelled")).count());
    }

    private Coroutine<Object> wrapExpectingCancel(Task[] r) {
        return Frames.of("main",
                x -> {
                    r[0] = createTask(AsyncWith.of(TaskGroup::new, g -> Frames.of("body", y -> {
                        for (int i = 0; i < 5; i++) {
                            g.createTask(cancellable("foo" + i, 5000));
                        }
                        return Frames.ret(null);
                    })));
                    return sleep(100);
                },
                x -> {
                    r[0].cancel();
                    return Coro.gatherSettled(r[0]);
                },
                x -> {
                    Outcome.Failure f = (Outcome.Failure) ((List) x).get(0);
                    assertInstanceOf(CancelledError.class, f.error());
                    return Frames.ret(null);
                });
    }

    // test_taskgroup_08: children failing in their clean-up turn the parent's cancellation into a group
    @Test
    void childFailuresDuringCancellationWinOverTheCancellation() {
        Coroutine<Object> main = Frames.of("main",
                x -> {
                    Task<Object> r = createTask(AsyncWith.of(TaskGroup::new, g -> Frames.of("body", y -> {
                        for (int i = 0; i < 5; i++) {
                            g.createTask(new Coroutine<Object>() {
                                @Override
                                protected Object $resume() throws Throwable {
                                    for (;;) switch ($label) {
                                        case 0: {
                                            if ($await(sleep(10_000), 1)) return $SUSPENDED;
                                        }
                                        case 1: {
                                            try {
                                                $value();
                                            } finally {
                                                throw new ArithmeticException("/ by zero");
                                            }
                                        }
                                        default: throw $badLabel();
                                    }
                                }
                            });
                        }
                        return sleep(10_000);
                    }, y -> Frames.ret(null))));
                    return Frames.of("step", y -> sleep(100), y -> {
                        r.cancel();
                        return Coro.gatherSettled(r);
                    }, y -> Frames.ret(((Outcome.Failure) ((List) y).get(0)).error()));
                },
                x -> Frames.ret(x));
        Object error = loop.runUntilComplete(main);
        ExceptionGroup eg = assertInstanceOf(ExceptionGroup.class, error);
        assertEquals(5, eg.exceptions().size());
        assertEquals(eg, eg.subgroup(ArithmeticException.class));
    }

    // test_taskgroup_09-style: a body failure cancels the children and joins the group
    @Test
    void aBodyFailureCancelsChildrenAndIsAMemberOfTheGroup() {
        IllegalStateException bodyError = new IllegalStateException("body");
        ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(
                AsyncWith.of(TaskGroup::new, g -> Frames.of("body",
                        x -> {
                            g.createTask(cancellable("child", 1000));
                            return yieldNow();
                        },
                        x -> {
                            throw bodyError;
                        }))));
        assertEquals(List.of(bodyError), eg.exceptions());
        assertEquals(List.of("child cancelled"), trace);
    }

    // test_taskgroup_finished and test_coro_closed_when_tg_closed
    @Test
    void creatingATaskInAFinishedGroupFailsAndClosesTheCoroutine() {
        TaskGroup[] tg = new TaskGroup[1];
        loop.runUntilComplete(Frames.of("main",
                x -> AsyncWith.of(TaskGroup::new, g -> {
                    tg[0] = g;
                    return Frames.of("body", y -> Frames.ret(null));
                }),
                x -> {
                    Coroutine<Object> c = value(0, 1);
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> tg[0].createTask(c));
                    assertTrue(e.getMessage().endsWith("is finished"), e.getMessage());
                    assertEquals(CoroutineState.CLOSED, c.state());
                    return Frames.ret(null);
                }));
    }

    // test_taskgroup_without_parent_task
    @Test
    void aGroupNeedsAParentTask() {
        assertThrows(IllegalStateException.class, TaskGroup::new);
        loop.callSoon(() -> assertThrows(IllegalStateException.class, TaskGroup::new));
        loop.runUntilComplete(Frames.of("main", x -> yieldNow(), x -> Frames.ret(null)));
    }

    // test_taskgroup_no_create_task_after_failure
    @Test
    void noTaskCanBeCreatedWhileTheGroupIsShuttingDown() {
        boolean[] refused = new boolean[1];
        assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(AsyncWith.of(TaskGroup::new, g -> Frames.of("body", x -> {
            g.createTask(failing(1, new ArithmeticException()));
            g.createTask(new Coroutine<Object>() {
                @Override
                protected Object $resume() throws Throwable {
                    for (;;) switch ($label) {
                        case 0: {
                            if ($await(sleep(1000), 1)) return $SUSPENDED;
                        }
                        case 1: {
                            try {
                                $value();
                            } catch (CancelledError e) {
                                IllegalStateException ise = assertThrows(IllegalStateException.class,
                                        () -> g.createTask(value(0, 0)));
                                refused[0] = ise.getMessage().endsWith("is shutting down");
                            }
                            return $return(null);
                        }
                        default: throw $badLabel();
                    }
                }
            });
            return Frames.ret(null);
        }))));
        assertTrue(refused[0]);
    }

    // test_cancelling_level_preserved
    @Test
    void theCancellationTheGroupRequestedIsWithdrawn() {
        int level = loop.runUntilComplete(Frames.of("main",
                x -> Coro.gatherSettled(createTask(AsyncWith.of(TaskGroup::new, g -> Frames.of("body", y -> {
                    g.createTask(failing(0, new RuntimeException()));
                    return Frames.ret(null);
                })))),
                x -> Frames.ret(((Outcome.Failure) ((List) x).get(0)).error() instanceof ExceptionGroup
                        ? currentTask().cancelling() : -1)));
        assertEquals(0, level);
    }

    // test_taskgroup_task_name
    @Test
    void childTasksCanBeNamed() {
        loop.runUntilComplete(AsyncWith.of(TaskGroup::new, g -> Frames.of("body", x -> {
            assertEquals("named", g.createTask(value(0, 1), "named").name());
            return Frames.ret(null);
        })));
    }

    // Python 3.15 TaskGroup.cancel(): test_taskgroup_cancel_children / test_taskgroup_cancel_body
    @Test
    void cancelEndsTheGroupEarlyWithoutAnError() {
        TaskGroup[] tg = new TaskGroup[1];
        String r = loop.runUntilComplete(Frames.of("main",
                x -> AsyncWith.of(TaskGroup::new, g -> {
                    tg[0] = g;
                    g.createTask(cancellable("child", 1000));
                    g.createTask(Frames.of("canceller", y -> sleep(10), y -> {
                        expect(1);
                        g.cancel();
                        return Frames.ret(null);
                    }));
                    return cancellable("body", 5000);
                }),
                x -> {
                    expect(2);
                    assertEquals(0, currentTask().cancelling());
                    return sleep(1); // the task is not cancelled any more
                },
                x -> Frames.ret("ended at " + loop.time() / 1_000_000)));
        finish(3);
        assertEquals("ended at 11", r);
        assertEquals(List.of("child cancelled", "body cancelled"), trace);
        tg[0].cancel(); // after the end: nothing
    }

    @Test
    void cancelDoesNotAbsorbAnOutsideCancellation() {
        Task[] r = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                x -> {
                    r[0] = createTask(AsyncWith.of(TaskGroup::new, g -> {
                        g.createTask(cancellable("child", 1000));
                        return Frames.of("body", y -> {
                            currentTask().cancel(); // from outside, say
                            g.cancel();
                            return sleep(1000);
                        }, y -> Frames.ret(null));
                    }));
                    return Coro.gatherSettled(r[0]);
                },
                x -> Frames.ret(null)));
        assertTrue(r[0].isCancelled());
    }

    // test_taskgroup_context_manager_exit_raises-style: the body's failure is kept in the group
    @Test
    void theGroupReferencesThePendingFailureSoItReplacesIt() {
        RuntimeException pending = new RuntimeException("pending");
        ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(
                AsyncWith.of(TaskGroup::new, g -> Frames.of("body", x -> {
                    throw pending;
                }))));
        assertSame(pending, eg.exceptions().get(0));
        assertEquals(0, pending.getSuppressed().length);
    }
}
