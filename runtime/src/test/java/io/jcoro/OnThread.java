package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs test code that may hang or overflow on a thread of its own. */
final class OnThread {
    /** A quarter of the JVM's default stack: a few thousand inline levels overflow it. */
    static final long SMALL_STACK = 256 * 1024;

    private OnThread() {}

    /**
     * Runs {@code body} on a new daemon thread with a {@code stackSize}-byte stack (0: the
     * default) and returns its result or rethrows its failure; fails if it has not finished after
     * two minutes (a hang guard: a wedged loop ignores interrupts, so the thread is left behind).
     */
    static <T> T call(long stackSize, Callable<T> body) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(body.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-loop", stackSize);
        thread.setDaemon(true);
        thread.start();
        thread.join(120_000);
        assertFalse(thread.isAlive(), "the loop did not finish");
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
