package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC.md: "the processor jar is self-contained: {@code javac -processorpath jcoro-processor.jar}
 * needs nothing else". Compiles a small DSL program (test resources {@code plainjavac/}) with the
 * running JDK's own javac, only the shaded processor jar on {@code -processorpath} and only the
 * runtime and annotations jars on {@code -classpath}; then runs it with that JDK's {@code java}
 * in a child process and checks what it prints.
 */
class PlainJavacTest {
    private static final List<String> SOURCES = List.of("demo/Countdown.java", "demo/Main.java");
    private static final long RUN_TIMEOUT_SECONDS = 60;

    @TempDir
    Path work;

    @Test
    void processorJarAloneOnTheProcessorPathCompilesADslProgramThatPlainJavaRuns() throws Exception {
        Path processorJar = BuiltJars.processor();
        String classpath = BuiltJars.runtime() + File.pathSeparator + BuiltJars.annotations();
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));

        compile(copySources(), List.of(
                "--release", "17",
                "-Xlint:all,-processing,-options",
                "-classpath", classpath,
                "-processorpath", processorJar.toString(),
                "-s", generated.toString(),
                "-d", classes.toString()));

        assertTrue(Files.isRegularFile(generated.resolve("demo/CountdownCoroutines.java")),
                "the processor generated no demo/CountdownCoroutines.java");
        assertEquals(List.of(
                        "generated: demo.CountdownCoroutines",
                        "A 3",
                        "B 2",
                        "A 2",
                        "B 1",
                        "A 1",
                        "done [3, 2]",
                        "C 1",
                        "direct: 1"),
                run(classes + File.pathSeparator + classpath, "demo.Main"));
    }

    private List<Path> copySources() throws IOException {
        List<Path> copied = new ArrayList<>();
        for (String source : SOURCES) {
            Path to = work.resolve("src").resolve(source);
            Files.createDirectories(to.getParent());
            try (InputStream in = PlainJavacTest.class.getResourceAsStream("/plainjavac/" + source)) {
                assertNotNull(in, "test resource plainjavac/" + source + " is missing");
                Files.copy(in, to);
            }
            copied.add(to);
        }
        return copied;
    }

    private static void compile(List<Path> sources, List<String> options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: tests must run on a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            ok = javac.getTask(output, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources.stream().map(Path::toFile).toList())).call();
        }
        String report = diagnostics.getDiagnostics().stream()
                .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)
                        + (d.getSource() == null ? "" : " (" + d.getSource().getName() + ":" + d.getLineNumber() + ")"))
                .collect(Collectors.joining("\n"));
        assertTrue(ok, () -> "plain javac failed with " + options + ":\n" + report + "\n" + output);
        // a valid program: no error, and no warning either (neither JCORO-W… nor -Xlint on generated code)
        boolean noisy = diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() != Diagnostic.Kind.NOTE);
        assertTrue(!noisy, () -> "plain javac reported errors or warnings on a valid DSL program:\n" + report);
    }

    private List<String> run(String classpath, String mainClass) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(java.toString(), "-cp", classpath, mainClass)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("java " + mainClass + " did not finish within " + RUN_TIMEOUT_SECONDS + " s; stdout so far:\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "java " + mainClass + " failed:\n" + stderr);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
