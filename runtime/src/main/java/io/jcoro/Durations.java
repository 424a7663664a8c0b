package io.jcoro;

import java.time.Duration;

/** Durations as loop nanoseconds: saturated, never negative, so a huge delay means "never". */
final class Durations {
    private Durations() {}

    /** {@code delay} in nanoseconds, clamped to {@code [0, Long.MAX_VALUE]}. */
    static long nanos(Duration delay) {
        try {
            return Math.max(0, delay.toNanos());
        } catch (ArithmeticException overflow) {
            return delay.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }

    /** {@code now + delay}; {@code Long.MAX_VALUE} when that passes the end of time. */
    static long deadline(long now, Duration delay) {
        long when = now + nanos(delay);
        return when < now ? Long.MAX_VALUE : when;
    }
}
