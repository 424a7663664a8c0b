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
 * <p>Invariant: {@code tasks[0 .. count)} holds exactly the tasks added and not yet removed, each
 * at its {@code registryIndex}. A task is removed the moment it ends (swap with the last: O(1)),
 * so a loop never keeps a finished task, its result or its failure, reachable.
 *
 * <p>The array keeps the capacity of the loop's peak up to {@link #KEPT_CAPACITY} slots
 * (256 KiB): a loop that spawns and completes batches of tasks would otherwise shrink the array
 * as each batch ends and regrow it for the next, copying it twice per batch (~20 bytes per task).
 * Above that it halves once it is less than a quarter full.
 */
final class TaskRegistry {
    private static final int MIN_CAPACITY = 16;
    private static final int KEPT_CAPACITY = 1 << 16;

    private Task<?>[] tasks = new Task<?>[MIN_CAPACITY];
    private int count;
    private final List<Task<?>> failed = new ArrayList<>();
    private int pruneAt = 64;

    void add(Task<?> task) {
        if (count == tasks.length) {
            tasks = Arrays.copyOf(tasks, tasks.length * 2);
        }
        task.registryIndex = count;
        tasks[count++] = task;
    }

    /** Forgets a task that ended. */
    void remove(Task<?> task) {
        int index = task.registryIndex;
        if (index < 0) {
            return;
        }
        assert tasks[index] == task : "registry index out of date";
        Task<?> last = tasks[--count];
        tasks[index] = last;
        last.registryIndex = index;
        tasks[count] = null;
        task.registryIndex = -1;
        if (count < tasks.length / 4 && tasks.length > KEPT_CAPACITY) {
            tasks = Arrays.copyOf(tasks, tasks.length / 2);
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
