package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a person reads in the stack trace of a {@link CancelledError}: the error made by
 * {@code cancel()} carries the async chain of the cancelled task (where it was awaiting), and the
 * Java stack of the canceller only in debug mode.
 */
@SuppressWarnings({"fallthrough", "unchecked"})
class CancelledErrorTraceTest {
    private static final StackTraceElement INNER = new StackTraceElement("app.Users", "fetchUser", "Users.java", 12);
    private static final StackTraceElement OUTER = new StackTraceElement("app.Users", "processUser", "Users.java", 17);

    /** {@code fetchUser}: sleeps an hour at line 12, as a generated frame reports it. */
    private static Coroutine<Object> fetchUser() {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(3_600_000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        return $return($value());
                    }
                    default: throw $badLabel();
                }
            }

            @Override
            protected StackTraceElement $where() {
                return $where("app.Users", "fetchUser", "Users.java", new int[] {12, 12});
            }
        };
    }

    /** {@code processUser}: awaits {@code fetchUser()} inline at line 17. */
    private static Coroutine<Object> processUser() {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(fetchUser(), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        return $return($value());
                    }
                    default: throw $badLabel();
                }
            }

            @Override
            protected StackTraceElement $where() {
                return $where("app.Users", "processUser", "Users.java", new int[] {17, 17});
            }
        };
    }

    /** Runs {@code processUser()} as a task, cancels it with "stop" while it sleeps; its error. */
    private static CancelledError cancelWhileSleeping(boolean debug) {
        EventLoop loop = EventLoop.virtualTime();
        loop.setDebug(debug);
        Task<Object>[] t = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    t[0] = createTask(processUser());
                    return yieldNow();
                },
                v -> {
                    assertTrue(t[0].cancel("stop"));
                    return Coro.gatherSettled(t[0]);
                },
                Frames::ret));
        loop.close();
        assertTrue(t[0].isCancelled());
        return assertThrows(CancelledError.class, t[0]::result);
    }

    @Test
    void theErrorOfCancelCarriesTheAsyncChainOfTheCancelledTaskAndNoJavaStack() {
        CancelledError e = cancelWhileSleeping(false);
        assertEquals("stop", e.getMessage());
        assertNull(e.getCause());
        assertEquals(0, e.getSuppressed().length);
        assertArrayEquals(new StackTraceElement[] {INNER, OUTER}, e.getStackTrace());
    }

    @Test
    void inDebugModeItAlsoRecordsWhereCancelWasCalled() {
        CancelledError e = cancelWhileSleeping(true);
        List<StackTraceElement> trace = Arrays.asList(e.getStackTrace());
        assertEquals(List.of(INNER, OUTER), trace.subList(trace.size() - 2, trace.size()));
        assertEquals("io.jcoro.Task", trace.get(0).getClassName(), "starts at the cancel: " + trace);
        assertTrue(trace.stream().anyMatch(s -> s.getClassName().equals(CancelledErrorTraceTest.class.getName())),
                "the canceller's own frames: " + trace);
    }

    @Test
    void cancellingAPromiseMakesAnErrorWithItsMessageAndNoJavaStack() {
        Promise<String> p = new Promise<>();
        assertTrue(p.cancel("bye"));
        CancelledError e = assertThrows(CancelledError.class, p::result);
        assertEquals("bye", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        e.fillInStackTrace();
        assertEquals(0, e.getStackTrace().length, "a cancellation's trace is its async chain only");
    }

    @Test
    void anErrorMadeWithAPublicConstructorRecordsTheJavaStack() {
        StackTraceElement top = new CancelledError("mine").getStackTrace()[0];
        assertEquals(CancelledErrorTraceTest.class.getName(), top.getClassName());
        assertEquals("anErrorMadeWithAPublicConstructorRecordsTheJavaStack", top.getMethodName());
        assertEquals(CancelledErrorTraceTest.class.getName(), new CancelledError().getStackTrace()[0].getClassName());
    }
}
