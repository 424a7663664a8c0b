package io.jcoro.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Eclipse's compiler, which has no javac tree API, the processor reports exactly one clear
 * error (JCORO-E022) instead of failing obscurely or generating nothing silently.
 */
class EcjTest {

    @Test
    void eclipseCompilerGetsExactlyOneClearError(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("p/Users.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package p;",
                "import io.jcoro.Coroutine;",
                "import io.jcoro.annotations.Async;",
                "import static io.jcoro.Coro.*;",
                "public interface Users {",
                "    @Async",
                "    default Coroutine<Integer> one() { await(sleep(1)); return done(1); }",
                "    @Async",
                "    default Coroutine<Integer> two() { return done(2); }",
                "}"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the test class path holds the processor (with its service registration) and the runtime
        String classPath = System.getProperty("java.class.path");
        boolean compiled = BatchCompiler.compile(new String[] {
                "-17", "-cp", classPath, "-d", dir.resolve("out").toString(), source.toString()},
                new PrintWriter(out), new PrintWriter(err), null);

        String messages = out + "" + err;
        assertFalse(compiled, messages);
        assertThat(messages).contains("1 problem (1 error)");
        assertThat(messages).contains("[JCORO-E022] the jcoro processor needs javac's tree API");
        assertThat(messages).contains("hint: compile with javac");
    }
}
