package io.jcoro.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;

/**
 * Base class for tests that assert the order of events, as kotlinx.coroutines' {@code TestBase}:
 * each event calls {@code expect(n)} with its expected position, the last one {@code finish(n)}.
 *
 * <pre>{@code
 * expect(1);
 * loop.callSoon(() -> expect(3));
 * expect(2);
 * loop.runUntilComplete(...);
 * finish(4);
 * }</pre>
 *
 * <p>A failed expectation is thrown where it happens and also remembered: a coroutine or a
 * callback that swallows it (the loop reports callback exceptions and goes on) still fails the
 * test when it ends. A test that called {@code expect} must call {@code finish}.
 */
public abstract class OrderedExecution {
    private final AtomicInteger actionIndex = new AtomicInteger();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private volatile boolean finished;

    /** Asserts that this is event number {@code index} (1-based). */
    protected void expect(int index) {
        int actual = actionIndex.incrementAndGet();
        if (actual != index) {
            fail("expected event " + index + " but this is event " + actual);
        }
    }

    /** The last event: {@link #expect(int)}, and marks the test finished. */
    protected void finish(int index) {
        expect(index);
        if (finished) {
            fail("finish(...) called twice");
        }
        finished = true;
    }

    /** Fails: this point must not be reached. */
    protected void expectUnreached() {
        fail("should not be reached (after event " + actionIndex.get() + ")");
    }

    @AfterEach
    void checkOrderedExecution() throws Throwable {
        Throwable error = firstError.get();
        if (error != null) {
            throw error;
        }
        if (actionIndex.get() != 0 && !finished) {
            throw new AssertionError("expected finish(" + (actionIndex.get() + 1) + ") to be called");
        }
    }

    private void fail(String message) {
        AssertionError e = new AssertionError(message);
        firstError.compareAndSet(null, e);
        throw e;
    }
}
