package io.jcoro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tasks of one loop: the live ones, held strongly (a fire-and-forget task never disappears
 * before it ends), and the failed ones whose failure may still be unretrieved. Loop thread only.
 *
 * <p>Invariant: every task not done is in {@code tasks[0 .. count)}, once. Done tasks are removed
 * lazily, when the array is full (so a task needs no index field, and ending one costs nothing):
 * the array is then compacted, and grown only if it stays more than half full, or shrunk if it
 * becomes less than a quarter full. So it holds at most about twice the peak number of live tasks.
 */
final class TaskRegistry {
    private static final int MIN_CAPACITY = 16;

    private Task<?>[] tasks = new Task<?>[MIN_CAPACITY];
    private int count;
    private final List<Task<?>> failed = new ArrayList<>();
    private int pruneAt = 64;

    void add(Task<?> task) {
        if (count == tasks.length) {
            compact();
        }
        tasks[count++] = task;
    }

    private void compact() {
        int live = 0;
        for (int i = 0; i < count; i++) {
            Task<?> t = tasks[i];
            if (!t.isDone()) {
                tasks[live++] = t;
            }
        }
        Arrays.fill(tasks, live, count, null);
        count = live;
        if (live > tasks.length / 2) {
            tasks = Arrays.copyOf(tasks, tasks.length * 2);
        } else if (live < tasks.length / 4 && tasks.length > MIN_CAPACITY) {
            tasks = Arrays.copyOf(tasks, Math.max(MIN_CAPACITY, tasks.length / 2));
        }
    }

    /** The tasks not done, oldest first. */
    Set<Task<?>> snapshot() {
        List<Task<?>> live = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!tasks[i].isDone()) {
                live.add(tasks[i]);
            }
        }
        live.sort(Comparator.comparingInt(Task::id));
        return new LinkedHashSet<>(live);
    }

    /** Remembers a task that ended with a failure, to report it at close if never retrieved. */
    void failed(Task<?> task) {
        failed.add(task);
        if (failed.size() >= pruneAt) {
            failed.removeIf(FutureCore::isRetrieved);
            pruneAt = Math.max(64, failed.size() * 2);
        }
    }

    /** The failed tasks nobody retrieved, oldest failure first; forgets all of them. */
    List<Task<?>> drainUnretrieved() {
        List<Task<?>> result = new ArrayList<>();
        for (Task<?> t : failed) {
            if (!t.isRetrieved()) {
                result.add(t);
            }
        }
        failed.clear();
        return result;
    }
}
