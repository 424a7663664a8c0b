package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.DeepRecursionTest.Bottom;
import io.jcoro.DeepRecursionTest.Sum;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The async part of a failure's stack trace is written once per crossing of frames, not once per
 * frame: the work is counted (calls of {@code setStackTrace}), not timed. A failure made outside
 * any frame keeps its Java trace and gains each crossed frame, innermost first; in a catch halfway
 * it also shows the catching frame at its await.
 */
@SuppressWarnings("fallthrough")
class AsyncTraceTest {
    private static final StackTraceElement BOTTOM = new StackTraceElement("app.Rec", "sum", "Rec.java", 9);
    private static final StackTraceElement AWAIT = new StackTraceElement("app.Rec", "sum", "Rec.java", 10);

    /** Counts how often its stack trace is read and written. */
    private static final class Counted extends RuntimeException {
        int reads;
        int writes;

        Counted() {
            super("bottom");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            reads++;
            return super.getStackTrace();
        }

        @Override
        public void setStackTrace(StackTraceElement[] stackTrace) {
            writes++;
            super.setStackTrace(stackTrace);
        }
    }

    @Test
    void aFailureCrossingAHundredThousandFramesHasItsTraceWrittenOnce() throws Throwable {
        int depth = 100_000;
        Counted thrown = new Counted();
        int javaFrames = thrown.getStackTrace().length;
        thrown.reads = 0;
        OnThread.call(0, () -> assertThrows(Counted.class,
                () -> EventLoop.virtualTime().runUntilComplete(new Sum(depth, Bottom.THROW, thrown))));
        assertEquals(1, thrown.writes);
        assertEquals(1, thrown.reads);
        StackTraceElement[] trace = thrown.getStackTrace();
        assertEquals(javaFrames + depth + 1, trace.length);
        assertEquals(BOTTOM, trace[javaFrames]);
        assertEquals(AWAIT, trace[trace.length - 1]);
    }

    /**
     * {@code try { await(sum(2)); } catch (Throwable e) { return e.getStackTrace(); }} in the
     * shape the processor generates for an exploded try, at "Rec.java" line 20.
     */
    private static final class Catcher extends Coroutine<StackTraceElement[]> {
        private static final int[] HANDLERS = {2, 2};
        private final Throwable failure;
        private Throwable caught;

        Catcher(Throwable failure) {
            this.failure = failure;
        }

        @Override
        protected Object $resume() throws Throwable {
            for (;;) {
                try {
                    switch ($label) {
                        case 0: {
                            if ($await(new Sum(2, Bottom.THROW, failure), 1)) return $SUSPENDED;
                        }
                        case 1: {
                            $value();
                            return $return(null);
                        }
                        case 2: {
                            return $return(caught.getStackTrace());
                        }
                        default: throw $badLabel();
                    }
                } catch (Throwable e) {
                    int h = $handler(HANDLERS, $label);
                    if (h < 0) throw e;
                    caught = e;
                    $label = h;
                }
            }
        }

        @Override
        protected StackTraceElement $where() {
            return $where("app.Rec", "main", "Rec.java", new int[] {20, 20, 21});
        }
    }

    @Test
    void aCatchHalfwaySeesEveryFrameTheFailureCrossed() {
        IllegalStateException thrown = new IllegalStateException("bottom");
        StackTraceElement[] java = thrown.getStackTrace();
        StackTraceElement[] seen = EventLoop.virtualTime().runUntilComplete(new Catcher(thrown));
        StackTraceElement[] expected = Arrays.copyOf(java, java.length + 4);
        expected[java.length] = BOTTOM;
        expected[java.length + 1] = AWAIT;
        expected[java.length + 2] = AWAIT;
        expected[java.length + 3] = new StackTraceElement("app.Rec", "main", "Rec.java", 20); // the catcher, at its await
        assertArrayEquals(expected, seen);
    }

    @Test
    void aFailureWithoutAJavaTraceGainsNoAsyncTrace() {
        IllegalStateException thrown = new IllegalStateException("no trace", null) {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        };
        Throwable caught = assertThrows(IllegalStateException.class,
                () -> EventLoop.virtualTime().runUntilComplete(new Sum(3, Bottom.THROW, thrown)));
        assertSame(thrown, caught);
        assertEquals(0, caught.getStackTrace().length);
    }
}
