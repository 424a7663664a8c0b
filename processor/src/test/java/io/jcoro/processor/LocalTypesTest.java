package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local classes, records, enums and anonymous classes in a body, used within the stretch of code
 * that declares them, run as their plain twins (a use across an await is JCORO-E030, a value of
 * such a type kept across one is JCORO-E019: see the diagnostics tests).
 */
class LocalTypesTest {
    private static ClassLoader loader;
    /** Compiled with parts of 200 characters: long states are cut, but never where a type must stay. */
    private static ClassLoader cutLoader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/LocalTypes.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
        Compilation cut = CoroCompiler.compile(java.util.List.of("-Ajcoro.partBudget=200"),
                CoroCompiler.resource("programs/LocalTypes.java"));
        assertThat(cut).succeededWithoutWarnings();
        cutLoader = CoroCompiler.classLoader(cut);
    }

    @ParameterizedTest(name = "{0}({1})")
    @CsvSource({"afterAwait, 1", "afterAwait, 2", "perIteration, 0", "perIteration, 1", "localCounter, 3",
            "intersection, 1", "intersection, 2"})
    void runsAsItsPlainTwin(String name, int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, "programs.LocalTypesCoroutines", name, mode);
        PlainTwins.assertSameAsPlainTwin(cutLoader, "programs.LocalTypesCoroutines", name, mode);
    }
}
