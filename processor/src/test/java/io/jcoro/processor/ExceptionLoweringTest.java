package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import io.jcoro.processor.testing.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * try/catch/finally around awaits (JLS 14.20): each mode of each program runs as a coroutine
 * and as its plain twin, with the same trace and the same outcome, value or exception.
 */
class ExceptionLoweringTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/Exceptions.java"),
                CoroCompiler.resource("programs/Resources.java"), CoroCompiler.resource("programs/AsyncWith.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void catchesAndFinallyAroundAwaits(int mode) throws Exception {
        assertSameAsPlainTwin("catches", mode);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void returnBreakContinueAndThrowCrossNestedFinallies(int mode) throws Exception {
        assertSameAsPlainTwin("crossings", mode);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void tryWithResourcesClosesInReverseOrderOnEveryPath(int mode) throws Exception {
        assertSameAsPlainTwin("programs.ResourcesCoroutines", "run", mode);
    }

    /** The close that fails while a return leaves a kept try-with-resources belongs to the state left. */
    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0})
    void aReturnThroughAFailingKeptCloseStillClosesTheOuterResource(int mode) throws Exception {
        assertSameAsPlainTwin("programs.ResourcesCoroutines", "returnThroughFailingClose", mode);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0, -1})
    void aReturnWithdrawnByACaughtCloseFailureDoesNotJumpLater(int mode) throws Exception {
        assertSameAsPlainTwin("programs.ResourcesCoroutines", "swallowedCloseFailure", mode);
    }

    /** A block with no await of its own still awaits closeAsync when it ends (async with). */
    @org.junit.jupiter.api.Test
    void asyncWithWithoutAnAwaitInsideStillAwaitsCloseAsync() throws Exception {
        Trace trace = new Trace();
        Object program = newProgram("programs.AsyncWithCoroutines", trace);
        EventLoop loop = EventLoop.virtualTime();
        org.junit.jupiter.api.Assertions.assertEquals("child",
                loop.runUntilComplete((Coroutine<?>) program.getClass().getMethod("taskGroup").invoke(program)));
        org.junit.jupiter.api.Assertions.assertEquals(10_000_000L, loop.time(), "the group waited for its child");
        org.junit.jupiter.api.Assertions.assertEquals("after",
                loop.runUntilComplete((Coroutine<?>) program.getClass().getMethod("plainBody").invoke(program)));
        loop.close();
        assertEquals(java.util.List.of("body", "closeAsync"), trace.events());
    }

    private static void assertSameAsPlainTwin(String name, int mode) throws Exception {
        assertSameAsPlainTwin("programs.ExceptionsCoroutines", name, mode);
    }

    private static void assertSameAsPlainTwin(String type, String name, int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, type, name, mode);
    }

    private static Object newProgram(String type, Trace trace) throws Exception {
        return PlainTwins.newProgram(loader, type, trace);
    }
}
