package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a chain of frames runs: inline awaits, done awaitables, failures crossing frames, reuse.
 * Python twin: src/test/resources/io/jcoro/twins/inline_await.py.
 */
@SuppressWarnings("fallthrough")
class CoroutineChainTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    /** {@code async def child(): trace("child"); return 1} */
    private Coroutine<Integer> child() {
        return new Coroutine<>() {
            @Override
            protected Object $resume() {
                for (;;) switch ($label) {
                    case 0: {
                        trace.add("child");
                        return $return(1);
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    /** {@code async def other(): trace("other")} */
    private Coroutine<Void> other() {
        return Frames.of("other", v -> {
            trace.add("other");
            return Frames.ret(null);
        });
    }

    @Test
    void awaitOfCoroutineRunsInline() {
        // async def main():
        //     t = create_task(other()); trace("main")
        //     v = await child(); trace(f"main got {v}")
        //     await sleep(0); trace("main after yield")
        //     await t
        Coroutine<Void> main = new Coroutine<>() {
            Task<Void> t;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        t = createTask(other());
                        trace.add("main");
                        if ($await(child(), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        Object v = $value();
                        trace.add("main got " + v);
                        if ($await(yieldNow(), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        trace.add("main after yield");
                        if ($await(t, 3)) return $SUSPENDED;
                    }
                    case 3: {
                        $value();
                        return $return(null);
                    }
                    default: throw $badLabel();
                }
            }
        };
        loop.runUntilComplete(main);
        // python3 inline_await.py: inline: ['main', 'child', 'main got 1', 'other', 'main after yield']
        assertEquals(List.of("main", "child", "main got 1", "other", "main after yield"), trace);
    }

    @Test
    void awaitOfDonePromiseDoesNotSuspend() {
        Promise<String> done = new Promise<>();
        done.setResult("x");
        Coroutine<String> main = new Coroutine<>() {
            Task<Void> t;

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        t = createTask(other());
                        trace.add("before");
                        if ($await(done, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        Object v = $value();
                        trace.add("got " + v);
                        if ($await(t, 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        trace.add("end");
                        return $return("ok");
                    }
                    default: throw $badLabel();
                }
            }
        };
        assertEquals("ok", loop.runUntilComplete(main));
        // python3 inline_await.py: done future: ['before', 'got x', 'other', 'end']
        assertEquals(List.of("before", "got x", "other", "end"), trace);
    }

    @Test
    void failureCrossesInlineFramesUnchangedAndCanBeCaught() {
        Exception boom = new Exception("boom"); // checked
        Coroutine<Object> thrower = Frames.of("thrower",
                v -> yieldNow(),
                v -> {
                    throw boom;
                });
        Coroutine<Object> middle = Frames.of("middle", v -> thrower, v -> Frames.ret("unreachable"));
        Coroutine<String> top = new Coroutine<>() {
            @Override
            protected Object $resume() {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(middle, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                            return $return("no failure");
                        } catch (Throwable e) {
                            return $return(e == boom ? "caught the same exception" : "other: " + e);
                        }
                    }
                    default: throw $badLabel();
                }
            }
        };
        assertEquals("caught the same exception", loop.runUntilComplete(top));
        assertEquals(CoroutineState.CLOSED, thrower.state());
        assertEquals(CoroutineState.CLOSED, middle.state());
    }

    @Test
    void statesAlongTheChain() {
        Promise<String> gate = new Promise<>();
        Coroutine<Object> leaf = Frames.of("leaf", v -> gate, v -> Frames.ret(v));
        Coroutine<Object> root = Frames.of("root", v -> leaf, v -> Frames.ret("root got " + v));
        assertEquals(CoroutineState.CREATED, root.state());
        Task<Object> task = loop.createTask(root);
        loop.callSoon(() -> {
            trace.add("root " + root.state() + ", leaf " + leaf.state());
            gate.setResult("g");
        });
        assertEquals("root got g", loop.runUntilComplete(Frames.of("main", v -> task, Frames::ret)));
        assertEquals(List.of("root SUSPENDED, leaf SUSPENDED"), trace);
        assertEquals(CoroutineState.CLOSED, root.state());
        assertEquals(CoroutineState.CLOSED, leaf.state());
    }

    @Test
    void reusingAnAwaitedCoroutineFailsAtTheAwait() {
        Coroutine<Integer> once = child();
        Coroutine<Object> main = Frames.of("main",
                v -> once,
                v -> once,
                v -> Frames.ret("unreachable"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(main));
        assertEquals("cannot reuse already awaited coroutine", e.getMessage());
    }

    @Test
    void aCoroutineDrivenByOneTaskCannotBeGivenToAnother() {
        Coroutine<Object> sleeper = Frames.of("sleeper", v -> Coro.sleep(10), v -> Frames.ret(1));
        Coroutine<Object> main = Frames.of("main",
                v -> {
                    createTask(sleeper);
                    return createTask(sleeper);
                },
                v -> Frames.ret(v));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(main));
        assertEquals("cannot reuse already awaited coroutine", e.getMessage());
        IllegalStateException rerun = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(main));
        assertEquals("cannot reuse already awaited coroutine", rerun.getMessage());
    }

    @Test
    void aTaskAwaitingItselfFails() {
        Coroutine<Object> main = Frames.of("main", v -> Coro.currentTask(), v -> Frames.ret(v));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(main));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
    }

    @Test
    void awaitOfNullFailsAtTheAwait() {
        Coroutine<Object> main = Frames.of("main", v -> null, v -> Frames.ret(v));
        assertThrows(NullPointerException.class, () -> loop.runUntilComplete(main));
    }

    @Test
    void aFrameThatSuspendsWithoutAwaitingFailsItsTask() {
        Coroutine<Object> broken = new Coroutine<>() {
            @Override
            protected Object $resume() {
                return $SUSPENDED;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(broken));
        assertTrue(e.getMessage().contains("suspended without awaiting"), e.getMessage());
    }

    @Test
    void badLabelIsReported() {
        Coroutine<Object> c = new Coroutine<>() {
            @Override
            protected Object $resume() {
                $label = 7;
                for (;;) switch ($label) {
                    case 0: return $return(null);
                    default: throw $badLabel();
                }
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(c));
        assertTrue(e.getMessage().startsWith("corrupt coroutine state"), e.getMessage());
        assertSame(CoroutineState.CLOSED, c.state());
    }

    @Test
    void aFrameIsNamedAfterTheMethodItsWhereNames() {
        Coroutine<Object> c = new Coroutine<>() {
            @Override
            protected Object $resume() {
                return $return(null);
            }

            @Override
            protected StackTraceElement $where() {
                return $where("p.Outer$Inner", "fetchUser", "Outer.java", new int[] {12});
            }
        };
        assertEquals("Inner.fetchUser", c.name());
        assertEquals("Coroutine[Inner.fetchUser, CREATED]", c.toString());
    }
}
