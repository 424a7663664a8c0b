package io.jcoro;

import io.jcoro.internal.TimerNode;

/**
 * A callback scheduled on an {@link EventLoop} by {@code callSoon}, {@code callLater},
 * {@code callAt} or {@code callSoonThreadsafe}; {@link #cancel()} keeps it from running.
 *
 * <pre>{@code
 * TimerHandle h = loop.callLater(Duration.ofSeconds(5), () -> System.out.println("late"));
 * h.cancel();                                   // never prints
 * }</pre>
 *
 * <pre>
 *  scheduled --its time comes, loop runs it--> ran
 *      |
 *      +--cancel()--> cancelled (never runs; cancel() again does nothing)
 * </pre>
 *
 * <p>The handle is itself the node of the loop's ready queue or timer wheel (its supertype is
 * internal): scheduling allocates nothing else.
 */
public final class TimerHandle extends TimerNode {
    private final EventLoop loop;
    private final long when;
    private volatile Runnable callback;
    private volatile boolean cancelled;

    TimerHandle(EventLoop loop, Runnable callback, long when) {
        this.loop = loop;
        this.callback = callback;
        this.when = when;
    }

    /**
     * Keeps the callback from running, if it has not run yet. Any thread: on the loop's thread a
     * timer is removed from the wheel at once; from another thread it is skipped when due.
     */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        callback = null;
        loop.cancelTimer(this);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * When the callback is due, in the loop clock's nanoseconds ({@link EventLoop#time()}); for
     * {@code callSoon} and {@code callSoonThreadsafe}, the time it was scheduled.
     */
    public long when() {
        return when;
    }

    @Override
    protected void run() {
        Runnable c = callback;
        if (!cancelled && c != null) {
            c.run();
        }
    }

    @Override
    public String toString() {
        Runnable c = callback;
        return "TimerHandle[when=" + when + (cancelled ? ", cancelled" : ", " + c) + "]";
    }

    /** What the callback is, for "Exception in callback ..." reports. */
    String describeCallback() {
        Runnable c = callback;
        return c == null ? "(cancelled)" : c.toString();
    }
}
