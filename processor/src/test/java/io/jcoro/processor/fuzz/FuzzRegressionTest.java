package io.jcoro.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases the differential fuzzer found, minimized by hand, under
 * {@code src/test/resources/programs/fuzz-regressions/}: each {@code Name.methods} holds pairs
 * {@code mX(int n, String s)} / {@code mXPlain(int n, String s)}, placed after the fuzzer's helper
 * prelude ({@link BodyGenerator#prelude}, the one copy of it) in class {@code fuzzregressions.Name};
 * they must compile without any jcoro diagnostic and run alike for a few arguments.
 *
 * <p>{@code -Djcoro.fuzz.file=/path/Name.java} checks any such file instead (to minimize a case).
 */
class FuzzRegressionTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AwaitOperandBeforeAnotherAwait", "ResourcesSyncThenAsync", "ResourcesInLoopInFinally",
            "ResourcesCloseOrder", "ResourcesCloseOrder2", "PatternVariableBeforeAwait"})
    void regression(String name) throws Exception {
        String methods;
        try (java.io.InputStream in = FuzzRegressionTest.class.getClassLoader()
                .getResourceAsStream("programs/fuzz-regressions/" + name + ".methods")) {
            methods = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        check(JavaFileObjects.forSourceString("fuzzregressions." + name, program("fuzzregressions", name, methods)),
                "fuzzregressions." + name);
    }

    @Test
    void fileFromProperty() throws Exception {
        String file = System.getProperty("jcoro.fuzz.file");
        if (file == null) {
            return;
        }
        Path path = Path.of(file);
        String source = Files.readString(path);
        String simple = path.getFileName().toString().replace(".java", "");
        String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst()
                .map(l -> l.substring(8, l.indexOf(';'))).orElseThrow();
        check(JavaFileObjects.forSourceString(pkg + "." + simple, source), pkg + "." + simple);
    }

    static void check(JavaFileObject source, String type) throws Exception {
        Compilation compilation = CoroCompiler.compile(source);
        List<String> diagnostics = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            if (d.getKind() == Diagnostic.Kind.ERROR || message.contains("JCORO-")) {
                diagnostics.add(d.getKind() + " line " + d.getLineNumber() + ": " + message);
            }
        }
        assertEquals(List.of(), diagnostics, "diagnostics");
        assertEquals(Compilation.Status.SUCCESS, compilation.status());
        Class<?> generated = CoroCompiler.classLoader(compilation).loadClass(type + "Coroutines");
        Constructor<?> constructor = generated.getDeclaredConstructor(Consumer.class);
        constructor.setAccessible(true);
        List<String> names = new ArrayList<>();
        for (Method m : generated.getSuperclass().getDeclaredMethods()) {
            if (m.getName().endsWith("Plain") && m.getParameterCount() == 2 && Modifier.isPublic(m.getModifiers())) {
                names.add(m.getName().substring(0, m.getName().length() - "Plain".length()));
            }
        }
        assertTrue(!names.isEmpty(), "no method pairs in " + type);
        List<String> failures = new ArrayList<>();
        for (String name : names.stream().sorted().collect(Collectors.toList())) {
            String fixedN = System.getProperty("jcoro.fuzz.n");
            // the arguments the fuzzer ran the regression programs with, and a few more
            Object[][] args = fixedN == null
                    ? new Object[][] {{0, "ab"}, {1, "ab"}, {5, "ab"}, {9, ""}, {8, "xyz"}, {-1, "k1"}, {0, "k1"}}
                    : new Object[][] {{Integer.parseInt(fixedN), System.getProperty("jcoro.fuzz.s", "ab")}};
            for (Object[] arg : args) {
                int n = (Integer) arg[0];
                String str = (String) arg[1];
                String difference = Twins.difference(Twins.runPlain(constructor, name, n, str),
                        Twins.runAsync(constructor, name, n, str));
                if (!difference.isEmpty()) {
                    failures.add(name + "(" + n + ", \"" + str + "\"):\n" + difference);
                }
            }
        }
        assertEquals(List.of(), failures, type);
    }

    /** Writes {@code methods} (async and plain sources) with the prelude into a program file. */
    static String program(String packageName, String simpleName, String methods) throws IOException {
        return BodyGenerator.prelude(packageName, simpleName) + methods + "}\n";
    }
}
