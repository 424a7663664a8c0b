package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated code grows linearly with the body: a body of 2N sequential statements of one
 * shape (try statements that await, with catch, finally, resources, nested, under an if or in a
 * loop) generates about twice the lines of N, not four times. Each statement adds states, fields
 * and clearings of fields of its own; nothing it adds may be repeated at every later state or
 * await (as clearing every dead field at every later await once did: 400 try statements made
 * 195,291 lines).
 */
class GeneratedSizeTest {
    private static final int N = 30;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "try-catch         | try { total += await(f(#)); } catch (IOException e) { total--; }",
        "try-finally       | try { total += await(f(#)); } finally { total++; }",
        "try-catch-finally | try { total += await(f(#)); } catch (IOException e) { total--; } finally { total++; }",
        "awaiting finally  | try { total += g(#); } catch (RuntimeException e) { total--; } finally { await(sleep(1)); }",
        "resources         | try (Res r = new Res()) { total += await(f(#)); } catch (IOException e) { total--; }",
        "nested            | try { try { total += await(f(#)); } finally { total++; } } catch (IOException e) { total--; }",
        "under an if       | if (total % 3 != # % 3) { try { total += await(f(#)); } catch (IOException e) { total--; } }",
        "in a loop         | for (int k = 0; k < 2; k++) { try { total += await(f(#)); } catch (IOException e) { k--; } }",
    })
    void doublingTheStatementsDoublesTheGeneratedLines(String shape, String statement) {
        long once = generatedLines(statement, N);
        long twice = generatedLines(statement, 2 * N);
        double ratio = (double) twice / once;
        assertTrue(ratio < 2.2, shape + ": " + N + " statements generate " + once + " lines, " + 2 * N + " generate "
                + twice + " (x" + String.format("%.2f", ratio) + ")");
    }

    private static long generatedLines(String statement, int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("        ").append(statement.replace("#", Integer.toString(i))).append('\n');
        }
        JavaFileObject source = JavaFileObjects.forSourceString("sizes.Sequence", """
                package sizes;

                import io.jcoro.Coroutine;
                import io.jcoro.annotations.Async;
                import java.io.IOException;
                import static io.jcoro.Coro.*;

                public abstract class Sequence {
                    static final class Res implements AutoCloseable {
                        @Override
                        public void close() {}
                    }

                    int g(int i) {
                        return i;
                    }

                    @Async
                    Coroutine<Integer> f(int i) throws IOException {
                        await(sleep(1));
                        return done(i);
                    }

                    @Async
                    Coroutine<Integer> run() throws IOException {
                        int total = 0;
                %s        return done(total);
                    }
                }
                """.formatted(body));
        Compilation compilation = CoroCompiler.compile(source);
        assertThat(compilation).succeeded();
        JavaFileObject generated = compilation.generatedSourceFile("sizes.SequenceCoroutines").orElseThrow();
        try {
            return generated.getCharContent(true).chars().filter(c -> c == '\n').count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
