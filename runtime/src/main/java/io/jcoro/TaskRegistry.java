package io.jcoro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** The last id handed out to any loop; ids are taken from it {@link #ID_BLOCK} at a time. */
    private static final AtomicInteger LAST_ID = new AtomicInteger();
    private static final int ID_BLOCK = 1024;

    private Task<?>[] tasks = new Task<?>[MIN_CAPACITY];
    /** The next id of this loop's block, and the end of the block (exclusive). */
    private int nextId;
    private int idLimit;
    private int count;
    private final List<Task<?>> failed = new ArrayList<>();
    private int pruneAt = 64;

    /**
     * A new task's id, N in its default name {@code "Task-N"}: unique in the process and
     * ascending on each loop, as asyncio's counter. Taken from a block this loop reserved, so
     * that creating a task costs no atomic operation (one per {@value #ID_BLOCK} tasks).
     */
    int newId() {
        if (nextId == idLimit) {
            int last = LAST_ID.addAndGet(ID_BLOCK);
            nextId = last - ID_BLOCK + 1;
            idLimit = last + 1;
        }
        return nextId++;
    }

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
