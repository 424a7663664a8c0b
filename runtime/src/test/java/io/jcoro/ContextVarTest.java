package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.toThread;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * ContextVar: asyncio's contextvars semantics for tasks (CPython's test_context.py and the
 * context parts of test_tasks.py); trace checked with twins/contextvars_twin.py. Also toThread,
 * which carries the context to the thread.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ContextVarTest {
    private static final ContextVar<String> VAR = new ContextVar<>("var");
    private static final ContextVar<Integer> COUNT = new ContextVar<>("count", 0);
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    // test_context_var_new_1/2, test_context_getset_1 (test_context.py)
    @Test
    void getSetResetAndDefaults() {
        loop.runUntilComplete(Frames.of("main", x -> {
            assertThrows(NoSuchElementException.class, VAR::get);
            assertEquals("fallback", VAR.get("fallback"));
            assertEquals(0, COUNT.get());
            ContextVar.Token<String> t1 = VAR.set("a");
            ContextVar.Token<String> t2 = VAR.set("b");
            assertEquals("b", VAR.get());
            assertEquals("a", t2.oldValue());
            assertFalse(t1.hadValue());
            VAR.reset(t2);
            assertEquals("a", VAR.get());
            assertThrows(IllegalStateException.class, () -> VAR.reset(t2)); // used once
            VAR.reset(t1);
            assertThrows(NoSuchElementException.class, VAR::get);
            return Frames.ret(null);
        }));
    }

    // test_task_context_1 / test_context_copy (test_tasks.py): a task runs in a copy of its
    // creator's context; what it sets stays there
    @Test
    void eachTaskRunsInACopyOfItsCreatorsContext() {
        loop.runUntilComplete(Frames.of("main",
                x -> {
                    VAR.set("parent");
                    Task<Object> child = createTask(Frames.of("child", y -> {
                        trace.add("child sees " + VAR.get());
                        VAR.set("child");
                        return createTask(Frames.of("grandchild", z -> {
                            trace.add("grandchild sees " + VAR.get());
                            return Frames.ret(null);
                        }));
                    }, y -> {
                        trace.add("child has " + VAR.get());
                        return Frames.ret(null);
                    }));
                    VAR.set("parent, later"); // after the copy: the child does not see it
                    return child;
                },
                x -> {
                    trace.add("parent has " + VAR.get());
                    return Frames.ret(null);
                }));
        // twin: ['child sees parent', 'grandchild sees child', 'child has child', 'parent has parent, later']
        assertEquals(List.of("child sees parent", "grandchild sees child", "child has child",
                "parent has parent, later"), trace);
    }

    // test_context_var_reset_2/3 (test_context.py): a token belongs to its context
    @Test
    void aTokenFromAnotherTaskIsRefused() {
        loop.runUntilComplete(Frames.of("main",
                x -> {
                    ContextVar.Token<String> t = VAR.set("mine");
                    return createTask(Frames.of("other", y -> {
                        assertThrows(IllegalArgumentException.class, () -> VAR.reset(t));
                        return Frames.ret(null);
                    }));
                },
                x -> {
                    ContextVar<String> other = new ContextVar<>("other");
                    ContextVar.Token<String> t = other.set("x");
                    assertThrows(IllegalArgumentException.class, () -> VAR.reset((ContextVar.Token) t));
                    return Frames.ret(null);
                }));
    }

    // inline-awaited coroutines share the task's context (no copy), as Python's await does
    @Test
    void anAwaitedCoroutineSharesTheContext() {
        loop.runUntilComplete(Frames.of("main",
                x -> Frames.of("inner", y -> {
                    COUNT.set(COUNT.get() + 1);
                    return yieldNow();
                }, y -> Frames.ret(null)),
                x -> {
                    assertEquals(1, COUNT.get());
                    return Frames.ret(null);
                }));
    }

    // asyncio.to_thread copies the context (test_threads.py: test_to_thread_contextvars)
    @Test
    void toThreadRunsOnAnotherThreadWithTheCallersContext() {
        EventLoop real = new EventLoop();
        Thread loopThread = Thread.currentThread();
        Object r = real.runUntilComplete(Frames.of("main",
                x -> {
                    VAR.set("request-1");
                    return toThread(() -> (Thread.currentThread() != loopThread) + " " + VAR.get());
                },
                x -> Frames.ret(x)));
        assertEquals("true request-1", r);
        assertTrue(ThreadOffload.usesVirtualThreads() == (Runtime.version().feature() >= 21));
        real.close();
    }

    @Test
    void toThreadFailureIsRethrown() {
        EventLoop real = new EventLoop();
        IllegalStateException boom = new IllegalStateException("boom");
        Throwable e = assertThrows(IllegalStateException.class, () -> real.runUntilComplete(Frames.of("main",
                x -> toThread(() -> {
                    throw boom;
                }),
                x -> Frames.ret(x))));
        assertEquals(boom, e);
        real.close();
    }
}
