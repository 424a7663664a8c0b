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
 * <p>Invariant: {@code live[0 .. liveCount)} are the tasks not done, each at its
 * {@code liveIndex}; the rest of the array is null. Adding and removing are O(1), with no
 * allocation beyond an occasional growth of the array.
 */
final class TaskRegistry {
    private Task<?>[] live = new Task<?>[16];
    private int liveCount;
    private final List<Task<?>> failed = new ArrayList<>();
    private int pruneAt = 64;

    void add(Task<?> task) {
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        task.liveIndex = liveCount;
        live[liveCount++] = task;
    }

    void remove(Task<?> task) {
        int i = task.liveIndex;
        assert i >= 0 && live[i] == task : "not a live task: " + task;
        Task<?> last = live[--liveCount];
        live[i] = last;
        last.liveIndex = i;
        live[liveCount] = null;
        task.liveIndex = -1;
    }

    /** The live tasks, oldest first. */
    Set<Task<?>> snapshot() {
        Task<?>[] copy = Arrays.copyOf(live, liveCount);
        Arrays.sort(copy, Comparator.comparingInt(Task::id));
        return new LinkedHashSet<>(Arrays.asList(copy));
    }

    int liveCount() {
        return liveCount;
    }

    /** Remembers a task that ended with a failure, to report it at close if never retrieved. */
    void failed(Task<?> task) {
        failed.add(task);
        if (failed.size() >= pruneAt) {
            failed.removeIf(t -> t.retrieved);
            pruneAt = Math.max(64, failed.size() * 2);
        }
    }

    /** The failed tasks nobody retrieved, oldest failure first; forgets all of them. */
    List<Task<?>> drainUnretrieved() {
        List<Task<?>> result = new ArrayList<>();
        for (Task<?> t : failed) {
            if (!t.retrieved) {
                result.add(t);
            }
        }
        failed.clear();
        return result;
    }
}
