package io.jcoro.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Diagnostics a person reads": a failure that crosses awaits names the user's own files and
 * lines of each {@code @Async} method it crossed, and a task dump shows who awaits whom, at which
 * user line.
 */
class ObservabilityTest {
    private static Object program;
    private static List<String> source;

    @BeforeAll
    static void compile() throws Exception {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/Observed.java"));
        assertThat(compilation).succeededWithoutWarnings();
        program = CoroCompiler.classLoader(compilation).loadClass("programs.ObservedCoroutines")
                .getConstructor().newInstance();
        try (InputStream in = ObservabilityTest.class.getClassLoader().getResourceAsStream("programs/Observed.java")) {
            source = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void aFailureCrossingAwaitsNamesEachAsyncMethodAtItsUserLine() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(coroutine("outer")));
        loop.close();

        assertEquals("deep", failure.getMessage());
        assertEquals(null, failure.getCause(), "the chain is never added as a cause");
        assertEquals(0, failure.getSuppressed().length, "nor as suppressed exceptions");
        List<String> async = Arrays.stream(failure.getStackTrace())
                .map(StackTraceElement::toString)
                .filter(e -> e.startsWith("programs.Observed."))
                .toList();
        assertEquals(List.of(
                "programs.Observed.inner(Observed.java:" + line("inner") + ")",
                "programs.Observed.middle(Observed.java:" + line("middle") + ")",
                "programs.Observed.outer(Observed.java:" + line("outer") + ")"), async);
    }

    @Test
    void taskDumpShowsEachTaskAtItsUserLines() throws Exception {
        EventLoop loop = EventLoop.virtualTime();
        String dump = (String) loop.runUntilComplete(coroutine("dump"));
        loop.close();

        assertThat(dump).contains("at programs.Observed.dump(Observed.java:" + line("dump") + ")");
        assertThat(dump).contains("Task 'worker' (sleeping)\n"
                + "    at programs.Observed.middle(Observed.java:" + line("middle") + ")\n"
                + "    at programs.Observed.inner(Observed.java:" + line("inner") + ")\n");
    }

    private static Coroutine<?> coroutine(String name) throws Exception {
        return (Coroutine<?>) program.getClass().getMethod(name).invoke(program);
    }

    private static int line(String marker) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).endsWith("// LINE " + marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }

}
