package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.fixtures.Greeter;
import io.jcoro.fixtures.GreeterCoroutines;
import io.jcoro.fixtures.Outer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Coro's functions: run, create, and the verbs when they are not lowered. */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class CoroTest {
    private final List<String> trace = Frames.trace();

    @Test
    void runReturnsTheResult() {
        assertEquals("Hello you", Coro.run(new GreeterCoroutines().greet("you")));
    }

    @Test
    void runRethrowsACheckedExceptionUnchanged() {
        IOException io = new IOException("checked");
        IOException thrown = assertThrows(IOException.class,
                () -> Coro.run(Frames.of("main", v -> yieldNow(), v -> {
                    throw io;
                })));
        assertSame(io, thrown);
    }

    @Test
    void runCancelsTheTasksLeftAndLetsThemFinish() {
        Coroutine<Object> leftover = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(sleep(60_000), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        try {
                            $value();
                        } catch (CancelledError e) {
                            trace.add("leftover cancelled at shutdown");
                            throw e;
                        }
                        return $return(null);
                    }
                    default: throw $badLabel();
                }
            }
        };
        Task<Object>[] t = new Task[1];
        Object r = Coro.run(Frames.of("main", v -> {
            t[0] = createTask(leftover);
            return yieldNow();
        }, v -> Frames.ret("main")));
        assertEquals("main", r);
        assertEquals(List.of("leftover cancelled at shutdown"), trace);
        assertTrue(t[0].isCancelled());
    }

    @Test
    void runMainFailsWithoutWaitingForOthers() {
        assertThrows(IllegalStateException.class, () -> Coro.run(Frames.of("main", v -> {
            createTask(Frames.of("other", x -> sleep(60_000), Frames::ret));
            throw new IllegalStateException("main failed");
        })));
    }

    @Test
    void createFindsTheGeneratedClassAndChoosesTheConstructor() {
        Greeter plain = Coro.create(Greeter.class);
        assertTrue(plain instanceof GreeterCoroutines);
        assertEquals("Hello ann", Coro.run(plain.greet("ann")));
        assertEquals("Hi bob Hi bob", Coro.run(Coro.create(Greeter.class, "Hi", 2).greet("bob")));
        // String beats Object, as in Java's overload resolution
        assertEquals("Yo cy", Coro.run(Coro.create(Greeter.class, "Yo").greet("cy")));
        assertEquals("Object 7 dee", Coro.run(Coro.create(Greeter.class, 7).greet("dee")));
        assertEquals(42, Coro.run(Coro.create(Outer.Inner.class).answer()));
    }

    @Test
    void createReportsMissingAndAmbiguousConstructors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Coro.create(Greeter.class, "a", "b"));
        assertTrue(none.getMessage().startsWith("no constructor of io.jcoro.fixtures.GreeterCoroutines accepts (String, String)"),
                none.getMessage());
        assertTrue(none.getMessage().contains("GreeterCoroutines(String, int)"), none.getMessage());

        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> Coro.create(Outer.Ambiguous.class, "a", "b"));
        assertTrue(ambiguous.getMessage().startsWith("ambiguous constructors of io.jcoro.fixtures.Outer_AmbiguousCoroutines"),
                ambiguous.getMessage());
        assertTrue(ambiguous.getMessage().contains("Outer_AmbiguousCoroutines(String, Object)"), ambiguous.getMessage());
        assertTrue(ambiguous.getMessage().contains("Outer_AmbiguousCoroutines(Object, String)"), ambiguous.getMessage());
        // a package-private generated class with package-private constructors is still usable
        assertTrue(Coro.create(Outer.Ambiguous.class, "a", 1) instanceof Outer.Ambiguous);
    }

    @Test
    void createReportsAMissingGeneratedClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coro.create(Outer.NotProcessed.class));
        assertTrue(e.getMessage().contains("io.jcoro.fixtures.Outer_NotProcessedCoroutines"), e.getMessage());
        assertTrue(e.getMessage().contains("annotation processor did not run"), e.getMessage());
        assertTrue(e.getMessage().contains("has no @Async methods"), e.getMessage());
    }

    @Test
    void createRethrowsTheConstructorsExceptionUnchanged() {
        IOException e = assertThrows(IOException.class, () -> Coro.create(Greeter.class, new StringBuilder("sb")));
        assertEquals("constructor failed: sb", e.getMessage());
    }

    @Test
    void unloweredVerbsThrow() {
        String hint = "can only be used in an @Async method compiled with the jcoro annotation processor";
        for (Runnable verb : List.<Runnable>of(
                () -> Coro.await(Coro.yieldNow()),
                () -> Coro.await(CompletableFuture.completedFuture(1)),
                () -> Coro.done(1),
                () -> Coro.done(),
                () -> new Greeter().greet("unprocessed"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, verb::run);
            assertTrue(e.getMessage().contains(hint), e.getMessage());
        }
    }

    /** The lifecycle a frame goes through, read from inside and outside it (the byte it keeps). */
    @Test
    void coroutineStatesThroughALifecycle() {
        EventLoop loop = EventLoop.virtualTime();
        Promise<String> gate = new Promise<>();
        List<CoroutineState> seen = new java.util.ArrayList<>();
        Coroutine<?>[] self = new Coroutine<?>[1];
        self[0] = Frames.of("states", previous -> {
            seen.add(self[0].state());
            return gate;
        }, previous -> Frames.ret(previous));
        seen.add(self[0].state());
        Task<?> task = loop.createTask(self[0]);
        loop.runUntilComplete(Frames.of("tick", p -> yieldNow(), p -> Frames.ret(null))); // the task runs, then waits
        seen.add(self[0].state());
        gate.trySucceed("opened");
        assertEquals("opened", loop.runUntilComplete(Frames.of("join", p -> task, p -> Frames.ret(p))));
        seen.add(self[0].state());
        loop.close();
        assertEquals(List.of(CoroutineState.CREATED, CoroutineState.RUNNING, CoroutineState.SUSPENDED,
                CoroutineState.CLOSED), seen);
    }

    @Test
    void coroutineStateAndClose() {
        Coroutine<String> c = new GreeterCoroutines().greet("x");
        assertEquals(CoroutineState.CREATED, c.state());
        assertEquals("Greeter.greet", c.name());
        c.close();
        assertEquals(CoroutineState.CLOSED, c.state());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Coro.run(c));
        assertEquals("cannot reuse already awaited coroutine", e.getMessage());
    }
}
