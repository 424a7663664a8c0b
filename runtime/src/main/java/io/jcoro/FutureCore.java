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
 *  state      result field            waiters field
 *  PENDING    null                    null | one waiter | WaiterNode stack (newest first)
 *  RESULT     the value, or NULL_VALUE DONE
 *  FAILED     Alt(error, false)       DONE
 *  CANCELLED  Alt(CancelledError, true) DONE
 *
 *  PENDING --trySucceed--> RESULT      PENDING --tryFail--> FAILED
 *  PENDING --tryCancel / cancel()--> CANCELLED              (terminal states never change)
 * </pre>
 *
 * <p><b>Invariant (no lost wake-up).</b> Completion first CASes {@code result} from null, then
 * swaps {@code waiters} to DONE and wakes what it took, oldest first. A waiter is added by a CAS
 * that fails once {@code waiters} is DONE; then the caller handles the outcome itself. So every
 * waiter added before the swap is woken exactly once, and none is added after it.
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

    /**
     * Someone looked at the outcome: {@code result()}, {@code exception()}, an await, a gather, or
     * {@code cancel()}. A task failure never retrieved is reported when its loop closes. A plain
     * field: racy writes of {@code true} are harmless.
     */
    boolean retrieved;

    FutureCore(EventLoop loop) {
        this.loop = loop;
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
        retrieved = true;
        if (r instanceof Alt a) {
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
        retrieved = true;
        if (r instanceof Alt a) {
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
        retrieved = true;
        return !isDone() && tryCancel(new CancelledError(message));
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
        return complete(value == null ? NULL_VALUE : value);
    }

    final boolean tryFail(Throwable error) {
        return complete(new Alt(error, false));
    }

    final boolean tryCancel(CancelledError error) {
        return complete(new Alt(error, true));
    }

    /** The error of a failed or cancelled future, without marking it retrieved; else null. */
    final Throwable peekFailure() {
        return result instanceof Alt a ? a.error : null;
    }

    /**
     * Puts the outcome of this done future into {@code frame}, for its next {@code $value()}:
     * {@code inValue}, or {@code inFailure} (the failure, or the {@link CancelledError}).
     * Allocates nothing.
     */
    final void deliverTo(Coroutine<?> frame) {
        Object r = result;
        assert r != null : "deliverTo on a pending future";
        retrieved = true;
        if (r instanceof Alt a) {
            frame.inValue = null;
            frame.inFailure = a.error;
        } else {
            frame.inFailure = null;
            frame.inValue = r == NULL_VALUE ? null : r;
        }
    }

    /**
     * Registers {@code waiter} (a {@link Task} or a {@link DoneCallback}) to be woken when this
     * completes. Any thread.
     *
     * @return false if this is already done: the caller must act on the outcome itself
     */
    final boolean addWaiter(Schedulable waiter) {
        for (;;) {
            Object current = waiters;
            if (current == DONE) {
                return false;
            }
            Object next;
            if (current == null) {
                next = waiter;
            } else if (current instanceof WaiterNode stack) {
                next = new WaiterNode(waiter, stack);
            } else {
                next = new WaiterNode(waiter, new WaiterNode((Schedulable) current, null));
            }
            if (WAITERS.compareAndSet(this, current, next)) {
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
        DoneCallback callback = new DoneCallback(this, (Consumer<Object>) fn, where);
        if (!addWaiter(callback)) {
            callback.fire();
        }
    }

    private boolean complete(Object outcome) {
        if (!RESULT.compareAndSet(this, null, outcome)) {
            return false;
        }
        Object taken = WAITERS.getAndSet(this, DONE);
        if (taken instanceof WaiterNode stack) {
            WaiterNode oldestFirst = null;
            while (stack != null) {
                WaiterNode next = stack.next;
                stack.next = oldestFirst;
                oldestFirst = stack;
                stack = next;
            }
            for (WaiterNode n = oldestFirst; n != null; n = n.next) {
                wake(n.waiter);
            }
        } else if (taken != null) {
            wake((Schedulable) taken);
        }
        return true;
    }

    private static void wake(Schedulable waiter) {
        if (waiter instanceof Task<?> task) {
            task.loop.wake(task);
        } else {
            ((DoneCallback) waiter).fire();
        }
    }

    private void copyTo(CompletableFuture<T> view) {
        Object r = result;
        retrieved = true;
        if (r instanceof Alt a) {
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

        Alt(Throwable error, boolean cancelled) {
            this.error = error;
            this.cancelled = cancelled;
        }
    }

    /** One more waiter, pushed on a stack; reversed (oldest first) at completion. */
    private static final class WaiterNode {
        final Schedulable waiter;
        WaiterNode next;

        WaiterNode(Schedulable waiter, WaiterNode next) {
            this.waiter = waiter;
            this.next = next;
        }
    }

    /** A done callback: scheduled on its loop when the future completes, or run inline. */
    static final class DoneCallback extends Schedulable {
        private final FutureCore<?> source;
        private final Consumer<Object> fn;
        private final EventLoop where;

        DoneCallback(FutureCore<?> source, Consumer<Object> fn, EventLoop where) {
            this.source = source;
            this.fn = fn;
            this.where = where;
        }

        void fire() {
            if (where != null) {
                where.wake(this);
                return;
            }
            try {
                fn.accept(source);
            } catch (Throwable t) {
                EventLoop.reportWithoutLoop("Exception in callback " + this, t);
            }
        }

        @Override
        protected void run() {
            fn.accept(source);
        }

        @Override
        public String toString() {
            return fn + " (done callback of " + source + ")";
        }
    }
}
