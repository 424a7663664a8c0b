package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What JCORO-E033's hint offers instead of a synchronized @Async method: synchronized blocks
 * without awaits hold their monitors exactly as in the plain twin.
 */
class MonitorsTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/Monitors.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void aSynchronizedBlockWithoutAwaitHoldsItsMonitor(int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, "programs.MonitorsCoroutines", "guarded", mode);
    }
}
