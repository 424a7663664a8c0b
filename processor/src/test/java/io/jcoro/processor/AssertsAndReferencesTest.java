package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import io.jcoro.processor.testing.Trace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Awaits in {@code assert} statements (JLS 14.10: nothing evaluated when assertions are disabled
 * for the user's class; the detail only when the condition is false) and in method-reference
 * qualifiers (JLS 15.13.3), against the plain twin of each body, with assertions enabled and
 * disabled through the class loader, as {@code -ea}/{@code -da} would set them.
 */
class AssertsAndReferencesTest {
    private static final String PROGRAM = "programs.AssertsAndReferencesCoroutines";
    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = CoroCompiler.compile(CoroCompiler.resource("programs/AssertsAndReferences.java"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0}({1}), assertions {2}")
    @CsvSource({
        "asserts, 0, true", "asserts, 1, true", "asserts, 2, true", "asserts, 3, true", "asserts, 4, true",
        "asserts, 2, false", "asserts, 3, false",
        "assertInLoop, 0, true", "assertInLoop, 4, true", "assertInLoop, 4, false",
        "references, 1, true", "references, 2, true", "references, 3, true"})
    void runsAsItsPlainTwin(String name, int mode, boolean assertions) throws Exception {
        ClassLoader loader = CoroCompiler.classLoader(compilation);
        loader.setDefaultAssertionStatus(assertions);
        PlainTwins.assertSameAsPlainTwin(loader, PROGRAM, name, mode);
    }

    /** The cases above are not vacuous: the assertion status changes what runs. */
    @ParameterizedTest(name = "asserts({0})")
    @CsvSource({"2", "3"})
    void theAssertionStatusDecidesWhatRuns(int mode) throws Exception {
        assertNotEquals(traceOf(mode, true), traceOf(mode, false));
    }

    private static List<String> traceOf(int mode, boolean assertions) throws Exception {
        ClassLoader loader = CoroCompiler.classLoader(compilation);
        loader.setDefaultAssertionStatus(assertions);
        Trace trace = new Trace();
        Object program = PlainTwins.newProgram(loader, PROGRAM, trace);
        EventLoop loop = EventLoop.virtualTime();
        try {
            loop.runUntilComplete((Coroutine<?>) program.getClass().getMethod("asserts", int.class).invoke(program, mode));
        } finally {
            loop.close();
        }
        return trace.events();
    }
}
