package io.jcoro.internal;

/**
 * The event loop's ready queue: a growable ring buffer of {@link Schedulable} nodes, FIFO.
 * Pushing and polling allocate nothing (the buffer doubles when full and never shrinks).
 *
 * <p>Invariant: {@code 0 <= size <= buffer.length}, the length is a power of two, and the
 * live entries are {@code buffer[(head + i) & mask]} for {@code i < size}; every other slot is null
 * (so a polled node is not kept reachable). Not thread-safe; loop thread only.
 */
public final class ReadyQueue {
    private Schedulable[] buffer;
    private int head;
    private int size;

    /** @param initialCapacity rounded up to a power of two, at least 16 */
    public ReadyQueue(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1;
        buffer = new Schedulable[capacity];
    }

    /** Appends {@code node}. */
    public void push(Schedulable node) {
        assert node != null && !node.inWheel() : "a node is in one place at a time";
        Schedulable[] b = buffer;
        if (size == b.length) {
            b = grow();
        }
        b[(head + size) & (b.length - 1)] = node;
        size++;
    }

    /** Removes and returns the oldest node, or null if the queue is empty. */
    public Schedulable poll() {
        if (size == 0) {
            return null;
        }
        Schedulable[] b = buffer;
        Schedulable node = b[head];
        b[head] = null;
        head = (head + 1) & (b.length - 1);
        size--;
        return node;
    }

    /** How many nodes are queued. */
    public int size() {
        return size;
    }

    /** Whether no node is queued. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Drops every node. */
    public void clear() {
        while (poll() != null) {
            // poll() nulls each slot
        }
    }

    /**
     * Runs {@code node}: the loop's way to call {@link Schedulable#run()}, which is protected so
     * that users of public subclasses (a {@code Task}, a {@code TimerHandle}) cannot call it.
     */
    public static void run(Schedulable node) {
        node.run();
    }

    private Schedulable[] grow() {
        Schedulable[] old = buffer;
        Schedulable[] bigger = new Schedulable[old.length << 1];
        int firstPart = old.length - head;
        System.arraycopy(old, head, bigger, 0, firstPart);
        System.arraycopy(old, 0, bigger, firstPart, head);
        head = 0;
        buffer = bigger;
        return bigger;
    }
}
