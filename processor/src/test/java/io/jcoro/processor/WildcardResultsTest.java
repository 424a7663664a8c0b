package io.jcoro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Coroutine<?>}, {@code Coroutine<? extends B>}, {@code Coroutine<? super B>} and the
 * same {@code AsyncGenerator}s: a class cannot extend a wildcard type, so the frame extends
 * {@code Coroutine<B>} or {@code Coroutine<Object>}; each runs as its plain twin.
 */
class WildcardResultsTest {
    private static final String PROGRAM = "programs.WildcardResultsCoroutines";
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        loader = CoroCompiler.compileCleanly("programs/WildcardResults.java");
    }

    @ParameterizedTest
    @CsvSource({"anything, 0", "anything, 1", "anything, 2", "anything, 3", "anything, 4",
            "number, 0", "number, 1", "number, 6", "number, 13",
            "lower, 0", "lower, 1", "lower, 2",
            "nothing, 0", "nothing, 3",
            "awaiting, 0", "awaiting, 1", "awaiting, 2", "awaiting, 5",
            "generators, 0", "generators, 1", "generators, 3"})
    void wildcardResultsRunAsTheirPlainTwins(String method, int mode) throws Exception {
        PlainTwins.assertSameAsPlainTwin(loader, PROGRAM, method, mode);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWildcardOverTheClasssTypeVariable(boolean mine) throws Exception {
        Object box = loader.loadClass("programs.WildcardResults_BoxCoroutines").getConstructor(Object.class)
                .newInstance("content");
        assertEquals("content", run(box.getClass().getMethod("get").invoke(box)));
        assertEquals(mine ? "content" : "other",
                run(box.getClass().getMethod("either", Object.class, boolean.class).invoke(box, "other", mine)));
    }

    private static Object run(Object coroutine) {
        EventLoop loop = EventLoop.virtualTime();
        try {
            return loop.runUntilComplete((Coroutine<?>) coroutine);
        } finally {
            loop.close();
        }
    }
}
