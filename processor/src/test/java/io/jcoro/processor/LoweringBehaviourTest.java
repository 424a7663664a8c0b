package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.Trace;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles DSL programs with the processor, runs the generated machines on a virtual-time loop,
 * and compares what they do with the plain Java twin of the same body: the same trace, the
 * same result.
 */
class LoweringBehaviourTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/ControlFlow.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    @Test
    void loopsBranchesAndLabelsRunAsPlainJava() throws Exception {
        for (int n = 0; n <= 9; n++) {
            Trace plainTrace = new Trace();
            Object plain = newProgram(plainTrace);
            int expected = (int) plain.getClass().getMethod("loopsPlain", int.class).invoke(plain, n);

            Trace coroTrace = new Trace();
            Object program = newProgram(coroTrace);
            EventLoop loop = EventLoop.virtualTime();
            int actual = (int) loop.runUntilComplete(coroutine(program, "loops", new Class<?>[] {int.class}, n));
            loop.close();

            assertEquals(plainTrace.events(), coroTrace.events(), "trace for n=" + n);
            assertEquals(expected, actual, "result for n=" + n);
        }
    }

    @Test
    void suspendingAndImmediateAwaitsTakeExactlyTheirSleeps() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        long start = loop.time();
        loop.runUntilComplete(coroutine(newProgram(new Trace()), "loops", new Class<?>[] {int.class}, 4));
        // i=1: check -> value(1, true); i=2: value(2, true) then check -> value(2, true);
        // i=3: value(j=2, true); i=4: value(4, true) then value(4, true): six 10 ms sleeps in a row
        assertEquals(60_000_000L, loop.time() - start);
        loop.close();
    }

    @Test
    void siblingScopesNegatedConditionsAndFieldCompoundAssignment() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        Object result = loop.runUntilComplete(coroutine(newProgram(new Trace()), "scopes", new Class<?>[0]));
        assertEquals("ab2|3|6|9 field=101", result);
        loop.close();
    }

    @Test
    void lambdasCaptureEachIterationsValue() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        Object result = loop.runUntilComplete(coroutine(newProgram(new Trace()), "captures", new Class<?>[0]));
        assertEquals("v0v10v20", result);
        loop.close();
    }

    @Test
    void awaitsInsideExpressionsKeepJavasEvaluationOrder() throws Exception {
        assertSameAsPlainTwin("expressions");
    }

    @Test
    void aSpilledOperandThatIsARenamedLocalReadsItsOwnField() throws Exception {
        assertSameAsPlainTwin("renamedSpill");
    }

    @Test
    void patternVariablesLiveAcrossAwaits() throws Exception {
        assertSameAsPlainTwin("patterns");
        assertSameAsPlainTwin("patternsSplitByAwait");
    }

    @Test
    void loopsAndSwitchesWithAwaitsRunAsPlainJava() throws Exception {
        assertSameAsPlainTwin("statements");
    }

    /** Runs {@code name} as a coroutine and {@code namePlain} directly: same trace, same result. */
    private static void assertSameAsPlainTwin(String name) throws Exception {
        Trace plainTrace = new Trace();
        Object plain = newProgram(plainTrace);
        Object expected = plain.getClass().getMethod(name + "Plain").invoke(plain);

        Trace coroTrace = new Trace();
        EventLoop loop = EventLoop.virtualTime();
        Object actual = loop.runUntilComplete(coroutine(newProgram(coroTrace), name, new Class<?>[0]));
        loop.close();

        assertEquals(plainTrace.events(), coroTrace.events(), name + ": trace");
        assertEquals(expected, actual, name + ": result");
    }

    @Test
    void genericCoroutineMethods() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        Object result = loop.runUntilComplete(coroutine(newProgram(new Trace()), "twice", new Class<?>[] {Object.class}, "x"));
        assertEquals(List.of("x", "x"), result);
        loop.close();
    }

    private static Object newProgram(Trace trace) throws Exception {
        Class<?> generated = loader.loadClass("programs.ControlFlowCoroutines");
        Constructor<?> constructor = generated.getDeclaredConstructor(Consumer.class);
        constructor.setAccessible(true);
        return constructor.newInstance(trace);
    }

    private static Coroutine<?> coroutine(Object program, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = program.getClass().getMethod(name, types);
        return (Coroutine<?>) method.invoke(program, args);
    }
}
