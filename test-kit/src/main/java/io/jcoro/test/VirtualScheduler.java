package io.jcoro.test;

import io.jcoro.Promise;
import io.jcoro.internal.IdleHook;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a test's virtual clock goes when every task waits: to the next timer (autojump), except
 * that a task waiting in {@link TestTime} is woken first, and that the clock stops at the test's
 * virtual deadline.
 *
 * <p>Each time the loop is idle: {@code runCurrent} waiters wake, the clock unmoved (nothing else
 * can run at this time); else, with no timer left, {@code advanceUntilIdle} waiters wake; else the
 * clock moves to the next timer or the earliest {@code advanceTimeBy} target, whichever comes
 * first, and the targets reached wake there, before the timers due at that very time fire (as
 * kotlinx-coroutines-test's {@code advanceTimeBy} leaves them for {@code runCurrent}). The
 * clock never passes the deadline: it stops there, and the next idle moment ends the test. Loop
 * thread only.
 */
final class VirtualScheduler implements IdleHook {
    private static final long NONE = Long.MAX_VALUE;

    /** A task waiting until the clock reaches {@code until}. */
    private record Target(long until, Promise<Void> wake) {}

    private final List<Promise<Void>> atIdle = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Promise<Void>> whenNoTimer = new ArrayList<>();
    private final long deadline;
    private final Runnable onDeadline;
    private boolean deadlinePassed;

    /**
     * @param deadline   the virtual time the test may not pass ({@code Long.MAX_VALUE}: none)
     * @param onDeadline what to do once the clock would pass it (called once)
     */
    VirtualScheduler(long deadline, Runnable onDeadline) {
        this.deadline = deadline;
        this.onDeadline = onDeadline;
    }

    /** Wakes at the next moment nothing is ready, the clock unmoved. */
    Promise<Void> runCurrent() {
        Promise<Void> wake = new Promise<>();
        atIdle.add(wake);
        return wake;
    }

    /** Wakes when the clock reaches {@code until}, before the timers due then. */
    Promise<Void> advanceTo(long until) {
        Promise<Void> wake = new Promise<>();
        targets.add(new Target(until, wake));
        return wake;
    }

    /** Wakes once nothing is ready and no timer is pending. */
    Promise<Void> advanceUntilIdle() {
        Promise<Void> wake = new Promise<>();
        whenNoTimer.add(wake);
        return wake;
    }

    @Override
    public long idle(long now, long nextTimer) {
        if (!atIdle.isEmpty()) {
            wakeAll(atIdle);
            return now;
        }
        Target first = earliest();
        long to = nextTimer;
        if (first != null) {
            to = Math.min(nextTimer, Math.max(now, first.until()));
        } else if (nextTimer == NONE && !whenNoTimer.isEmpty()) {
            wakeAll(whenNoTimer);
            return now;
        }
        if (!deadlinePassed && to != NONE && to > deadline) {
            if (now < deadline) {
                return deadline; // stop there; the next idle moment ends the test
            }
            deadlinePassed = true;
            onDeadline.run();
            return now;
        }
        if (first != null) {
            long reached = to;
            targets.removeIf(t -> t.until() <= reached && wake(t.wake()));
        }
        return to;
    }

    private Target earliest() {
        Target first = null;
        for (Target t : targets) {
            if (first == null || t.until() < first.until()) {
                first = t; // equal targets keep their order: the earlier call wakes first
            }
        }
        return first;
    }

    private static void wakeAll(List<Promise<Void>> waiters) {
        for (Promise<Void> wake : waiters) {
            wake(wake);
        }
        waiters.clear();
    }

    /** Completes {@code wake}, unless its waiter was cancelled (which cancelled it). */
    private static boolean wake(Promise<Void> wake) {
        if (!wake.isDone()) {
            wake.setResult(null);
        }
        return true;
    }
}
