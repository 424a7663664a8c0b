package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.gatherSettled;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gather and gatherSettled, against asyncio's traces. Python twin:
 * src/test/resources/io/jcoro/twins/gather.py (its output is quoted above each assertion).
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class GatherTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    private Coroutine<Object> named(String name) {
        return Frames.of(name, v -> {
            trace.add("run " + name);
            return Frames.ret(name);
        });
    }

    @Test
    void coroutinesStartEagerlyBeforeTheGatherIsAwaited() {
        List<String> result = loop.runUntilComplete(new Coroutine<List<String>>() {
            Awaitable<List<Object>> g;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        g = gather(named("a"), named("b"));
                        trace.add("gather made");
                        if ($await(yieldNow(), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        $value();
                        trace.add("after yield");
                        if ($await(g, 2)) return $SUSPENDED;
                    }
                    case 2: {
                        @SuppressWarnings("unchecked")
                        List<String> r = (List<String>) $value();
                        return $return(r);
                    }
                    default: throw $badLabel();
                }
            }
        });
        // eager: ['gather made', 'run a', 'run b', 'after yield', "result ['a', 'b']"]
        assertEquals(List.of("gather made", "run a", "run b", "after yield"), trace);
        assertEquals(List.of("a", "b"), result);
    }

    @Test
    void firstFailurePropagatesAtOnceAndTheOtherChildRunsToCompletion() {
        Coroutine<Object> ok = Frames.of("ok", v -> sleep(200), v -> {
            trace.add("ok finished at " + loop.time() / 1_000_000);
            return Frames.ret("ok");
        });
        Coroutine<Object> bad = Frames.of("bad", v -> sleep(100), v -> {
            trace.add("bad raises");
            throw new IllegalArgumentException("boom");
        });
        Coroutine<String> main = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(gather(ok, bad), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                            trace.add("no failure?");
                        } catch (IllegalArgumentException e) {
                            trace.add("caught " + e.getMessage() + " at " + loop.time() / 1_000_000);
                        }
                        if ($await(sleep(500), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        trace.add("end");
                        return $return("done");
                    }
                    default: throw $badLabel();
                }
            }
        };
        assertEquals("done", loop.runUntilComplete(main));
        // first_failure: ['bad raises', 'caught boom', 'ok finished', 'end', 'result done']
        assertEquals(List.of("bad raises", "caught boom at 100", "ok finished at 200", "end"), trace);
    }

    @Test
    void gatherSettledTurnsFailuresAndCancellationsIntoOutcomesInPlace() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Coroutine<Object> ok = Frames.of("ok", v -> Frames.ret(1));
        Coroutine<Object> bad = Frames.of("bad", v -> {
            throw boom;
        });
        Coroutine<Object> cancelsItself = Frames.of("cancelsItself",
                v -> yieldNow(),
                v -> {
                    Coro.currentTask().cancel("bye");
                    return sleep(1000);
                },
                Frames::ret);
        List<Outcome<Object>> outcomes = loop.runUntilComplete(
                Frames.of("main", v -> gatherSettled(ok, bad, cancelsItself), Frames::ret));
        // settled: ["result ['int(1)', 'ValueError(boom)', 'CancelledError()']"]
        assertEquals(new Outcome.Success<>(1), outcomes.get(0));
        assertSame(boom, ((Outcome.Failure<Object>) outcomes.get(1)).error());
        assertInstanceOf(CancelledError.class, ((Outcome.Failure<Object>) outcomes.get(2)).error());
        assertEquals(0, loop.time(), "the cancelled sleep did not wait");
    }

    @Test
    void aChildCancelledOnItsOwnFailsTheGatherWithCancelledErrorButNotTheAwaitingTask() {
        Coroutine<Object> sleeper = Frames.of("sleeper", v -> sleep(1000), v -> {
            trace.add("sleeper finished");
            return Frames.ret(1);
        });
        Coroutine<String> main = new Coroutine<>() {
            Task<Object> t;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        t = createTask(sleeper);
                        Coroutine<Object> canceller = Frames.of("canceller", v -> sleep(100), v -> {
                            t.cancel("stop");
                            return Frames.ret(2);
                        });
                        if ($await(gather(t, canceller), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add("gather raised CancelledError(" + e.getMessage() + "), task cancelled? "
                                    + Coro.currentTask().isCancelled());
                        }
                        return $return("main went on");
                    }
                    default: throw $badLabel();
                }
            }
        };
        // child_cancelled: ['gather raised CancelledError(stop), task cancelled? False', 'result main went on']
        assertEquals("main went on", loop.runUntilComplete(main));
        assertEquals(List.of("gather raised CancelledError(stop), task cancelled? false"), trace);
    }

    /** {@code async def child(name): try: await sleep(1) except CancelledError: trace(...); raise} */
    private Coroutine<Object> cancellableChild(String name) {
        return new Coroutine<>() {
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
                            trace.add(name + " cancelled");
                            throw e;
                        }
                        return $return(name);
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    @Test
    void cancellingTheTaskAwaitingAGatherCancelsEveryChild() {
        Coroutine<Object> waiter = Frames.of("waiter",
                v -> gather(cancellableChild("a"), cancellableChild("b")), Frames::ret);
        Coroutine<String> main = Frames.of("main",
                v -> {
                    Task<Object> w = createTask(waiter);
                    trace.add("created");
                    loop.callLater(java.time.Duration.ofMillis(100), w::cancel);
                    return Coro.gatherSettled(w);
                },
                v -> {
                    Outcome<?> o = ((List<Outcome<?>>) v).get(0);
                    trace.add("waiter outcome " + o.getClass().getSimpleName());
                    return Frames.ret("end");
                });
        assertEquals("end", loop.runUntilComplete(main));
        // cancel_outer: ['a cancelled', 'b cancelled', 'waiter cancelled: True', 'result end']
        assertEquals(List.of("created", "a cancelled", "b cancelled", "waiter outcome Failure"), trace);
        assertEquals(100_000_000L, loop.time());
    }

    @Test
    void theSameCoroutineTwiceRunsOnce() {
        int[] count = {0};
        Coroutine<Object> c = Frames.of("c", v -> Frames.ret(++count[0]));
        Coroutine<Object> d = Frames.of("d", v -> Frames.ret(++count[0]));
        List<Object> result = loop.runUntilComplete(Frames.of("main", v -> gather(c, c, d), Frames::ret));
        // dedup: ['runs 2', 'result [1, 1, 2]']
        assertEquals(List.of(1, 1, 2), result);
        assertEquals(2, count[0]);
    }

    @Test
    void theSameFutureTwiceIsOneChildAndACoroutineAfterItsTaskIsTheSameChild() {
        int[] count = {0};
        Coroutine<Object> c = Frames.of("c", v -> Frames.ret(++count[0]));
        List<Object> result = loop.runUntilComplete(Frames.of("main",
                v -> {
                    Promise<String> p = new Promise<>();
                    loop.callLater(java.time.Duration.ofMillis(5), () -> p.setResult("promise"));
                    Task<Object> t = createTask(Frames.of("t", x -> sleep(10), x -> Frames.ret("task")));
                    return gather(List.of(p, c, t, p, c, t, c));
                },
                Frames::ret));
        assertEquals(List.of("promise", 1, "task", "promise", 1, "task", 1), result);
        assertEquals(1, count[0]);
    }

    @Test
    void gatherOfNothingIsAnEmptyListAtOnce() {
        List<Object> result = loop.runUntilComplete(Frames.of("main", v -> gather(), Frames::ret));
        assertEquals(List.of(), result);
        List<Object> settled = loop.runUntilComplete(Frames.of("main", v -> gatherSettled(new ArrayList<Awaitable<Object>>()), Frames::ret));
        assertEquals(List.of(), settled);
    }

    @Test
    void gatherMixesTasksPromisesAndCoroutinesInArgumentOrder() {
        List<Object> result = loop.runUntilComplete(Frames.of("main",
                v -> {
                    Promise<String> p = new Promise<>();
                    loop.callLater(java.time.Duration.ofMillis(5), () -> p.setResult("promise"));
                    Task<Object> t = createTask(Frames.of("t", x -> sleep(10), x -> Frames.ret("task")));
                    return gather(List.of(p, named("coro"), t));
                },
                Frames::ret));
        assertEquals(List.of("promise", "coro", "task"), result);
    }

    @Test
    void aChildFailureAfterTheGatherFailedIsRetrievedNotReported() {
        List<String> reports = new ArrayList<>();
        loop.setExceptionHandler((l, message, e) -> reports.add(message));
        Coroutine<Object> first = Frames.of("first", v -> {
            throw new IllegalStateException("first");
        });
        Coroutine<Object> second = Frames.of("second", v -> sleep(10), v -> {
            throw new IllegalStateException("second");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(
                Frames.of("main", v -> gather(first, second), Frames::ret)));
        assertEquals("first", e.getMessage());
        loop.runUntilComplete(Frames.of("drain", v -> sleep(20), Frames::ret));
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void gatherOutsideARunningLoopNeedsFutures() {
        assertThrows(IllegalStateException.class, () -> gather(named("x")));
        Promise<Integer> p = new Promise<>();
        Awaitable<List<Integer>> g = gather(p);
        p.setResult(4);
        assertEquals(List.of(4), loop.runUntilComplete(Frames.of("main", v -> g, Frames::ret)));
        assertTrue(p.isDone());
    }
}
