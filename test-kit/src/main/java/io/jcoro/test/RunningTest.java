package io.jcoro.test;

import io.jcoro.EventLoop;

/**
 * The {@link AsyncTest} whose loop runs on this thread: what {@link TestTime} acts on.
 *
 * @param loop      the test's loop
 * @param scheduler its virtual clock's driver; null on real time
 * @param start     the loop's time when the test started
 */
record RunningTest(EventLoop loop, VirtualScheduler scheduler, long start) {
    private static final ThreadLocal<RunningTest> CURRENT = new ThreadLocal<>();

    /**
     * @throws IllegalStateException outside an {@code @AsyncTest}'s loop
     */
    static RunningTest current() {
        RunningTest test = CURRENT.get();
        if (test == null || !test.loop.isRunning()) {
            throw new IllegalStateException("TestTime works only in an @AsyncTest, while its loop runs");
        }
        return test;
    }

    /**
     * @param what the function that needs it, for the message
     * @throws IllegalStateException on a real-time test
     */
    VirtualScheduler scheduler(String what) {
        if (scheduler == null) {
            throw new IllegalStateException(what + " needs virtual time: this test runs with"
                    + " @AsyncTest(realTime = true)");
        }
        return scheduler;
    }

    /** Runs {@code body} with this test as the current one of this thread. */
    void runAsCurrent(Runnable body) {
        RunningTest outer = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            CURRENT.set(outer);
        }
    }
}
