package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java 21 pattern switches with awaits (in guards, case bodies, selectors; record and nested
 * patterns, {@code case null}, {@code default}, statement groups, {@code yield}), and record
 * patterns in {@code instanceof} whose variables are read after an await, run as their plain twins: the same trace (guards in order, the selector once) and the same outcome,
 * MatchException and NullPointerException included. The project is built for Java 17; these
 * sources are compiled with {@code --release 21}, so the test runs on a JDK of 21 or later.
 */
@EnabledIf("onJava21")
class PatternSwitchTest {
    private static ClassLoader loader;
    /** Compiled with parts of 200 characters: nearly every state in a method of its own. */
    private static ClassLoader cutLoader;

    static boolean onJava21() {
        return Runtime.version().feature() >= 21;
    }

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile("21", List.of(), CoroCompiler.resource("programs/PatternSwitches.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
        Compilation cut = CoroCompiler.compile("21", List.of("-Ajcoro.partBudget=200"),
                CoroCompiler.resource("programs/PatternSwitches.java"));
        assertThat(cut).succeededWithoutWarnings();
        cutLoader = CoroCompiler.classLoader(cut);
    }

    static List<org.junit.jupiter.params.provider.Arguments> cases() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new java.util.ArrayList<>();
        for (String name : List.of("statement", "expression", "fallThrough", "sealed", "colors", "instanceOf")) {
            for (int mode = 0; mode <= 7; mode++) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(name, mode));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("cases")
    void runsAsItsPlainTwin(String name, int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, "programs.PatternSwitchesCoroutines", name, mode);
        PlainTwins.assertSameAsPlainTwin(cutLoader, "programs.PatternSwitchesCoroutines", name, mode);
    }
}
