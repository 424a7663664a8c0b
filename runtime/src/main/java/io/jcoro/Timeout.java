package io.jcoro;

import java.time.Duration;

/**
 * A deadline for a block of an {@code @Async} body: asyncio's {@code timeout()} context manager,
 * made by {@link Coro#timeout(Duration)} or {@link Coro#timeoutAt(long)}.
 *
 * <pre>{@code
 * try (Timeout t = timeout(Duration.ofSeconds(5))) {
 *     await(fetch(url));                  // cancelled at the deadline
 * }                                       // ... and AsyncTimeoutException is thrown here
 * }</pre>
 *
 * <p><b>The deadline starts when the scope is created</b> (creating it is entering it: Java has no
 * separate {@code __aenter__}), on the task running at that moment; create it in the resource
 * header of the try. At the deadline the scope cancels that task ({@link Task#cancel()}, so the
 * current await throws {@link CancelledError}); when the block is left, {@link #closeAsync} turns
 * that cancellation into an {@link AsyncTimeoutException} whose cause is the
 * {@link CancelledError}, unless the task was also cancelled by someone else meanwhile (counted by
 * {@link Task#cancelling()}): then the cancellation goes on, so an outer cancellation or an outer
 * timeout is never swallowed.
 *
 * <pre>
 *  state     how it got there                              expired()
 *  ACTIVE    created; reschedule()                         false
 *  EXPIRING  the deadline passed: the task was cancelled   true
 *  EXPIRED   closed after expiring                         true
 *  EXITED    closed before the deadline                    false
 * </pre>
 */
public final class Timeout implements AsyncCloseable {
    private static final byte ST_ACTIVE = 0;
    private static final byte ST_EXPIRING = 1;
    private static final byte ST_EXPIRED = 2;
    private static final byte ST_EXITED = 3;

    private final EventLoop loop;
    private final Task<?> task;
    private final int cancellingAtEntry;
    private byte state = ST_ACTIVE;
    private long when;
    private TimerHandle handle;

    /** Enters a scope with deadline {@code whenNanos} (loop time; Long.MAX_VALUE: none). */
    Timeout(long whenNanos) {
        loop = EventLoop.current();
        task = loop.currentTask();
        if (task == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        cancellingAtEntry = task.cancelling();
        rescheduleAt(whenNanos);
    }

    /** The deadline, in {@link EventLoop#time()} nanoseconds; {@code Long.MAX_VALUE} if none. */
    public long when() {
        return when;
    }

    /**
     * Moves the deadline to {@code delay} from now; null removes it. A past deadline fires at the
     * next loop iteration.
     *
     * @throws IllegalStateException if the scope expired or was closed
     */
    public void reschedule(Duration delay) {
        if (delay == null) {
            rescheduleAt(Long.MAX_VALUE);
            return;
        }
        rescheduleAt(Durations.deadline(loop.time(), delay));
    }

    /** Moves the deadline to {@code whenNanos} of loop time ({@code Long.MAX_VALUE}: none). */
    public void rescheduleAt(long whenNanos) {
        if (state != ST_ACTIVE) {
            throw new IllegalStateException("Cannot change state of " + stateName() + " Timeout");
        }
        when = whenNanos;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (whenNanos == Long.MAX_VALUE) {
            return;
        }
        handle = whenNanos <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(whenNanos, this::onTimeout);
    }

    /** Whether the deadline passed while the scope was active. */
    public boolean expired() {
        return state == ST_EXPIRING || state == ST_EXPIRED;
    }

    /** {@link #closeAsync(Throwable)} with nothing pending. */
    @Override
    public Awaitable<Void> closeAsync() {
        return closeAsync(null);
    }

    /**
     * Leaves the scope: stops the timer and, if the deadline cancelled the task and
     * {@code pending} is that cancellation (and no other cancellation was requested meanwhile),
     * fails with {@link AsyncTimeoutException} caused by {@code pending}. Completes at once.
     *
     * @throws IllegalStateException if the scope was already closed
     */
    @Override
    public Awaitable<Void> closeAsync(Throwable pending) {
        if (state == ST_EXPIRED || state == ST_EXITED) {
            throw new IllegalStateException("Timeout has already been closed");
        }
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == ST_EXPIRING) {
            state = ST_EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && pending instanceof CancelledError) {
                return Promise.failed(new AsyncTimeoutException("timed out", pending));
            }
        } else {
            state = ST_EXITED;
        }
        return Completed.VOID;
    }

    private void onTimeout() {
        if (state != ST_ACTIVE) {
            return;
        }
        task.cancel();
        state = ST_EXPIRING;
        handle = null;
    }

    private String stateName() {
        return switch (state) {
            case ST_ACTIVE -> "active";
            case ST_EXPIRING -> "expiring";
            case ST_EXPIRED -> "expired";
            default -> "finished";
        };
    }

    @Override
    public String toString() {
        return "Timeout[" + stateName() + (state == ST_ACTIVE && when != Long.MAX_VALUE ? ", when=" + when : "") + "]";
    }
}
