package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long run of statements between two awaits, all in one state, whose variables are fields of the
 * frame: the state is cut into several at statement boundaries, so that no generated method
 * exceeds HotSpot's JIT limit, and the body still runs exactly as its plain twin.
 */
class LongStretchTest {
    /** Statements in the stretch: uncut, with its variables as fields, its state is ~34 KB of bytecode. */
    private static final int STATEMENTS = 600;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        StringBuilder stretch = new StringBuilder();
        for (int i = 0; i < STATEMENTS; i++) {
            stretch.append("        a = a * 31 + ").append(i).append("; b ^= a + ").append(i).append("L;");
            stretch.append(" if ((a & 7) == ").append(i % 8).append(") s = s + ").append(i % 10).append(";\n");
            if (i % 100 == 99) {
                stretch.append("        log.accept(\"at ").append(i).append(" \" + a + \" \" + b);\n");
            }
        }
        String source = """
                package programs;

                import io.jcoro.Coroutine;
                import io.jcoro.annotations.Async;
                import java.util.function.Consumer;
                import static io.jcoro.Coro.*;

                public abstract class LongStretch {
                    protected final Consumer<String> log;

                    protected LongStretch(Consumer<String> log) {
                        this.log = log;
                    }

                    @Async
                    protected Coroutine<Integer> tick(int v) {
                        await(sleep(1));
                        return done(v);
                    }

                    protected int tickPlain(int v) {
                        return v;
                    }

                    @Async
                    public Coroutine<String> stretch(int mode) {
                        int a = await(tick(mode));
                        long b = 7;
                        String s = "";
                STRETCH
                        int c = await(tick(a));
                        return done(a + " " + b + " " + s.length() + " " + c);
                    }

                    public String stretchPlain(int mode) {
                        int a = tickPlain(mode);
                        long b = 7;
                        String s = "";
                STRETCH
                        int c = tickPlain(a);
                        return a + " " + b + " " + s.length() + " " + c;
                    }
                }
                """.replace("STRETCH\n", stretch.toString());
        compilation = CoroCompiler.compile(JavaFileObjects.forSourceString("programs.LongStretch", source));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @org.junit.jupiter.api.Test
    void noGeneratedMethodExceedsTheJitLimit() {
        Map<String, Integer> sizes = CoroCompiler.frameMethodSizes(compilation);
        sizes.forEach((method, size) -> assertTrue(size <= CoroCompiler.JIT_LIMIT,
                () -> method + " has " + size + " bytes of bytecode"));
        assertTrue(sizes.keySet().stream().anyMatch(m -> m.contains("$Stretch.class.$resume1(")),
                () -> "the stretch is split into parts: " + sizes.keySet());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void runsAsItsPlainTwin(int mode) throws Exception {
        ClassLoader loader = CoroCompiler.classLoader(compilation);
        PlainTwins.assertSameAsPlainTwin(loader, "programs.LongStretchCoroutines", "stretch", mode);
    }
}
