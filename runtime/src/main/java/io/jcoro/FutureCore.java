package io.jcoro;

import io.jcoro.internal.Schedulable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The completion core shared by {@link Task} and {@link Promise} (and the future behind
 * {@link Coro#gather}): an outcome set once, from any thread, and the waiters to wake when it is.
 *
 * <pre>
 *  state      result field               waiters field
 *  PENDING    null                       null | one waiter | Waiters (an array, in order)
 *  RESULT     the value, or NULL_VALUE   DONE, or what it was if it held no waiter (never read)
 *  FAILED     Alt(error, false)          the same
 *  CANCELLED  Alt(CancelledError, true)  the same
 *
 *  PENDING --trySucceed--> RESULT      PENDING --tryFail--> FAILED
 *  PENDING --tryCancel / cancel()--> CANCELLED              (terminal states never change)
 * </pre>
 *
 * <p><b>Invariant (no lost wake-up).</b> Completion CASes {@code result} from null (the one
 * atomic operation of a future nobody waits on), then reads {@code waiters}: if there is none, it
 * is finished; otherwise it swaps {@code waiters} to DONE and wakes what it took, oldest first. The
 * first and second waiters are added by CAS; later ones are appended to the {@code Waiters} array
 * under its lock, after checking (under the lock) that it is still installed; the completer reads
 * the array it took under the same lock. After adding, an adder reads {@code result} again: if it
 * is set, a completer may have read {@code waiters} before the add and gone, so the adder takes
 * its waiter back ({@link #removeWaiter}) and, if that succeeds, returns false and handles the
 * outcome itself; if it fails, a completer took the waiter and wakes it. Both sides write, then
 * read what the other writes, with volatile accesses: one of them sees the other. An add that
 * finds DONE returns false at once. So every waiter is woken exactly once, or its adder is told
 * to act on the outcome itself. {@link #removeWaiter} takes a waiter back by CAS of the inline one,
 * or under the lock for the array; finding DONE it fails, and the completer wakes that waiter.
 *
 * <p>A waiter is a {@link Task}, woken by putting it on its own loop's ready queue (directly on
 * that loop's thread, else through the loop's thread-safe inbox), or a {@link DoneCallback},
 * scheduled like asyncio's {@code call_soon} on a given loop, or run at once on the completing
 * thread when it has no loop. The first waiter is stored inline: a future awaited by one task
 * allocates nothing for it.
 *
 * @param <T> the type of the value
 */
abstract non-sealed class FutureCore<T> extends Schedulable implements Awaitable<T> {

    /** The stored form of a successful {@code null}. */
    private static final Object NULL_VALUE = new Object();
    /** The waiters field once the future is done. */
    private static final Object DONE = new Object();

    private static final VarHandle RESULT;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RESULT = lookup.findVarHandle(FutureCore.class, "result", Object.class);
            WAITERS = lookup.findVarHandle(FutureCore.class, "waiters", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The loop that runs this future's done callbacks; null: they run on the completing thread. */
    final EventLoop loop;

    @SuppressWarnings("unused") // through RESULT
    private volatile Object result;
    @SuppressWarnings("unused") // through WAITERS
    private volatile Object waiters;

    FutureCore(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * A future done from the start with {@code value}: no atomic operation, as nothing can wait on
     * it before it is published (release stores, so that another thread that sees it sees it done).
     */
    FutureCore(EventLoop loop, T value) {
        this.loop = loop;
        RESULT.setRelease(this, value == null ? NULL_VALUE : value);
        WAITERS.setRelease(this, DONE);
    }

    // ------------------------------------------------------------------ public API

    /** Whether this has a result, a failure, or was cancelled. Never blocks; any thread. */
    public final boolean isDone() {
        return result != null;
    }

    /** Whether this ended cancelled. */
    public final boolean isCancelled() {
        return result instanceof Alt a && a.cancelled;
    }

    /**
     * The value; rethrows the failure unchanged (checked or not), or the {@link CancelledError} of
     * a cancelled future. Never blocks: to wait, {@code await} it.
     *
     * @throws IllegalStateException "result is not set" if this is still pending
     */
    @SuppressWarnings("unchecked")
    public final T result() {
        Object r = result;
        if (r == null) {
            throw new IllegalStateException("result is not set");
        }
        if (r instanceof Alt a) {
            a.retrieved = true;
            throw Throwables.sneakyThrow(a.error);
        }
        return r == NULL_VALUE ? null : (T) r;
    }

    /**
     * The failure, or null if this succeeded.
     *
     * @throws CancelledError        if this was cancelled (as asyncio's {@code exception()})
     * @throws IllegalStateException "exception is not set" if this is still pending
     */
    public final Throwable exception() {
        Object r = result;
        if (r == null) {
            throw new IllegalStateException("exception is not set");
        }
        if (r instanceof Alt a) {
            a.retrieved = true;
            if (a.cancelled) {
                throw (CancelledError) a.error;
            }
            return a.error;
        }
        return null;
    }

    /** {@link #cancel(String)} without a message. */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels this future: it ends cancelled and its waiters are woken; awaiting it throws
     * {@link CancelledError} carrying {@code message}. Any thread.
     *
     * @return false if it was already done
     */
    public boolean cancel(String message) {
        markRetrieved();
        return !isDone() && tryCancel(new CancelledError(message, loop));
    }

    /**
     * A {@link CompletableFuture} completed with this one's outcome, on the thread that completes
     * this one. It is a one-way view: completing or cancelling it does not affect this future. A
     * cancellation arrives as a {@link CancellationException} whose cause is the
     * {@link CancelledError}.
     */
    public final CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> view = new CompletableFuture<>();
        addCallback((Consumer<FutureCore<T>>) f -> f.copyTo(view), null);
        return view;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describeState() + "]";
    }

    // ------------------------------------------------------------------ runtime internals

    final boolean trySucceed(Object value) {
        return complete(value == null ? NULL_VALUE : value) != NOT_COMPLETED;
    }

    final boolean tryFail(Throwable error) {
        return complete(new Alt(error, false)) != NOT_COMPLETED;
    }

    final boolean tryCancel(CancelledError error) {
        return complete(new Alt(error, true)) != NOT_COMPLETED;
    }

    /**
     * Completes {@code target} with this done future's outcome, unchanged (the same value, the same
     * failure or {@link CancelledError}); a failure counts as retrieved here, as it is handed on.
     */
    final void forwardTo(FutureCore<? super T> target) {
        Object r = result;
        if (r instanceof Alt a) {
            a.retrieved = true;
            target.complete(new Alt(a.error, a.cancelled));
        } else {
            target.complete(r);
        }
    }

    /** {@link #complete}: this was done already, nothing changed. */
    static final int NOT_COMPLETED = 0;
    /** {@link #complete}: completed, and every waiter was woken. */
    static final int COMPLETED = 1;
    /** {@link #complete}: completed, but a waiter belongs to a closed loop and will never run. */
    static final int COMPLETED_UNDELIVERED = 2;

    /** {@link #trySucceed}, telling whether every waiter could be woken (see {@link #complete}). */
    final int succeed(Object value) {
        return complete(value == null ? NULL_VALUE : value);
    }

    /** {@link #tryFail}, telling whether every waiter could be woken (see {@link #complete}). */
    final int fail(Throwable error) {
        return complete(new Alt(error, false));
    }

    /**
     * Marks a failure as looked at (asyncio clears {@code _log_traceback} in {@code result()},
     * {@code exception()}, an await and {@code cancel()}): a task failure never retrieved is
     * reported when its loop closes. A plain write; racing writes of {@code true} are harmless.
     */
    final void markRetrieved() {
        if (result instanceof Alt a) {
            a.retrieved = true;
        }
    }

    /** Whether this is not a failure, or a failure someone retrieved. */
    final boolean isRetrieved() {
        return !(result instanceof Alt a) || a.retrieved;
    }

    /** The error of a failed or cancelled future, without marking it retrieved; else null. */
    final Throwable peekFailure() {
        return result instanceof Alt a ? a.error : null;
    }

    /**
     * If this is done, puts its outcome into {@code frame}, for its next {@code $value()}: its
     * value, or its failure (the exception, or the {@link CancelledError}). One read of the
     * outcome, as this is the fast path of an await of a done future; allocates nothing.
     * {@link Waiter} extends it to learn that its outcome was delivered.
     *
     * @return false if this is still pending (nothing delivered)
     */
    boolean deliverTo(Coroutine<?> frame) {
        Object r = result;
        if (r == null) {
            return false;
        }
        if (r instanceof Alt a) {
            a.retrieved = true;
            frame.deliverFailure(a.error);
        } else {
            frame.deliver(r == NULL_VALUE ? null : r);
        }
        return true;
    }

    /**
     * Registers {@code waiter} (a {@link Task} or a {@link DoneCallback}) to be woken when this
     * completes. Any thread.
     *
     * @return false if this is already done: the caller must act on the outcome itself
     */
    final boolean addWaiter(Schedulable waiter) {
        if (result != null) {
            return false;
        }
        for (;;) {
            Object current = waiters;
            if (current == DONE) {
                return false;
            } else if (current instanceof Waiters list) {
                boolean added;
                synchronized (list) {
                    added = waiters == list; // else DONE: completed meanwhile
                    if (added) {
                        list.add(waiter);
                    }
                }
                if (added) {
                    break;
                }
            } else if (WAITERS.compareAndSet(this, current,
                    current == null ? waiter : new Waiters((Schedulable) current, waiter))) {
                break;
            }
        }
        // Completed meanwhile: its completer may have seen no waiter (see the class comment).
        return result == null || !removeWaiter(waiter);
    }

    /**
     * Calls {@code fn} with this future once it is done: scheduled on {@code where} (as asyncio's
     * {@code call_soon}), or, if {@code where} is null, on the completing thread (at once if
     * already done).
     */
    @SuppressWarnings("unchecked")
    final void addCallback(Consumer<?> fn, EventLoop where) {
        if (this instanceof Waiter<?> w) {
            w.observedByCallback();
        }
        DoneCallback callback = new DoneCallback(this, (Consumer<Object>) fn, where);
        if (!addWaiter(callback)) {
            callback.fire();
        }
    }

    /**
     * Sets the outcome and wakes the waiters.
     *
     * @return {@link #NOT_COMPLETED}, {@link #COMPLETED}, or {@link #COMPLETED_UNDELIVERED} if a
     *         waiting task or done callback belongs to a loop that is closed (it was dropped)
     */
    private int complete(Object outcome) {
        if (!RESULT.compareAndSet(this, null, outcome)) {
            return NOT_COMPLETED;
        }
        if (waiters == null) {
            return COMPLETED; // an adder from now on sees the outcome and keeps its waiter
        }
        Object taken = WAITERS.getAndSet(this, DONE);
        boolean delivered = true;
        if (taken instanceof Waiters list) {
            Schedulable[] items;
            int size;
            synchronized (list) { // an add that saw the list installed has finished appending
                items = list.items;
                size = list.size;
            }
            for (int i = 0; i < size; i++) {
                delivered &= wake(items[i]);
            }
        } else if (taken != null) {
            delivered = wake((Schedulable) taken);
        }
        return delivered ? COMPLETED : COMPLETED_UNDELIVERED;
    }

    /** Wakes one waiter; false if it belongs to a closed loop. */
    private static boolean wake(Schedulable waiter) {
        if (waiter instanceof Task<?> task) {
            return task.loop.wake(task);
        }
        return ((DoneCallback) waiter).fire();
    }

    /**
     * Unregisters {@code waiter}, added by {@link #addWaiter}, while this is pending. Any thread.
     *
     * @return false if it is not registered, or this completed meanwhile (then the completer
     *         wakes it, or is waking it now)
     */
    final boolean removeWaiter(Schedulable waiter) {
        for (;;) {
            Object current = waiters;
            if (current == waiter) {
                if (WAITERS.compareAndSet(this, current, null)) {
                    return true;
                }
            } else if (current instanceof Waiters list) {
                synchronized (list) {
                    if (waiters == list) { // else DONE: completed meanwhile
                        return list.remove(waiter);
                    }
                }
            } else {
                return false;
            }
        }
    }

    private void copyTo(CompletableFuture<T> view) {
        Object r = result;
        if (r instanceof Alt a) {
            a.retrieved = true;
            if (a.cancelled) {
                CancellationException ce = new CancellationException(a.error.getMessage());
                ce.initCause(a.error);
                view.completeExceptionally(ce);
            } else {
                view.completeExceptionally(a.error);
            }
        } else {
            @SuppressWarnings("unchecked")
            T value = r == NULL_VALUE ? null : (T) r;
            view.complete(value);
        }
    }

    String describeState() {
        Object r = result;
        if (r == null) {
            return "pending";
        } else if (r instanceof Alt a) {
            return a.cancelled ? "cancelled" : "failed: " + a.error;
        } else {
            return "result=" + (r == NULL_VALUE ? null : r);
        }
    }

    /** This is not a ready-queue node (only a {@link Task} is); the loop never runs it. */
    @Override
    protected void run() {
        throw new IllegalStateException(this + " is not schedulable");
    }

    /** A failed or cancelled outcome. */
    private static final class Alt {
        final Throwable error;
        final boolean cancelled;
        /** See {@link #markRetrieved()}; kept here, as only failures need it. */
        boolean retrieved;

        Alt(Throwable error, boolean cancelled) {
            this.error = error;
            this.cancelled = cancelled;
        }
    }

    /**
     * Two or more waiters, in registration order; guarded by its own monitor. Grows by doubling,
     * so each waiter costs about one array slot.
     */
    private static final class Waiters {
        Schedulable[] items = new Schedulable[4];
        int size;

        Waiters(Schedulable first, Schedulable second) {
            items[0] = first;
            items[1] = second;
            size = 2;
        }

        void add(Schedulable waiter) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = waiter;
        }

        boolean remove(Schedulable waiter) {
            for (int i = 0; i < size; i++) {
                if (items[i] == waiter) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    items[--size] = null;
                    return true;
                }
            }
            return false;
        }
    }
}
