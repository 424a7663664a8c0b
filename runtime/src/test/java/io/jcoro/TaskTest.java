package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * Tasks that end in a random order, some living across many later spawns (so that ids wrap
     * around the registry's table and share probe runs), and a peak above the registry's kept
     * capacity (so that it shrinks again): allTasks() is always exactly the tasks not yet ended,
     * and the loop keeps none of the ended ones reachable.
     */
    @Test
    void allTasksMatchesTheLiveTasksWhateverOrderTheyEndIn() throws InterruptedException {
        Random random = new Random(7);
        Map<Task<?>, Promise<Object>> live = new LinkedHashMap<>();
        List<WeakReference<Task<?>>> ended = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            int spawn = round == 30 ? 80_000 : 1000;
            for (int i = 0; i < spawn; i++) {
                Promise<Object> release = new Promise<>();
                live.put(loop.createTask(Frames.of("t", v -> release, Frames::ret)), release);
            }
            List<Task<?>> order = new ArrayList<>(live.keySet());
            Collections.shuffle(order, random);
            // most of a round's tasks end; a few stay for many rounds, their ids far behind
            for (Task<?> t : order.subList(0, order.size() - order.size() / 50 - (round >= 55 ? 0 : 20))) {
                live.remove(t).setResult(null);
                ended.add(new WeakReference<>(t));
            }
            settle();
            assertEquals(live.keySet(), loop.allTasks(), "round " + round);
        }
        for (var entry : live.entrySet()) {
            entry.getValue().setResult(null);
            ended.add(new WeakReference<>(entry.getKey()));
        }
        live.clear();
        settle();
        assertEquals(Set.of(), loop.allTasks());
        long reachable = ended.size();
        for (int gc = 0; gc < 10 && reachable > 0; gc++) {
            System.gc();
            Thread.sleep(10);
            reachable = ended.stream().filter(r -> r.get() != null).count();
        }
        assertEquals(0, reachable, "ended tasks the loop still holds");
    }

    /** Two loop iterations: the tasks released meanwhile run to their end. */
    private void settle() {
        loop.runUntilComplete(Frames.of("settle", v -> yieldNow(), v -> yieldNow(), Frames::ret));
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
