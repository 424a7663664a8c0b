package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Task bookkeeping: names, the live-task registry, cancellation counts, toString. */
class TaskTest {
    private final EventLoop loop = EventLoop.virtualTime();

    @Test
    void namesAreTaskNByDefault() {
        Task<Object> a = loop.createTask(Frames.of("a", v -> Frames.ret(1)));
        Task<Object> b = loop.createTask(Frames.of("b", v -> Frames.ret(2)), "custom");
        assertTrue(a.name().matches("Task-\\d+"), a.name());
        assertEquals("custom", b.name());
        assertTrue(a.toString().startsWith("Task[" + a.name() + ", pending"), a.toString());
        assertThrows(IllegalStateException.class, a::result);
        loop.runUntilComplete(Frames.of("main", v -> yieldNow(), Frames::ret));
        assertEquals(1, a.result());
        assertEquals("Task[custom, result=2]", b.toString());
    }

    @Test
    void allTasksSeesOnlyLiveTasksThroughManySpawnsAndCompactions() {
        List<Integer> sizes = new ArrayList<>();
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < 100; i++) {
                            createTask(Frames.of("short", x -> Frames.ret(null)));
                        }
                        createTask(Frames.of("long", x -> sleep(1000), Frames::ret), "long" + round);
                    }
                    return yieldNow();
                },
                v -> {
                    sizes.add(Coro.allTasks().size()); // main + 5 long ones
                    for (int i = 0; i < 1000; i++) {
                        createTask(Frames.of("more", x -> Frames.ret(null)));
                    }
                    return yieldNow();
                },
                v -> {
                    Set<Task<?>> live = Coro.allTasks();
                    sizes.add(live.size());
                    List<String> names = new ArrayList<>();
                    for (Task<?> t : live) {
                        names.add(t.name());
                    }
                    assertEquals(List.of("long0", "long1", "long2", "long3", "long4"),
                            names.subList(1, names.size()), "oldest first");
                    return sleep(2000);
                },
                v -> Frames.ret(Coro.allTasks().size())));
        assertEquals(List.of(6, 6), sizes);
    }

    @Test
    void cancellingAndUncancelCount() {
        Task<Object> t = loop.createTask(Frames.of("t", v -> sleep(10), Frames::ret));
        assertEquals(0, t.cancelling());
        assertEquals(0, t.uncancel());
        assertTrue(t.cancel());
        assertTrue(t.cancel("again"));
        assertEquals(2, t.cancelling());
        assertEquals(1, t.uncancel());
        loop.runUntilComplete(Frames.of("main", v -> Coro.gatherSettled(t), Frames::ret));
        assertTrue(t.isCancelled());
        assertFalse(t.cancel());
    }

    @Test
    void aFinishedLoopCanBeRunAgain() {
        assertEquals((Object) 1, loop.runUntilComplete(Frames.of("one", v -> sleep(5), v -> Frames.ret(1))));
        assertEquals((Object) 2, loop.runUntilComplete(Frames.of("two", v -> sleep(5), v -> Frames.ret(2))));
        assertEquals(10_000_000L, loop.time());
    }
}
