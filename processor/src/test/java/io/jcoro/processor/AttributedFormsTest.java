package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * javac completes trees while the processor has it attribute a class (implicit {@code super()}
 * calls, canonical and compact record constructors, enum and anonymous constructors, inferred
 * types), then compiles the class again in the next round: a class with {@code @Async} methods
 * and its superclass, holding every such form, compile and run as their plain twin.
 */
class AttributedFormsTest {
    private static final JavaFileObject[] SOURCES = {
        CoroCompiler.resource("programs/forms/FormsBase.java"), CoroCompiler.resource("programs/forms/Forms.java")};

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyFormCompilesAgainAndRunsAsItsPlainTwin(int mode) throws Exception {
        Compilation compilation = CoroCompiler.compile(SOURCES);
        assertThat(compilation).succeededWithoutWarnings();
        PlainTwins.assertSameAsPlainTwin(CoroCompiler.classLoader(compilation), "programs.forms.FormsCoroutines", "run", mode);
    }
}
