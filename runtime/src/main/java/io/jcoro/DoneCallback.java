package io.jcoro;

import io.jcoro.internal.Schedulable;
import java.util.function.Consumer;

/**
 * A waiter of a {@link FutureCore} that calls a function with the future once it is done. Like
 * asyncio's {@code call_soon}, it is scheduled on its loop's ready queue (through the inbox from
 * other threads); with no loop it runs at once on the completing thread. The callback is itself
 * the waiter and the ready-queue node: registering one allocates only this object.
 */
final class DoneCallback extends Schedulable {
    private final FutureCore<?> source;
    private final Consumer<Object> fn;
    /** Where it runs; null: on the completing thread. */
    private final EventLoop where;

    DoneCallback(FutureCore<?> source, Consumer<Object> fn, EventLoop where) {
        this.source = source;
        this.fn = fn;
        this.where = where;
    }

    /**
     * The future is done: schedule the call, or make it now if there is no loop.
     *
     * @return false if its loop is closed: the call will never be made
     */
    boolean fire() {
        if (where != null) {
            return where.wake(this);
        }
        try {
            fn.accept(source);
        } catch (Throwable t) {
            EventLoop.reportWithoutLoop("Exception in callback " + this, t);
        }
        return true;
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
