package io.jcoro.processor.debug;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.WrappedProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The frame classes javac writes from a generated file name the user's file and lines, here
 * under an in-memory file manager (Compile Testing keeps every output in memory; the
 * integration tests' DebuggerTest covers Maven's file manager and a debugger).
 */
class UserLinesTest {
    private static final String USERS = "golden/users/input/golden/Users.java";
    private static final String RESUME = "$resume()Ljava/lang/Object;";

    private static byte[] classFile(Compilation compilation, String path) throws IOException {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow(() -> new AssertionError("no class file " + path));
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        }
    }

    private static List<Integer> lines(ClassFileLines.Lines read, String method) {
        return read.methods().get(method).stream().map(ClassFileLines.Entry::line).toList();
    }

    @Test
    void aFrameClassNamesTheUsersFileAndLines() throws IOException {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource(USERS));
        assertThat(compilation).succeededWithoutWarnings();

        ClassFileLines.Lines fetchUser = ClassFileLines.read(classFile(compilation, "golden/Users$UsersCoroutines$$FetchUser.class"));
        assertEquals("Users.java", fetchUser.sourceFile());
        // the dispatch at the declaration's line, then the await, then the return
        assertEquals(List.of(22, 23, 24), lines(fetchUser, RESUME));
        for (Map.Entry<String, List<ClassFileLines.Entry>> method : fetchUser.methods().entrySet()) {
            if (!method.getKey().equals(RESUME)) {
                assertEquals(List.of(), method.getValue(), method.getKey() + " has no line of the user's");
            }
        }
        ClassFileLines.Lines main = ClassFileLines.read(classFile(compilation, "golden/Users$UsersCoroutines$$Main.class"));
        assertEquals("Users.java", main.sourceFile());
        assertEquals(List.of(35, 36, 37, 38), lines(main, RESUME));
    }

    @Test
    void theSmapLeadsBackToTheGeneratedFile() throws IOException {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource(USERS));
        ClassFileLines.Lines fetchUser = ClassFileLines.read(classFile(compilation, "golden/Users$UsersCoroutines$$FetchUser.class"));
        String generated = compilation.generatedSourceFile("golden.UsersCoroutines").orElseThrow()
                .getCharContent(true).toString();
        List<String> generatedLines = generated.lines().toList();
        String[] smap = fetchUser.debugExtension().split("\n");
        assertEquals(List.of("SMAP", "UsersCoroutines.java", "Java", "*S Generated", "*F", "+ 1 UsersCoroutines.java",
                "golden/UsersCoroutines.java", "*L"), List.of(smap).subList(0, 8));
        assertEquals("*E", smap[smap.length - 1]);
        // each user line leads to the generated line that prints it
        String await = smap[9]; // 'G#1:23': generated line G shows user line 23
        assertTrue(await.endsWith("#1:23"), await);
        int line = Integer.parseInt(await.substring(0, await.indexOf('#')));
        assertEquals("if ($await(sleep(Duration.ofMillis(500)), 1)) return $SUSPENDED;", generatedLines.get(line - 1).strip());
    }

    @Test
    void theGeneratedClassItselfKeepsItsOwnFile() throws IOException {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource(USERS));
        ClassFileLines.Lines outer = ClassFileLines.read(classFile(compilation, "golden/UsersCoroutines.class"));
        assertEquals("UsersCoroutines.java", outer.sourceFile());
        assertEquals(null, outer.debugExtension());
    }

    @Test
    void anOptionKeepsTheGeneratedFilesLines() throws IOException {
        Compilation compilation = CoroCompiler.compile(List.of("-Ajcoro.generatedLines"), CoroCompiler.resource(USERS));
        assertThat(compilation).succeededWithoutWarnings();
        ClassFileLines.Lines fetchUser = ClassFileLines.read(classFile(compilation, "golden/UsersCoroutines$$FetchUser.class"));
        assertEquals("UsersCoroutines.java", fetchUser.sourceFile());
        assertEquals(null, fetchUser.debugExtension());
        // and the generated names: it is the generated file that is debugged
        assertEquals(Optional.empty(), compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "golden/Users$UsersCoroutines$$FetchUser.class"));
        String generated = compilation.generatedSourceFile("golden.UsersCoroutines").orElseThrow()
                .getCharContent(true).toString();
        int first = fetchUser.methods().get(RESUME).get(0).line();
        assertEquals("switch ($label) {", generated.lines().toList().get(first - 1).strip());
    }

    /**
     * JCORO-W003: a class file that cannot be rewritten (here, another processor holds its new name
     * through the Filer already) stays as javac wrote it, under its old name, with one warning.
     */
    @Test
    void aClassFileThatCannotBeRewrittenIsAWarning() throws IOException {
        WrappedProcessor holding = new WrappedProcessor() {
            @Override
            protected void beforeInit(ProcessingEnvironment env) {
                // runs before the processor's own listener: creates the renamed file through the Filer first
                JavacTask.instance(env).addTaskListener(new TaskListener() {
                    @Override
                    public void finished(TaskEvent event) {
                        if (event.getKind() == TaskEvent.Kind.GENERATE
                                && event.getTypeElement().getSimpleName().contentEquals("$FetchUser")) {
                            hold(env, "Users$UsersCoroutines$$FetchUser.class");
                        }
                    }
                });
            }
        };
        Compilation compilation = Compiler.javac().withProcessors(holding).compile(CoroCompiler.resource(USERS));
        assertThat(compilation).succeeded();
        List<String> warnings = compilation.warnings().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("[JCORO-W003] the class file of golden.UsersCoroutines$$FetchUser keeps its "
                + "name and the generated file's lines: javax.annotation.processing.FilerException: Attempt to reopen a file"),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith(
                "hint: a debugger shows the generated file for this class; report the failure with the class file"));
        assertEquals(Diagnostic.Kind.WARNING, compilation.warnings().get(0).getKind());
        assertEquals("UsersCoroutines.java",
                ClassFileLines.read(classFile(compilation, "golden/UsersCoroutines$$FetchUser.class")).sourceFile());
        // the other frames are rewritten all the same
        assertEquals("Users.java",
                ClassFileLines.read(classFile(compilation, "golden/Users$UsersCoroutines$$Main.class")).sourceFile());
    }

    /** Creates an empty class output file through the Filer: the Filer then holds it. */
    private static void hold(ProcessingEnvironment env, String name) {
        try (OutputStream out = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "golden", name)
                .openOutputStream()) {
            out.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
