package io.jcoro.sync;

import io.jcoro.Awaitable;
import io.jcoro.Promise;
import io.jcoro.Waiter;
import java.util.ArrayDeque;

/**
 * A counting semaphore for tasks of one loop: asyncio's {@code Semaphore} (3.12's rules). FIFO-fair.
 *
 * <pre>{@code
 * Semaphore slots = new Semaphore(3);        // at most 3 downloads at once
 * await(slots.acquire());
 * try {
 *     await(download(url));
 * } finally {
 *     slots.release();
 * }
 * }</pre>
 *
 * <pre>
 *  state       condition                       acquire()            tryAcquire()
 *  AVAILABLE   value > 0 and nobody waits       value--, at once     value--, true
 *  EXHAUSTED   value == 0, or tasks wait        queued (FIFO)        false
 * </pre>
 *
 * <p>{@link #release()} hands the permit straight to the first waiting task (the value stays 0),
 * as asyncio's {@code _wake_up_next} does; a waiter cancelled before being woken leaves the queue,
 * one cancelled after being woken gives its permit back, which goes to the next waiter.
 * {@link #acquire()} acts when called (await it at once). Loop thread only.
 */
public class Semaphore {
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();
    private int value;

    /**
     * A semaphore with {@code value} permits.
     *
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /** Takes a permit: at once if one is free and nobody waits, else when one is released. */
    public Awaitable<Void> acquire() {
        if (!isLocked()) {
            value--;
            return Promise.completed(null);
        }
        Node n = new Node();
        waiters.add(n);
        return n;
    }

    /** Takes a permit if {@link #acquire()} would not wait; never waits. */
    public boolean tryAcquire() {
        if (isLocked()) {
            return false;
        }
        value--;
        return true;
    }

    /** Gives a permit back: to the first waiting task, else to the count. */
    public void release() {
        releaseOne();
    }

    /** Whether {@link #acquire()} would wait (asyncio's {@code locked()}). */
    public boolean isLocked() {
        return value == 0 || !waiters.isEmpty();
    }

    /** The permits free now. */
    public int available() {
        return value;
    }

    /** How many tasks wait. */
    public int waiting() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isLocked() ? "locked" : "unlocked, value:" + value)
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    /** The current count, for subclasses' checks. */
    final int value() {
        return value;
    }

    final void releaseOne() {
        Node n = waiters.poll();
        if (n != null) {
            n.fire(null);
        } else {
            value++;
        }
    }

    private final class Node extends Waiter<Void> {
        /** Wakes the waiting task (the outer class cannot call the protected wake). */
        void fire(Void value) {
            wake(value);
        }

        @Override
        protected void onCancelled() {
            waiters.remove(this);
        }

        /** Handed a permit, then cancelled before it could run: the permit goes on. */
        @Override
        protected void onAbandoned() {
            releaseOne();
        }
    }
}
