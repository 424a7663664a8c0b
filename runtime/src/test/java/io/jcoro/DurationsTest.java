package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void nanosAreClampedToTheNonNegativeLongs() {
        assertEquals(1_500_000L, Durations.nanos(Duration.ofNanos(1_500_000)));
        assertEquals(0L, Durations.nanos(Duration.ofMillis(-5)));
        assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(0L, Durations.nanos(Duration.ofSeconds(Long.MIN_VALUE)));
    }

    @Test
    void aDeadlinePastTheEndOfTimeIsNever() {
        assertEquals(1_000L + 2_000_000L, Durations.deadline(1_000L, Duration.ofMillis(2)));
        assertEquals(1_000L, Durations.deadline(1_000L, Duration.ofMillis(-2)));
        assertEquals(Long.MAX_VALUE, Durations.deadline(1_000L, Duration.ofDays(365L * 300)));
        assertEquals(Long.MAX_VALUE, Durations.deadline(Long.MAX_VALUE - 10, Duration.ofNanos(11)));
    }
}
