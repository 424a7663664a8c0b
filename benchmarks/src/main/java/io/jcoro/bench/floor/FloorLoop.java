package io.jcoro.bench.floor;

/**
 * The physical floor: a power-of-two ring buffer of {@link Fiber}s and a loop that polls and steps
 * them. No tasks, no futures, no timers, no checks: what any coroutine runtime on one thread must
 * at least do (a queue push, a poll and a virtual call per resumption).
 */
public final class FloorLoop {
    private Fiber[] ring;
    private int head;
    private int tail;

    public FloorLoop(int capacity) {
        ring = new Fiber[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
    }

    public void push(Fiber f) {
        Fiber[] r = ring;
        r[tail] = f;
        tail = (tail + 1) & (r.length - 1);
        if (tail == head) {
            grow();
        }
    }

    /** Steps fibers until none is ready. */
    public void run() {
        while (head != tail) {
            Fiber[] r = ring;
            Fiber f = r[head];
            r[head] = null;
            head = (head + 1) & (r.length - 1);
            f.step(this);
        }
    }

    private void grow() {
        Fiber[] old = ring;
        Fiber[] bigger = new Fiber[old.length << 1];
        int first = old.length - head;
        System.arraycopy(old, head, bigger, 0, first);
        System.arraycopy(old, 0, bigger, first, head);
        head = 0;
        tail = old.length;
        ring = bigger;
    }
}
