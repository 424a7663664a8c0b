package io.jcoro.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.processor.testing.CoroCompiler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code gather} and {@code gatherSettled} over {@code CompletionStage}s in an {@code @Async} body:
 * the processor's attribution picks the same overloads as javac, the lowered body compiles
 * without a diagnostic, and a call that mixes kinds without {@code awaitable(...)} gets javac's
 * error at its line and nothing from the processor.
 */
class GatherStagesTest {

    @Test
    void stagesAreGatheredWithoutADiagnosticAndInArgumentOrder() throws Exception {
        ClassLoader loader = CoroCompiler.compileCleanly("stages/Pages.java");
        Object pages = loader.loadClass("stages.PagesCoroutines").getDeclaredConstructor().newInstance();
        Object result = Coro.run((Coroutine<?>) pages.getClass().getMethod("all").invoke(pages));
        assertEquals(List.of("page 1", "page 2", "page 3", "page 4", "page 5", "page 6", "page 7", 6, "page 8"),
                result);
    }

    @Test
    void aStageAmongAwaitablesIsJavacsErrorAlone() {
        JavaFileObject source = CoroCompiler.resource("stages/Mixed.java");
        List<String> errors = errors(CoroCompiler.compile(source));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("Mixed.java:19: no suitable method found for gather(");
        assertThat(errors).isEqualTo(errors(Compiler.javac().withOptions("--release", "17").compile(source)));
    }

    /** Each error as {@code File.java:line: first line of its message}; any jcoro diagnostic would show here too. */
    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getMessage(Locale.ROOT).contains("JCORO"))
                .map(d -> d.getSource().getName().replaceAll(".*/", "") + ":" + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
    }
}
