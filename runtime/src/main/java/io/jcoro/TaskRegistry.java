package io.jcoro;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tasks of one loop: the live ones, held strongly (a fire-and-forget task never disappears
 * before it ends), and the failed ones whose failure may still be unretrieved. Loop thread only.
 *
 * <p>The live tasks sit in an open-addressing table keyed by their id (linear probing from the
 * home slot {@code id & mask}, at most three quarters full), so that a task needs no field for
 * its place in it. A loop's ids ascend, so tasks alive together mostly have distinct home slots
 * and sit in them: the table's longest displacement ({@code maxShift}) stays at or near zero, and
 * it bounds both a lookup and the backward shift that closes the hole a removal leaves (without
 * that bound, a removal would walk the whole run of consecutive ids after it). A task is removed
 * the moment it ends, so a loop never keeps a finished task, its result or its failure, reachable.
 *
 * <p>The table keeps the capacity of the loop's peak up to {@link #KEPT_CAPACITY} slots
 * (256 KiB): a loop that spawns and completes batches of tasks would otherwise shrink it as
 * each batch ends and regrow it for the next, copying it twice per batch. Above that it halves
 * once it is less than an eighth full.
 */
final class TaskRegistry {
    private static final int MIN_CAPACITY = 16;
    private static final int KEPT_CAPACITY = 1 << 16;

    /** The last id handed out to any loop; ids are taken from it {@link #ID_BLOCK} at a time. */
    private static final AtomicInteger LAST_ID = new AtomicInteger();
    private static final int ID_BLOCK = 1024;

    /** Invariant: a live task sits at most {@link #maxShift} slots after its home, with no empty
     *  slot in between; the table always has an empty slot. */
    private Task<?>[] table = new Task<?>[MIN_CAPACITY];
    /** An upper bound of how far any task sits from its home slot (reset when the table is remade). */
    private int maxShift;
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
        int id = nextId++;
        return id != 0 ? id : newId(); // 0 means "no task" (EventLoop.currentTaskId), even after wrapping
    }

    void add(Task<?> task) {
        if (count >= table.length - (table.length >> 2)) {
            resize(table.length << 1);
        }
        insert(task);
        count++;
    }

    /** The live task with {@code id}, or null; null for 0, which no task has (see {@link #newId}). */
    Task<?> get(int id) {
        if (id == 0) {
            return null;
        }
        int slot = slotOf(id);
        return slot < 0 ? null : table[slot];
    }

    /** Forgets a task that ended; nothing if it is not here. */
    void remove(Task<?> task) {
        int hole = slotOf(task.id());
        if (hole < 0 || table[hole] != task) {
            return;
        }
        Task<?>[] t = table;
        int mask = t.length - 1;
        // Backward shift: a task after the hole moves into it if its home is not after the hole,
        // so that every task stays reachable from its home. One further than maxShift from the
        // hole cannot be that far from its home.
        for (int j = (hole + 1) & mask; t[j] != null && ((j - hole) & mask) <= maxShift; j = (j + 1) & mask) {
            if (((j - t[j].id()) & mask) >= ((j - hole) & mask)) {
                t[hole] = t[j];
                hole = j;
            }
        }
        t[hole] = null;
        count--;
        if (count < t.length >> 3 && t.length > KEPT_CAPACITY) {
            resize(t.length >> 1);
        }
    }

    /** The slot of the task with {@code id}, or -1: it sits at most maxShift after its home. */
    private int slotOf(int id) {
        Task<?>[] t = table;
        int mask = t.length - 1;
        int i = id & mask;
        for (int shift = 0; shift <= maxShift; shift++, i = (i + 1) & mask) {
            Task<?> task = t[i];
            if (task == null) {
                return -1;
            }
            if (task.id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void insert(Task<?> task) {
        Task<?>[] t = table;
        int mask = t.length - 1;
        int home = task.id() & mask;
        int i = home;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = task;
        maxShift = Math.max(maxShift, (i - home) & mask);
    }

    private void resize(int capacity) {
        Task<?>[] old = table;
        table = new Task<?>[capacity];
        maxShift = 0;
        for (Task<?> task : old) {
            if (task != null) {
                insert(task);
            }
        }
    }

    /** The tasks not done, oldest first. */
    Set<Task<?>> snapshot() {
        List<Task<?>> live = new ArrayList<>(count);
        for (Task<?> task : table) {
            if (task != null && !task.isDone()) {
                live.add(task);
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
