package io.jcoro.sync;

import io.jcoro.Awaitable;
import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Waiter;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks of one loop: asyncio's {@code Condition} (3.13's rules), used
 * under its {@link Mutex}.
 *
 * <pre>{@code
 * try (var held = await(cond.lock())) {
 *     await(cond.waitFor(() -> !items.isEmpty()));   // releases the lock while it waits
 *     take(items);
 * }
 * // elsewhere, also under the lock:
 * try (var held = await(cond.lock())) { items.add(x); cond.signal(); }
 * }</pre>
 *
 * <p>{@link #waitAsync()} releases the lock, waits for a {@link #signal()} (FIFO), then takes the
 * lock again before it returns or throws: also when the wait is cancelled (a cancellation while
 * re-locking is remembered and thrown once the lock is held). A waiter that fails (cancelled,
 * even after being signalled) passes one signal on to the next waiter, as 3.13 does, so a signal
 * is never lost. The frames returned by {@link #waitAsync()} and {@link #waitFor} run nothing
 * until awaited. Loop thread only.
 */
public final class Condition {
    private final Mutex lock;
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();

    /** A condition with a new lock of its own. */
    public Condition() {
        this(new Mutex());
    }

    /** A condition over {@code lock} (several conditions may share one lock). */
    public Condition(Mutex lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** {@link Mutex#lock()} of the underlying lock. */
    public Awaitable<Mutex.Permit> lock() {
        return lock.lock();
    }

    /** {@link Mutex#tryLock()} of the underlying lock. */
    public boolean tryLock() {
        return lock.tryLock();
    }

    /** {@link Mutex#unlock()} of the underlying lock. */
    public void unlock() {
        lock.unlock();
    }

    /** {@link Mutex#isLocked()} of the underlying lock. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** The underlying lock. */
    public Mutex mutex() {
        return lock;
    }

    /**
     * Releases the lock, waits to be signalled, and takes the lock again. May wake spuriously:
     * re-check the condition (or use {@link #waitFor}).
     *
     * @throws IllegalStateException (when awaited) if the lock is not held
     */
    public Awaitable<Void> waitAsync() {
        return new WaitFrame();
    }

    /**
     * Waits until {@code predicate} holds: checks it, and {@link #waitAsync()}s until it does. Call
     * with the lock held; the predicate runs with the lock held.
     */
    public Awaitable<Void> waitFor(BooleanSupplier predicate) {
        return new WaitForFrame(Objects.requireNonNull(predicate, "predicate"));
    }

    /** Wakes the first waiting task, if any. Call with the lock held. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, oldest first. Call with the lock held.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /** Wakes every waiting task. Call with the lock held. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** How many tasks wait. */
    public int waiting() {
        return waiters.size();
    }

    /** Wakes up to {@code n} waiters, without the lock check (for {@link Barrier}). */
    void wake(int n) {
        for (int i = 0; i < n; i++) {
            Node w = waiters.poll();
            if (w == null) {
                return;
            }
            w.fire();
        }
    }

    @Override
    public String toString() {
        return "Condition[" + (lock.isLocked() ? "locked" : "unlocked")
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    private final class Node extends Waiter<Void> {
        void fire() {
            wake(null);
        }

        @Override
        protected void onCancelled() {
            waiters.remove(this);
        }
    }

    /** asyncio 3.13's {@code Condition.wait}, hand-written in the processor's frame shape. */
    private final class WaitFrame extends Coroutine<Void> {
        private Throwable error;

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if (!lock.isLocked()) {
                            throw new IllegalStateException("cannot wait on un-acquired lock");
                        }
                        Node node = new Node();
                        lock.unlock();
                        waiters.add(node);
                        if ($await(node, 1)) {
                            return $SUSPENDED;
                        }
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (Throwable t) {
                            error = t;
                        }
                    }
                    case 2: { // re-acquire, even when cancelled
                        if ($await(lock.lock(), 3)) {
                            return $SUSPENDED;
                        }
                    }
                    case 3: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            error = e;
                            $label = 2;
                            continue;
                        } catch (Throwable t) {
                            wake(1);
                            throw t;
                        }
                        if (error != null) {
                            wake(1); // pass on a signal this waiter may have consumed
                            throw error;
                        }
                        return $return(null);
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        @Override
        public String name() {
            return "Condition.waitAsync";
        }
    }

    /** asyncio's {@code Condition.wait_for}. */
    private final class WaitForFrame extends Coroutine<Void> {
        private final BooleanSupplier predicate;

        WaitForFrame(BooleanSupplier predicate) {
            this.predicate = predicate;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if (predicate.getAsBoolean()) {
                            return $return(null);
                        }
                        if ($await(waitAsync(), 1)) {
                            return $SUSPENDED;
                        }
                    }
                    case 1: {
                        $value();
                        $label = 0;
                        continue;
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        @Override
        public String name() {
            return "Condition.waitFor";
        }
    }
}
