package io.jcoro.sync;

import io.jcoro.Awaitable;
import io.jcoro.Task;
import io.jcoro.Waiter;
import java.util.ArrayDeque;

/**
 * A mutual-exclusion lock for tasks of one loop: asyncio's {@code Lock}. Not reentrant; FIFO-fair.
 *
 * <pre>{@code
 * try (var held = await(mutex.lock())) {     // held.close() unlocks
 *     await(updateSharedState());
 * }
 * }</pre>
 *
 * <pre>
 *  state     how it got there                       lock()            tryLock()
 *  UNLOCKED  new; unlock() with nobody waiting       completed permit  true
 *  LOCKED    lock() / tryLock(); unlock() handing    queued (FIFO)     false
 *            it to the first waiter
 * </pre>
 *
 * <p>{@link #unlock()} hands the lock straight to the first waiting task, so a task calling
 * {@link #lock()} or {@link #tryLock()} meanwhile cannot overtake it (asyncio gets the same
 * fairness by making newcomers queue behind a woken waiter; there {@code locked()} reads false
 * until the woken task runs, here {@link #isLocked()} stays true). A waiter cancelled before being
 * woken leaves the queue; one cancelled after being woken passes the lock to the next waiter.
 *
 * <p>{@link #lock()} acts when called (await it at once). In debug mode
 * ({@link io.jcoro.EventLoop#setDebug}), locking again from the task that holds the lock throws
 * {@link IllegalStateException} instead of deadlocking. Loop thread only.
 */
public final class Mutex {

    /**
     * What {@link Mutex#lock()} gives: {@link #close()} releases the lock, once (closing again
     * does nothing).
     *
     * <pre>{@code
     * Mutex.Permit p = await(mutex.lock());
     * try { ... } finally { p.close(); }
     * }</pre>
     */
    public interface Permit extends AutoCloseable {
        /** Releases the lock, unless this permit already did. */
        @Override
        void close();
    }

    private final ArrayDeque<Node> waiters = new ArrayDeque<>();
    private boolean locked;
    private Task<?> holderTask;

    /** An unlocked mutex. */
    public Mutex() {}

    /**
     * Acquires the lock: an awaitable of a {@link Permit}, completed at once if the lock is free.
     *
     * @throws IllegalStateException in debug mode, if the running task already holds the lock
     */
    public Awaitable<Permit> lock() {
        Node n = new Node();
        if (!locked) {
            grant(n);
            return n;
        }
        if (n.debugMode() && n.owner() != null && n.owner() == holderTask) {
            throw new IllegalStateException("deadlock: " + n.owner() + " tries to lock " + this
                    + ", which it already holds (Mutex is not reentrant)");
        }
        waiters.add(n);
        return n;
    }

    /** Acquires the lock if it is free (and nobody waits); never waits. Release with {@link #unlock()}. */
    public boolean tryLock() {
        if (locked) {
            return false;
        }
        locked = true;
        holderTask = Tasks.current();
        return true;
    }

    /**
     * Releases the lock: the first waiting task gets it, else it becomes free.
     *
     * @throws IllegalStateException if the lock is not locked (asyncio's RuntimeError)
     */
    public void unlock() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired");
        }
        Node next = waiters.poll();
        if (next != null) {
            grant(next);
        } else {
            locked = false;
            holderTask = null;
        }
    }

    /** Whether the lock is held (or handed to a woken task that has not run yet). */
    public boolean isLocked() {
        return locked;
    }

    /** How many tasks wait for the lock. */
    public int waiting() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "Mutex[" + (locked ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    private void grant(Node n) {
        locked = true;
        holderTask = n.owner();
        n.fire(n);
    }

    /** One lock request: the waiter node, and the permit it completes with. */
    private final class Node extends Waiter<Permit> implements Permit {
        /** Wakes the waiting task (the outer class cannot call the protected wake). */
        void fire(Permit value) {
            wake(value);
        }

        private boolean released;

        Task<?> owner() {
            return creator();
        }

        boolean debugMode() {
            return debug();
        }

        @Override
        public void close() {
            if (!released && isDone() && !isCancelled()) {
                released = true;
                unlock();
            }
        }

        @Override
        protected void onCancelled() {
            waiters.remove(this);
        }

        /** Handed the lock, then cancelled before it could run: pass the lock on. */
        @Override
        protected void onAbandoned() {
            close();
        }

        @Override
        public String toString() {
            return "Mutex.Permit[" + (released ? "released" : isDone() ? "held" : "waiting") + "]";
        }
    }
}
