package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * javac writes the types it infers for {@code var}s and implicit lambda parameters into the trees
 * when the processor has it attribute a class, and compiles the class again in the next round:
 * a class (and its superclass) with such declarations whose types have no name (captured
 * wildcards, anonymous classes) compiles and runs as its plain twin; where the trees are left as
 * javac made them, each declaration that would fail is reported (JCORO-E031) at its position.
 */
class InferredTypesTest {
    private static final JavaFileObject[] SOURCES = {
        CoroCompiler.resource("programs/inferred/Base.java"), CoroCompiler.resource("programs/inferred/Inferred.java")};

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void compilesAndRunsAsItsPlainTwin(int mode) throws Exception {
        Compilation compilation = CoroCompiler.compile(SOURCES);
        assertThat(compilation).succeededWithoutWarnings();
        PlainTwins.assertSameAsPlainTwin(CoroCompiler.classLoader(compilation), "programs.inferred.InferredCoroutines",
                "run", mode);
    }

    @Test
    void eachDeclarationJavacCouldNotCompileAgainIsReportedWhereItsTypeIsLeftInPlace() {
        Compilation compilation = CoroCompiler.compile(List.of("-Ajcoro.keepInferredTypes"), SOURCES);
        assertThat(compilation).failed();
        String[][] expected = {
            {"Base.java", "16", "t"}, {"Base.java", "17", "marker"},
            {"Inferred.java", "36", "n"}, {"Inferred.java", "38", "counter"}, {"Inferred.java", "43", "v"},
            {"Inferred.java", "54", "n"}, {"Inferred.java", "56", "counter"}, {"Inferred.java", "61", "v"},
            {"Inferred.java", "70", "all"}};
        // 'k' (a String) and 'entry', 'a', 'b' (types with names) compile again as javac wrote them
        for (String[] e : expected) {
            assertThat(compilation).hadErrorContaining("[JCORO-E031] javac cannot compile '" + e[2] + "' again")
                    .inFile(CoroCompiler.resource("programs/inferred/" + e[0])).onLine(Long.parseLong(e[1]));
        }
        assertThat(compilation).hadErrorCount(expected.length);
    }
}
