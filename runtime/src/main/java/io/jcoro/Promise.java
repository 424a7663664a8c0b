package io.jcoro;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A settable awaitable: asyncio's {@code Future}. One side awaits it, another completes it, from
 * any thread; many tasks may await the same promise.
 *
 * <pre>{@code
 * Promise<String> reply = new Promise<>();
 * worker.submit(() -> reply.setResult(compute()));   // any thread
 * String s = await(reply);                            // in an @Async method
 * }</pre>
 *
 * <pre>
 *  state      how it got there        await / result()
 *  pending    new Promise()           suspends / IllegalStateException
 *  result     setResult(v)            v
 *  failed     setException(e)         throws e, unchanged
 *  cancelled  cancel(), cancel(msg)   throws CancelledError(msg)
 * </pre>
 *
 * <p>A promise made while an event loop runs on the current thread belongs to that loop: its done
 * callbacks are scheduled there (asyncio's {@code call_soon}), whichever thread completes it. A
 * promise made outside any loop runs its done callbacks on the thread that completes it (or, for
 * a callback added after completion, on the thread that adds it).
 *
 * <p><b>Completing after a waiter's loop closed.</b> A task of a closed loop never runs again (the
 * loop failed it when it closed), and a done callback bound to a closed loop is never called. If
 * {@code setResult} or {@code setException} finds such a waiter, the promise is completed all the
 * same (so {@code result()}, {@code toCompletableFuture()} and waiters on open loops see the
 * outcome), and then the call throws {@code IllegalStateException("event loop is closed: ...")}:
 * the producer learns that part of its audience is gone, as asyncio's
 * {@code call_soon_threadsafe} raises {@code RuntimeError('Event loop is closed')}, rather than
 * the value vanishing silently. {@code cancel()} reports nothing (it returns a boolean, as
 * asyncio's does).
 *
 * @param <T> the type of the value
 */
public final class Promise<T> extends FutureCore<T> {

    /** A pending promise, bound to the event loop running on this thread, if any. */
    public Promise() {
        super(EventLoop.currentOrNull());
    }

    /** A pending promise bound to {@code loop} (null: its callbacks run on the completing thread). */
    Promise(EventLoop loop) {
        super(loop);
    }

    /**
     * A promise already completed with {@code value}: awaiting it does not suspend.
     *
     * <pre>{@code
     * @Override public Awaitable<Void> closeAsync() { release(); return Promise.completed(null); }
     * }</pre>
     */
    public static <T> Promise<T> completed(T value) {
        Promise<T> p = new Promise<>();
        p.trySucceed(value);
        return p;
    }

    /** A promise already failed with {@code error}: awaiting it rethrows {@code error}. */
    public static <T> Promise<T> failed(Throwable error) {
        Promise<T> p = new Promise<>();
        p.setException(error);
        return p;
    }

    /**
     * Completes this promise with {@code value} and wakes its waiters. Any thread.
     *
     * @throws IllegalStateException if it is already done (asyncio's {@code InvalidStateError});
     *                               or "event loop is closed" if it completed but a waiter (a task
     *                               awaiting it, a done callback) belongs to a closed loop, so will
     *                               never see the value: see the class comment
     */
    public void setResult(T value) {
        checkDelivered(succeed(value));
    }

    /**
     * Completes this promise with {@code error}: awaiting it rethrows {@code error} unchanged. Any
     * thread.
     *
     * @throws IllegalStateException if it is already done; or "event loop is closed", as
     *                               {@link #setResult}
     * @throws NullPointerException  if {@code error} is null
     */
    public void setException(Throwable error) {
        if (error == null) {
            throw new NullPointerException("error");
        }
        checkDelivered(fail(error));
    }

    private void checkDelivered(int completion) {
        if (completion == NOT_COMPLETED) {
            throw new IllegalStateException("invalid state: " + this + " is already done");
        }
        if (completion == COMPLETED_UNDELIVERED) {
            throw new IllegalStateException("event loop is closed: " + this + " is completed, but a task"
                    + " or callback waiting for it belongs to a closed event loop and will never see it");
        }
    }

    /**
     * Calls {@code callback} with this promise once it is done (at once, in the same way, if it
     * already is): on this promise's loop as {@code call_soon} does, or, without a loop, on the
     * completing thread. An exception it throws is reported to the loop's exception handler.
     */
    public void addDoneCallback(Consumer<? super Promise<T>> callback) {
        addCallback(callback, loop);
    }

    /**
     * A promise completed by {@code stage}, from whatever thread completes it; a
     * {@link CompletionException} is unwrapped to its cause. Cancelling the promise (as cancelling
     * the task that awaits it does) cancels the stage when it can be viewed as a
     * {@link CompletableFuture}, as asyncio's {@code wrap_future} does.
     */
    static <T> Promise<T> adapt(CompletionStage<? extends T> stage) {
        Objects.requireNonNull(stage, "stage");
        Promise<T> promise = new Promise<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                promise.trySucceed(value);
            } else {
                promise.tryFail(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        });
        CompletableFuture<?> source;
        try {
            source = stage.toCompletableFuture();
        } catch (UnsupportedOperationException notAFuture) {
            source = null;
        }
        if (source != null && !source.isDone()) {
            CompletableFuture<?> toCancel = source;
            promise.addCallback((Consumer<Promise<T>>) p -> {
                if (p.isCancelled()) {
                    toCancel.cancel(false);
                }
            }, null);
        }
        return promise;
    }

    /**
     * {@link #adapt(CompletionStage)} for each stage, in iteration order; the same stage twice is
     * one promise, so that a gather sees it as one child, as asyncio's {@code gather} does with a
     * future passed twice.
     */
    static <T> List<Promise<T>> adaptAll(Iterable<? extends CompletionStage<? extends T>> stages) {
        Map<CompletionStage<?>, Promise<T>> adapted = new IdentityHashMap<>();
        List<Promise<T>> promises = new ArrayList<>();
        for (CompletionStage<? extends T> stage : stages) {
            Promise<T> promise = adapted.get(Objects.requireNonNull(stage, "gather: null stage"));
            if (promise == null) {
                promise = adapt(stage);
                adapted.put(stage, promise);
            }
            promises.add(promise);
        }
        return promises;
    }
}
