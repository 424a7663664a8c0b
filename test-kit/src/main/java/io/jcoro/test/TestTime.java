package io.jcoro.test;

import io.jcoro.Awaitable;
import java.time.Duration;

/**
 * The clock of the running {@link AsyncTest}, driven by hand where the order of wake-ups matters
 * (kotlinx-coroutines-test's {@code TestCoroutineScheduler}). Each function returns what to
 * {@code await}: the calling task waits while the others run, and resumes as described.
 *
 * <pre>{@code
 * Task<Void> reminder = createTask(remindIn(Duration.ofSeconds(5)));
 * await(advanceTimeBy(Duration.ofSeconds(4)));
 * assertEquals(List.of(), sent);                    // not yet
 * await(advanceTimeBy(Duration.ofSeconds(1)));
 * await(runCurrent());                              // what is due at 5 s runs
 * assertEquals(List.of("reminder"), sent);
 * }</pre>
 *
 * Without these, a test still never waits for real: time jumps to the next timer whenever every
 * task waits. The {@code advance...} functions and {@code runCurrent} need virtual time (an
 * {@code @AsyncTest} without {@code realTime = true}); {@link #currentTime()} works on both.
 */
public final class TestTime {
    private TestTime() {}

    /**
     * Lets the other tasks run, moving the clock by {@code delay}: every timer due before
     * {@code currentTime() + delay} fires, in order, and the caller resumes with the clock at that
     * time exactly, before the timers due then (use {@link #runCurrent()} to run those).
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static Awaitable<Void> advanceTimeBy(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + delay);
        }
        RunningTest test = RunningTest.current();
        return test.scheduler("advanceTimeBy").advanceTo(test.loop().time() + delay.toNanos());
    }

    /**
     * Lets the other tasks run until none is ready, without moving the clock: what is due now
     * runs, and the caller resumes at the same time.
     */
    public static Awaitable<Void> runCurrent() {
        return RunningTest.current().scheduler("runCurrent").runCurrent();
    }

    /**
     * Lets the other tasks run, moving the clock from timer to timer, until no task is ready and no
     * timer is pending (every other task done, or waiting for something that is not time). A task
     * that sleeps in an endless loop makes this never return: bound it with
     * {@link AsyncTest#virtualTimeoutMillis()}.
     */
    public static Awaitable<Void> advanceUntilIdle() {
        return RunningTest.current().scheduler("advanceUntilIdle").advanceUntilIdle();
    }

    /** How much time passed since the test started: virtual time, or real time with {@code realTime}. */
    public static Duration currentTime() {
        RunningTest test = RunningTest.current();
        return Duration.ofNanos(test.loop().time() - test.start());
    }
}
