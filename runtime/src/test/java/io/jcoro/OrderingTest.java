package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order in which woken tasks and done callbacks run, against asyncio's traces. Python twin:
 * src/test/resources/io/jcoro/twins/ordering.py (its output is quoted above each assertion).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class OrderingTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    @Test
    void doneCallbacksAndWokenTasksRunInRegistrationOrderAtTheNextIteration() {
        @SuppressWarnings("unchecked")
        Promise<Integer>[] holder = new Promise[1];
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    Promise<Integer> fut = holder[0] = new Promise<>(); // bound to the running loop
                    fut.addDoneCallback(f -> trace.add("cb1 " + f.result()));
                    for (String name : List.of("w1", "w2")) {
                        createTask(Frames.of(name, x -> fut, x -> {
                            trace.add(name + " woke " + x);
                            return Frames.ret(null);
                        }));
                    }
                    return yieldNow();
                },
                v -> {
                    Promise<Integer> fut = holder[0];
                    fut.addDoneCallback(f -> trace.add("cb2"));
                    loop.callSoon(() -> trace.add("soon before set"));
                    fut.setResult(7);
                    trace.add("set");
                    fut.addDoneCallback(f -> trace.add("cb3 (added when done)"));
                    return yieldNow();
                },
                v -> {
                    trace.add("main after one yield");
                    return yieldNow();
                },
                Frames::ret));
        // callbacks_and_waiters: ['set', 'soon before set', 'cb1 7', 'w1 woke 7', 'w2 woke 7', 'cb2',
        //                         'cb3 (added when done)', 'main after one yield', 'result end']
        assertEquals(List.of("set", "soon before set", "cb1 7", "w1 woke 7", "w2 woke 7", "cb2",
                "cb3 (added when done)", "main after one yield"), trace);
    }

    @Test
    void aTaskDoneCallbackRunsBeforeTheTaskAwaitingIt() {
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    Task<Object> t = createTask(Frames.of("body", x -> {
                        trace.add("body");
                        return Frames.ret(3);
                    }));
                    t.addDoneCallback(done -> trace.add("done cb " + done.result()));
                    return t;
                },
                v -> {
                    trace.add("awaited");
                    return yieldNow();
                },
                v -> {
                    trace.add("after yield");
                    return Frames.ret(null);
                }));
        // task_done_callback: ['body', 'done cb 3', 'awaited', 'after yield', 'result end']
        assertEquals(List.of("body", "done cb 3", "awaited", "after yield"), trace);
    }

    private Coroutine<Object> worker(String name) {
        return Frames.of(name,
                v -> {
                    trace.add(name + 0);
                    return yieldNow();
                },
                v -> {
                    trace.add(name + 1);
                    return yieldNow();
                },
                v -> {
                    trace.add(name + 2);
                    return yieldNow();
                },
                v -> Frames.ret(null));
    }

    @Test
    void yieldingTasksRunRoundRobin() {
        loop.runUntilComplete(Frames.of("main", v -> gather(worker("a"), worker("b")), Frames::ret));
        // yields_round_robin: ['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'result end']
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), trace);
    }

    @Test
    void runUntilCompleteRunsTheIterationAfterCompletionAndLeavesOtherTasksPending() {
        Task<Object>[] child = new Task[1];
        Object r = loop.runUntilComplete(Frames.of("main", v -> {
            child[0] = createTask(Frames.of("child",
                    x -> {
                        trace.add("child step 1");
                        return yieldNow();
                    },
                    x -> {
                        trace.add("child step 2");
                        return Frames.ret(null);
                    }));
            trace.add("main returns");
            return Frames.ret("main");
        }));
        // run_until_complete_leaves_child: ['main returns', 'child step 1', 'result main']
        assertEquals("main", r);
        assertEquals(List.of("main returns", "child step 1"), trace);
        assertFalse(child[0].isDone());
        loop.runUntilComplete(Frames.of("drain", v -> child[0], Frames::ret));
        assertEquals(List.of("main returns", "child step 1", "child step 2"), trace);
    }
}
