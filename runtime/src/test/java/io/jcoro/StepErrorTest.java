package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.DeepRecursionTest.Bottom;
import io.jcoro.DeepRecursionTest.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} thrown inside a step ends that task with the error and leaves the loop running
 * the others: never a task stuck half-stepped and a {@code runUntilComplete} that never returns.
 * Each case runs under a hang guard ({@link OnThread}).
 */
@SuppressWarnings("fallthrough")
class StepErrorTest {

    static Stream<Throwable> errors() {
        return Stream.of(new StackOverflowError(), new OutOfMemoryError("Java heap space"),
                new NoClassDefFoundError("Could not initialize class java.lang.StackTraceElement$HashedModules"),
                new InternalError("broken"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void anErrorThrownByABodyEndsItsTaskAndTheLoopGoesOn(Throwable error) throws Throwable {
        EventLoop loop = EventLoop.virtualTime();
        Throwable caught = OnThread.call(0, () -> assertThrows(Throwable.class,
                () -> loop.runUntilComplete(new Sum(5, Bottom.THROW, error))));
        assertSame(error, caught);
        assertEquals(15L, loop.runUntilComplete(new Sum(5, Bottom.RETURN, null)));
    }

    /** An error whose stack trace cannot be read, as after the JDK's trace code broke. */
    private static final class Unreadable extends Error {
        @Override
        public StackTraceElement[] getStackTrace() {
            throw new NoClassDefFoundError("Could not initialize class java.lang.StackTraceElement$HashedModules");
        }
    }

    @Test
    void aFailureWhoseTraceCannotBeReadStillEndsItsTask() throws Throwable {
        Unreadable error = new Unreadable();
        Throwable caught = OnThread.call(0, () -> assertThrows(Unreadable.class,
                () -> Coro.run(new Sum(3, Bottom.THROW, error))));
        assertSame(error, caught);
    }

    @Test
    void aFrameWhosePlaceCannotBeBuiltStillEndsItsTask() throws Throwable {
        IllegalStateException failure = new IllegalStateException("body");
        Coroutine<Object> frame = new Coroutine<>() {
            @Override
            protected Object $resume() {
                throw failure;
            }

            @Override
            protected StackTraceElement $where() {
                throw new NoClassDefFoundError("Could not initialize class java.lang.StackTraceElement");
            }
        };
        List<String> reports = new ArrayList<>();
        EventLoop loop = EventLoop.virtualTime();
        loop.setExceptionHandler((l, message, e) -> reports.add(message));
        Throwable caught = OnThread.call(0, () -> assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(frame)));
        assertSame(failure, caught);
        assertTrue(reports.isEmpty(), reports::toString);
    }
}
