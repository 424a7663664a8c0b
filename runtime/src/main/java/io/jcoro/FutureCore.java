package io.jcoro;

import io.jcoro.internal.Schedulable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The completion core shared by {@link Task} and {@link Promise} (and the future behind
 * {@link Coro#gather}): an outcome set once, from any thread, and the waiters to wake when it is.
 *
 * <pre>
 *  state      the state field
 *  PENDING    null | one waiter | Waiters (a list, in order)     (all of them Schedulables)
 *  RESULT     the value, NULL_VALUE, or Alt(value) for a value that is itself a Schedulable
 *  FAILED     Alt(error, false)
 *  CANCELLED  Alt(CancelledError, true)
 *
 *  PENDING --trySucceed--> RESULT      PENDING --tryFail--> FAILED
 *  PENDING --tryCancel / cancel()--> CANCELLED              (terminal states never change)
 * </pre>
 *
 * <p>One field holds the waiters while pending and the outcome once done, so that completing
 * is one CAS, from whatever waits to the outcome, and waiting is one CAS, from the waiters to
 * those plus one: a hop between two tasks costs two atomic operations. A pending state is
 * always a {@link Schedulable} (or null), an outcome never is: a value that is one (a task
 * returning a task) is boxed in an {@code Alt}.
 *
 * <p><b>Invariant (no lost wake-up).</b> The first and second waiters are added by CAS; later
 * ones are appended to the {@code Waiters} list under its lock, after checking (under the lock)
 * that it is still the state; the completer CASes the state from whatever waiters it holds to
 * the outcome and reads the list it replaced under the same lock. An add that finds an outcome
 * returns false and the caller handles the outcome itself. So every waiter added before the
 * completion is woken exactly once, and none after. {@link #removeWaiter} takes a waiter back the
 * same ways (CAS of the inline one, under the lock for the list); finding an outcome it fails,
 * and the completer wakes that waiter.
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

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FutureCore.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The loop that runs this future's done callbacks; null: they run on the completing thread. */
    final EventLoop loop;

    /** The waiters while pending, the outcome once done; see the class comment. */
    @SuppressWarnings("unused") // also through STATE
    private volatile Object state;

    FutureCore(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * A future done from the start with {@code value}: no atomic operation, as nothing can wait on
     * it before it is published (release stores, so that another thread that sees it sees it done).
     */
    FutureCore(EventLoop loop, T value) {
        this.loop = loop;
        STATE.setRelease(this, encode(value));
    }

    // ------------------------------------------------------------------ public API

    /** Whether this has a result, a failure, or was cancelled. Never blocks; any thread. */
    public final boolean isDone() {
        return outcome() != null;
    }

    /** Whether this ended cancelled. */
    public final boolean isCancelled() {
        return state instanceof Alt a && a.cancelled;
    }

    /**
     * The value; rethrows the failure unchanged (checked or not), or the {@link CancelledError} of
     * a cancelled future. Never blocks: to wait, {@code await} it.
     *
     * @throws IllegalStateException "result is not set" if this is still pending
     */
    @SuppressWarnings("unchecked")
    public final T result() {
        Object r = outcome();
        if (r == null) {
            throw new IllegalStateException("result is not set");
        }
        if (r instanceof Alt a) {
            if (a.error == null) {
                return (T) a.value;
            }
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
        Object r = outcome();
        if (r == null) {
            throw new IllegalStateException("exception is not set");
        }
        if (r instanceof Alt a && a.error != null) {
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
        return complete(encode(value)) != NOT_COMPLETED;
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
        Object r = outcome();
        if (r instanceof Alt a && a.error != null) {
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
        return complete(encode(value));
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
        if (state instanceof Alt a) {
            a.retrieved = true; // harmless on a boxed value
        }
    }

    /** Whether this is not a failure, or a failure someone retrieved. */
    final boolean isRetrieved() {
        return !(state instanceof Alt a) || a.error == null || a.retrieved;
    }

    /** The error of a failed or cancelled future, without marking it retrieved; else null. */
    final Throwable peekFailure() {
        return state instanceof Alt a ? a.error : null;
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
        Object r = state;
        if (r == null || r instanceof Schedulable) {
            return false;
        }
        if (r instanceof Alt a) {
            if (a.error == null) {
                frame.deliver(a.value);
            } else {
                a.retrieved = true;
                frame.deliverFailure(a.error);
            }
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
        for (;;) {
            Object current = state;
            if (current instanceof Waiters list) {
                synchronized (list) {
                    if (state == list) { // else an outcome: completed meanwhile
                        list.add(waiter);
                        return true;
                    }
                }
            } else if (current != null && !(current instanceof Schedulable)) {
                return false; // done
            } else if (STATE.compareAndSet(this, current,
                    current == null ? waiter : new Waiters((Schedulable) current, waiter))) {
                return true;
            }
        }
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
        Object taken;
        do {
            taken = state;
            if (taken != null && !(taken instanceof Schedulable)) {
                return NOT_COMPLETED;
            }
        } while (!STATE.compareAndSet(this, taken, outcome));
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
            Object current = state;
            if (current == waiter) {
                if (STATE.compareAndSet(this, current, null)) {
                    return true;
                }
            } else if (current instanceof Waiters list) {
                synchronized (list) {
                    if (state == list) { // else an outcome: completed meanwhile
                        return list.remove(waiter);
                    }
                }
            } else {
                return false;
            }
        }
    }

    private void copyTo(CompletableFuture<T> view) {
        Object r = outcome();
        if (r instanceof Alt a && a.error != null) {
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
            T value = (T) decode(r);
            view.complete(value);
        }
    }

    String describeState() {
        Object r = outcome();
        if (r == null) {
            return "pending";
        } else if (r instanceof Alt a && a.error != null) {
            return a.cancelled ? "cancelled" : "failed: " + a.error;
        } else {
            return "result=" + decode(r);
        }
    }

    /** The outcome, or null while pending (the state then holds waiters, all Schedulables). */
    private Object outcome() {
        Object s = state;
        return s instanceof Schedulable ? null : s;
    }

    /** The stored form of a successful {@code value}: never null, never a Schedulable. */
    private static Object encode(Object value) {
        if (value == null) {
            return NULL_VALUE;
        }
        return value instanceof Schedulable ? new Alt(value) : value;
    }

    /** The value of a successful outcome. */
    private static Object decode(Object outcome) {
        if (outcome instanceof Alt a) {
            return a.value;
        }
        return outcome == NULL_VALUE ? null : outcome;
    }

    /** This is not a ready-queue node (only a {@link Task} is); the loop never runs it. */
    @Override
    protected void run() {
        throw new IllegalStateException(this + " is not schedulable");
    }

    /** A failed or cancelled outcome; or, with no error, a value that is a Schedulable, boxed. */
    private static final class Alt {
        final Throwable error;
        final boolean cancelled;
        final Object value;
        /** See {@link #markRetrieved()}; kept here, as only failures need it. */
        boolean retrieved;

        Alt(Throwable error, boolean cancelled) {
            this.error = Objects.requireNonNull(error, "error");
            this.cancelled = cancelled;
            this.value = null;
        }

        Alt(Object boxed) {
            this.error = null;
            this.cancelled = false;
            this.value = boxed;
        }
    }

    /**
     * Two or more waiters, in registration order; guarded by its own monitor. Grows by doubling,
     * so each waiter costs about one array slot.
     */
    private static final class Waiters extends Schedulable {
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

        /** Never scheduled: a list of waiters is a Schedulable only to mark a pending state. */
        @Override
        protected void run() {
            throw new IllegalStateException("a list of waiters is not schedulable");
        }
    }
}
