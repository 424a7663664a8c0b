package io.jcoro.processor;

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
        loader = CoroCompiler.compileCleanly("programs/Monitors.java");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void aSynchronizedBlockWithoutAwaitHoldsItsMonitor(int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, "programs.MonitorsCoroutines", "guarded", mode);
    }
}
