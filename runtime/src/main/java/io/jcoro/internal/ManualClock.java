package io.jcoro.internal;

/**
 * Time that moves only when told: the clock of virtual-time loops and of timer tests.
 * Never goes backwards. Loop thread only.
 */
public final class ManualClock implements Clock {
    private long now;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock forward by {@code nanos} (not negative). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + nanos);
        }
        now += nanos;
    }

    /** Moves the clock to {@code nanos} if that is later than now. */
    public void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }
}
