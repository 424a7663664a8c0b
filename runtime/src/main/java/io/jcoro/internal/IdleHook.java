package io.jcoro.internal;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What a virtual-time loop does when it has nothing to run: by default its clock jumps to the next
 * timer; a hook may instead stop the clock short of it, or make work ready. The seam through which
 * a test kit advances time by hand ({@code advanceTimeBy}, {@code runCurrent},
 * {@code advanceUntilIdle}) and bounds a test in virtual time.
 *
 * <p>Called on the loop's thread, while the loop runs, each time nothing is ready and no other
 * thread has submitted work. The clock then moves to the time the hook returns, and a task the
 * hook woke (a promise it completed, a task it cancelled) runs at the next iteration, before the
 * timers due at that time.
 */
@FunctionalInterface
public interface IdleHook {

    /**
     * @param now       the loop's clock
     * @param nextTimer when the timer wheel must be looked at next: when the next timer is due, or
     *                  before, where a coarse level of the wheel cascades into a finer one (the
     *                  loop then finds nothing due, and is idle again); {@code Long.MAX_VALUE} if
     *                  no timer is pending
     * @return the time to move the clock to, from {@code now} (it stays: the hook must have woken
     *         a task, or the loop spins) to {@code nextTimer} (the default jump); or
     *         {@code Long.MAX_VALUE} when no timer is pending and the hook woke nothing: the loop
     *         waits for another thread or for I/O, as a loop on virtual time does without a hook
     */
    long idle(long now, long nextTimer);

    /**
     * Sets {@code hook} on {@code loop}, an {@code io.jcoro.EventLoop} made by
     * {@code EventLoop.virtualTime()} (the core package is not named here, as {@link IoSelector}
     * does not name it). Loop thread, or while the loop is idle.
     *
     * @throws IllegalArgumentException if the loop is not on virtual time
     */
    static void attach(Object loop, IdleHook hook) {
        Attacher.attacher.accept(Objects.requireNonNull(loop, "loop"), Objects.requireNonNull(hook, "hook"));
    }

    /** Installed by the event loop's class when it is loaded (a loop exists before any attach). */
    static void install(BiConsumer<Object, IdleHook> attacher) {
        Attacher.attacher = attacher;
    }

    /** The holder of the installed attacher (an interface has no mutable fields). */
    final class Attacher {
        private static volatile BiConsumer<Object, IdleHook> attacher;

        private Attacher() {}
    }
}
