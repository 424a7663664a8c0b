package io.jcoro.test;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test's real-time limit: runs an alarm on a watchdog thread unless closed first. One daemon
 * thread serves every test of the JVM; it never keeps the JVM alive.
 */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jcoro-test watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> alarm;

    private Watchdog(ScheduledFuture<?> alarm) {
        this.alarm = alarm;
    }

    /** Runs {@code alarm} on the watchdog thread after {@code millis} (0: never). */
    static Watchdog start(long millis, Runnable alarm) {
        return new Watchdog(millis > 0 ? TIMER.schedule(alarm, millis, TimeUnit.MILLISECONDS) : null);
    }

    /** Disarms the alarm, if it has not gone off. */
    void close() {
        if (alarm != null) {
            alarm.cancel(false);
        }
    }
}
