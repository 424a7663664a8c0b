package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Recursion through awaits is bounded by the heap, not by the thread's stack: an await of a
 * coroutine runs it inline, and past {@link Task#MAX_INLINE_DEPTH} nested starts the task bounces
 * the next one to its step, on an empty stack. Each test runs its loop on a thread with a small
 * stack (256 KiB, a quarter of the JVM's default), where a few thousand inline levels overflow.
 */
@SuppressWarnings("fallthrough")
class DeepRecursionTest {
    /** What the innermost call of {@link Sum} does. */
    enum Bottom { RETURN, YIELD, THROW }

    /**
     * {@code sum(n) = n == 0 ? bottom : n + await(sum(n - 1))}, in the shape the processor
     * generates: the bottom at "Rec.java" line 9, the recursive await at line 10.
     */
    static final class Sum extends Coroutine<Long> {
        private final int n;
        private final Bottom bottom;
        private final Throwable failure;

        Sum(int n, Bottom bottom, Throwable failure) {
            this.n = n;
            this.bottom = bottom;
            this.failure = failure;
        }

        @Override
        protected Object $resume() throws Throwable {
            for (;;) switch ($label) {
                case 0: {
                    if (n == 0) {
                        if (bottom == Bottom.THROW) {
                            throw failure;
                        }
                        if (bottom == Bottom.YIELD && $await(Coro.yieldNow(), 2)) {
                            return $SUSPENDED;
                        }
                        return $return(0L);
                    }
                    if ($await(new Sum(n - 1, bottom, failure), 1)) {
                        return $SUSPENDED;
                    }
                }
                case 1: {
                    return $return(n + (Long) $value());
                }
                case 2: {
                    $value();
                    return $return(0L);
                }
                default: throw $badLabel();
            }
        }

        @Override
        protected StackTraceElement $where() {
            return $where("app.Rec", "sum", "Rec.java", new int[] {9, 10, 9});
        }
    }

    private static <T> T onSmallStack(Callable<T> body) throws Throwable {
        return OnThread.call(OnThread.SMALL_STACK, body);
    }

    private static long sumTo(long n) {
        return n * (n + 1) / 2;
    }

    @Test
    void aHundredThousandLevelsDeepReturnOnASmallStack() throws Throwable {
        int depth = 100_000;
        long sum = onSmallStack(() -> Coro.run(new Sum(depth, Bottom.RETURN, null)));
        assertEquals(sumTo(depth), sum);
    }

    @Test
    void aMillionLevelsDeepReturnOnASmallStack() throws Throwable {
        int depth = 1_000_000;
        long sum = onSmallStack(() -> EventLoop.virtualTime().runUntilComplete(new Sum(depth, Bottom.RETURN, null)));
        assertEquals(sumTo(depth), sum);
    }

    @Test
    void aDeepRecursionThatSuspendsAtTheBottomResumesEveryLevel() throws Throwable {
        int depth = 100_000;
        long sum = onSmallStack(() -> EventLoop.virtualTime().runUntilComplete(new Sum(depth, Bottom.YIELD, null)));
        assertEquals(sumTo(depth), sum);
    }

    @Test
    void aFailureCrossingAHundredThousandLevelsCarriesEveryLevel() throws Throwable {
        int depth = 100_000;
        IllegalStateException thrown = new IllegalStateException("bottom");
        int javaFrames = thrown.getStackTrace().length;
        Throwable caught = onSmallStack(() -> assertThrows(IllegalStateException.class,
                () -> EventLoop.virtualTime().runUntilComplete(new Sum(depth, Bottom.THROW, thrown))));
        assertSame(thrown, caught);
        StackTraceElement[] trace = caught.getStackTrace();
        assertEquals(javaFrames + depth + 1, trace.length); // sum(0) .. sum(depth), innermost first
        assertEquals(new StackTraceElement("app.Rec", "sum", "Rec.java", 9), trace[javaFrames]);
        StackTraceElement await = new StackTraceElement("app.Rec", "sum", "Rec.java", 10);
        for (int i = javaFrames + 1; i < trace.length; i++) {
            assertEquals(await, trace[i]);
        }
    }
}
