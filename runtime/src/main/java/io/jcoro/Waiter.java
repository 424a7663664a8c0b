package io.jcoro;

/**
 * A one-shot awaitable that one task waits on: the node that {@link AsyncQueue} and the
 * primitives of {@code io.jcoro.sync} keep in their FIFO queues of waiters. It is meant for
 * authors of such primitives; users only ever {@code await} what those return.
 *
 * <pre>{@code
 * final class Gate {
 *     private final ArrayDeque<Node> waiters = new ArrayDeque<>();
 *     private final class Node extends Waiter<Void> {
 *         @Override protected void onCancelled() { waiters.remove(this); }   // not woken
 *         @Override protected void onAbandoned() { open(); }                 // woken, then cancelled
 *     }
 *     Awaitable<Void> pass() { Node n = new Node(); waiters.add(n); return n; }
 *     void open() { Node n = waiters.poll(); if (n != null) n.wake(null); }
 * }
 * }</pre>
 *
 * <pre>
 *  state      how it got there                       hook
 *  waiting    new (and queued by its primitive)      -
 *  woken      wake(v) / wakeWithFailure(e)           -
 *  cancelled  cancel(): the awaiting task was        onCancelled(), once, on the loop thread
 *             cancelled before it was woken
 *  delivered  (woken, with a value) its task resumes   onDelivered(), once, on the loop thread,
 *             with the value                         right before the task's frame runs
 *  abandoned  (woken, with a value) its task was     onAbandoned(), once, on the loop thread,
 *             cancelled before it could resume:      when the task resumes with CancelledError
 *             the value was never delivered
 * </pre>
 *
 * <p>The wake-up is a hand-off: whatever {@link #wake} passes (a lock, a permit, an item) belongs
 * to the waiting task from that moment. {@link #onAbandoned()} is where a primitive takes it back
 * and passes it to the next waiter, as asyncio's {@code locks.py} does for a waiter cancelled
 * after being woken. Await a waiter at once and only once, from one task; loop thread only.
 *
 * @param <T> the type of the value
 */
public abstract class Waiter<T> extends FutureCore<T> {
    /** The id of the task running when this node was made, or 0 (see {@link #creator()}). */
    private final int creatorId;
    /** onDelivered or onAbandoned ran (at most one of them runs, once). */
    private boolean settled;
    /** A done callback (gather, shield, toCompletableFuture...) consumes the outcome: it counts
     *  as delivered as soon as the node is woken. */
    private boolean observed;

    /** A waiting node, bound to the running loop (if any) and to the task running now. */
    protected Waiter() {
        super(EventLoop.currentOrNull());
        creatorId = loop != null ? loop.currentTaskId : 0;
    }

    /** Wakes the waiting task with {@code value}; false if this was cancelled (or woken) before. */
    protected final boolean wake(T value) {
        if (!trySucceed(value)) {
            return false;
        }
        if (observed) {
            delivered();
        }
        return true;
    }

    /** Wakes the waiting task with {@code error}, thrown at its await; false if already done. */
    protected final boolean wakeWithFailure(Throwable error) {
        return tryFail(error);
    }

    /**
     * The task that was running when this node was made (its waiter), or null; also null once
     * that task has ended. Loop thread only.
     */
    protected final Task<?> creator() {
        return loop == null ? null : loop.tasks.get(creatorId); // made off any loop: no creator
    }

    /** Whether the loop this node belongs to is in debug mode. */
    protected final boolean debug() {
        return loop != null && loop.isDebug();
    }

    /**
     * Cancels the wait, if not woken yet, and calls {@link #onCancelled()}. The task that awaits
     * this node does so when it is cancelled.
     */
    @Override
    public final boolean cancel(String message) {
        markRetrieved();
        if (isDone() || !tryCancel(new CancelledError(message, loop))) {
            return false;
        }
        onCancelled();
        return true;
    }

    /** The wait was cancelled before any wake-up: drop this node from the queue. */
    protected void onCancelled() {}

    /** The node was woken with a value, but its task resumed with a cancellation instead. */
    protected void onAbandoned() {}

    /**
     * The value of a woken node reached its consumer: the awaiting frame is resuming with it
     * (loop thread, right before the frame runs), or, for a node consumed by a done callback,
     * it was just woken. Primitives that act when the woken task runs (as asyncio's do after
     * {@code await fut}) act here.
     */
    protected void onDelivered() {}

    @Override
    final boolean deliverTo(Coroutine<?> frame) {
        if (!super.deliverTo(frame)) {
            return false;
        }
        delivered();
        return true;
    }

    /** Called by {@link Task} when it resumes with a cancellation instead of this outcome. */
    final void abandoned() {
        if (!settled && isDone() && peekFailure() == null) {
            settled = true;
            onAbandoned();
        }
    }

    final void observedByCallback() {
        observed = true;
        if (isDone()) {
            delivered();
        }
    }

    private void delivered() {
        if (!settled && isDone() && peekFailure() == null) {
            settled = true;
            onDelivered();
        }
    }
}
