package io.jcoro.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Erroneous input: the processor adds no internal error (JCORO-E023) to a file that has errors of
 * its own, and javac's own errors are shown; an input javac compiles is not refused by the
 * processor for want of stack.
 */
class ErroneousInputTest {

    /** A subtype inherits an @Async method whose own type reports it (E004): reported once, there. */
    @Test
    void inheritedMethodInvalidWhereDeclaredIsReportedThereOnly() {
        JavaFileObject source = CoroCompiler.resource("erroneous/BrokenSupertype.java");
        Compilation compilation = CoroCompiler.compile(source);
        assertThat(errors(compilation)).containsExactly(
                "11: [JCORO-E004] @Async method Base.name() must return io.jcoro.Coroutine<T> or io.jcoro.AsyncGenerator<T>, not java.lang.String");
    }

    /** javac 17 fails an assertion in its flow analysis: its own errors are what is shown. */
    @Test
    void misplacedJumpsInLocalClassesShowJavacsErrors() {
        JavaFileObject source = CoroCompiler.resource("erroneous/BreakInLocalClass.java");
        assertThat(errors(CoroCompiler.compile(source))).containsExactly("15: break outside switch or loop", "20: continue outside of loop");
        assertThat(errors(CoroCompiler.compile(source))).isEqualTo(errors(javacAlone(source)));
    }

    /** javac 25 (and 17) throws an inference exception of its own: its "cannot be applied" error is what is shown. */
    @Test
    void tooFewArgumentsAroundLambdasShowJavacsErrors() {
        JavaFileObject source = CoroCompiler.resource("erroneous/TooFewArguments.java");
        List<String> errors = errors(CoroCompiler.compile(source));
        assertThat(errors).contains("21: method lazy in class erroneous.TooFewArguments cannot be applied to given types;");
        assertThat(errors).isEqualTo(errors(javacAlone(source)));
    }

    /** A body javac cannot attribute: javac's errors, at their lines, and nothing of the processor's own next to them. */
    @Test
    void bodyWithACompileErrorShowsJavacsErrorsAlone() {
        JavaFileObject source = CoroCompiler.resource("erroneous/UnresolvedType.java");
        List<String> errors = located(CoroCompiler.compile(source));
        assertThat(errors).containsExactly("UnresolvedType.java:12: cannot find symbol",
                "UnresolvedType.java:19: incompatible types: int cannot be converted to java.lang.String");
        assertThat(errors).isEqualTo(located(javacAlone(source)));
    }

    /**
     * javac's errors found while it attributes a class for the processor keep their file and line:
     * javac 25 simplifies an inference error when it reports it, after the round (it took the
     * file from its log then, and reported the error twice, without a file); javac 17 checks a
     * {@code non-sealed} modifier before it sets its log's file.
     */
    @Test
    void javacsErrorsKeepTheirFileAndLine() {
        JavaFileObject inference = CoroCompiler.resource("erroneous/InferenceBounds.java");
        List<String> errors = located(CoroCompiler.compile(inference));
        assertThat(errors).contains(
                "InferenceBounds.java:17: bad operand type io.jcoro.Coroutine<capture#1 of ? extends java.lang.Number> for unary operator '-'");
        if (Runtime.version().feature() >= 25) {
            assertThat(errors).contains(
                    "InferenceBounds.java:17: incompatible types: inference variable T has incompatible upper bounds int,java.lang.Object");
        }
        assertThat(errors).isEqualTo(located(javacAlone(inference)));
        JavaFileObject nonSealed = CoroCompiler.resource("erroneous/NonSealedAlone.java");
        assertThat(located(CoroCompiler.compile(nonSealed))).containsExactly("NonSealedAlone.java:8: non-sealed modifier not allowed here");
        assertThat(located(CoroCompiler.compile(nonSealed))).isEqualTo(located(javacAlone(nonSealed)));
    }

    /** Each error as {@code file:line: first line of its message}, the file {@code -} where it has none. */
    private static List<String> located(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "-" : d.getSource().getName().replaceAll(".*/", "")) + ":"
                        + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
    }

    private static Compilation javacAlone(JavaFileObject source) {
        return Compiler.javac().withOptions("-proc:none", "--release", "17").compile(source);
    }

    /**
     * A chain of 1,600 terms, some awaited: on a thread whose stack lets javac compile the file
     * without the processor, the processor compiles it too (its passes recurse over the chain,
     * on a stack of their own), and the machine computes what plain Java does.
     */
    @Test
    void longChainsCompileWhereJavacAloneDoes() throws Exception {
        int terms = 1600;
        String chain = IntStream.range(0, terms).mapToObj(i -> i % 100 == 0 ? "await(v(" + i + "))" : "w(" + i + ")")
                .collect(Collectors.joining(" + "));
        JavaFileObject source = JavaFileObjects.forSourceString("chains.Chains", "package chains;\n"
                + "import io.jcoro.Coroutine;\nimport io.jcoro.annotations.Async;\nimport static io.jcoro.Coro.*;\n"
                + "public abstract class Chains {\n"
                + "    @Async public Coroutine<Integer> v(int i) { await(yieldNow()); return done(i); }\n"
                + "    public int w(int i) { return i; }\n"
                + "    @Async public Coroutine<Integer> sum() { int s = " + chain + "; return done(s); }\n"
                + "}\n");
        // javac's own depth per term varies with how much of it the JIT has compiled: the stack is
        // the least of 1, 2, 4, 8 MiB on which javac alone compiles the chain, in this JVM, now
        long stack = JAVAC_STACK_BYTES;
        Compilation plain = onStack(stack, () -> javacAlone(source));
        while (plain == null && stack < 8 * JAVAC_STACK_BYTES) {
            stack *= 2;
            plain = onStack(stack, () -> javacAlone(source));
        }
        assertThat(plain).isNotNull();
        assertThat(plain.status()).isEqualTo(Compilation.Status.SUCCESS);

        Compilation compilation = onStack(stack, () -> CoroCompiler.compile(source));
        assertThat(errors(compilation)).isEmpty();
        Object chains = CoroCompiler.classLoader(compilation).loadClass("chains.ChainsCoroutines")
                .getDeclaredConstructor().newInstance();
        try (EventLoop loop = EventLoop.virtualTime()) {
            assertEquals(terms * (terms - 1) / 2, loop.runUntilComplete((Coroutine<?>) chains.getClass().getMethod("sum").invoke(chains)));
        }
    }

    /** The compiling thread's first stack: javac alone usually compiles the chain within it. */
    private static final long JAVAC_STACK_BYTES = 1L << 20;

    /** Runs {@code compile} on a thread of {@code stackBytes}; null if it overflowed (or failed otherwise). */
    private static Compilation onStack(long stackBytes, Supplier<Compilation> compile) throws InterruptedException {
        AtomicReference<Compilation> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> result.set(compile.get()), "compile", stackBytes);
        thread.start();
        thread.join();
        return result.get();
    }

    /** Each error as {@code line: first line of its message}. */
    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
    }
}
