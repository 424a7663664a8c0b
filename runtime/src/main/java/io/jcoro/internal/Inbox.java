package io.jcoro.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The event loop's inbox for other threads (multi-producer, single consumer), and the park/unpark
 * handshake that lets a producer wake the loop thread.
 *
 * <p>A {@link ConcurrentLinkedQueue} for now: one queue node is allocated per submission, which
 * only cross-thread submissions pay. An allocation-free MPSC ring can replace it behind
 * {@link #add} and {@link #drainTo}.
 *
 * <p><b>Invariant (no lost wake-up).</b> The consumer sets {@code parked}, then re-checks the
 * queue before parking; a producer enqueues, then reads {@code parked} and unparks the owner if
 * set. Both are volatile accesses, so either the producer sees {@code parked} and unparks (a
 * permit given before {@code park} is kept), or the consumer sees the node and does not park.
 */
public final class Inbox {
    private final ConcurrentLinkedQueue<Schedulable> queue = new ConcurrentLinkedQueue<>();
    /** The consuming (loop) thread while it runs; null otherwise. */
    private volatile Thread owner;
    private volatile boolean parked;

    /** The thread consuming this inbox, or null when none is. */
    public Thread owner() {
        return owner;
    }

    /** Sets the consuming thread (the loop thread while it runs; null when it stops). */
    public void setOwner(Thread thread) {
        owner = thread;
    }

    /** Any thread: enqueues {@code node} and unparks the owner if it is parked. */
    public void add(Schedulable node) {
        queue.add(node);
        if (parked) {
            Thread t = owner;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Owner only: moves up to {@code max} nodes to {@code ready}, oldest first. */
    public int drainTo(ReadyQueue ready, int max) {
        int moved = 0;
        for (Schedulable node; moved < max && (node = queue.poll()) != null; moved++) {
            ready.push(node);
        }
        return moved;
    }

    /** Whether no submission is waiting; any thread. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Owner only: parks until a node arrives, {@code timeoutNanos} pass ({@code <= 0}: no
     * timeout), an unpark, or a spurious wake-up. Returns at once if the inbox is not empty.
     *
     * @param blocker the object the thread parks on, for thread dumps
     * @return whether the thread was interrupted (the interrupt status is cleared, so that a
     *         parked loop does not spin; the caller restores it)
     */
    public boolean park(Object blocker, long timeoutNanos) {
        parked = true;
        try {
            if (!queue.isEmpty()) {
                return false;
            }
            if (timeoutNanos <= 0) {
                LockSupport.park(blocker);
            } else {
                LockSupport.parkNanos(blocker, timeoutNanos);
            }
            return Thread.interrupted();
        } finally {
            parked = false;
        }
    }

    /** Drops every node. */
    public void clear() {
        queue.clear();
    }
}
