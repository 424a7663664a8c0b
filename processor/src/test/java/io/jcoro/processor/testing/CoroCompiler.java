package io.jcoro.processor.testing;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.CoroutineProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** javac with the jcoro processor, and a class loader over what it compiled. */
public final class CoroCompiler {
    /** HotSpot compiles no method of more bytecode bytes than this ({@code -XX:+DontCompileHugeMethods}). */
    public static final int JIT_LIMIT = 8000;

    private CoroCompiler() {}

    public static Compilation compile(JavaFileObject... sources) {
        return compile(java.util.List.of(), sources);
    }

    /** With extra javac options, such as {@code -Ajcoro.partBudget=200}. */
    public static Compilation compile(java.util.List<String> options, JavaFileObject... sources) {
        return compile("17", options, sources);
    }

    /** For Java {@code release}: Java 21 sources (patterns in switch) need a javac of 21 or later. */
    public static Compilation compile(String release, java.util.List<String> options, JavaFileObject... sources) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("-Xlint:all,-processing", "--release", release));
        all.addAll(options);
        return Compiler.javac()
                .withProcessors(new CoroutineProcessor())
                .withOptions(all)
                .compile(sources);
    }

    /**
     * Each method of each generated frame class, {@code Type.name(desc)}, to its bytecode size;
     * a frame counts twice, under its name and under javac's (Compile Testing's file manager keeps
     * javac's file, see docs/debugging.md), with the same code.
     */
    public static Map<String, Integer> frameMethodSizes(Compilation compilation) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (file.getKind() == JavaFileObject.Kind.CLASS && path.contains("Coroutines")) {
                try (InputStream in = file.openInputStream()) {
                    String type = path.substring(path.lastIndexOf('/') + 1);
                    ClassFiles.codeLengths(in.readAllBytes()).forEach((method, size) -> sizes.put(type + "." + method, size));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sizes;
    }

    /**
     * Compiles the sources at {@code resources} (under {@code src/test/resources}), asserts that
     * they compile without a warning, and loads what they produced.
     */
    public static ClassLoader compileCleanly(String... resources) {
        Compilation compilation = compile(java.util.Arrays.stream(resources).map(CoroCompiler::resource)
                .toArray(JavaFileObject[]::new));
        com.google.testing.compile.CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
        return classLoader(compilation);
    }

    /** A source file from {@code src/test/resources/<path>}. */
    public static JavaFileObject resource(String path) {
        URL url = CoroCompiler.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        return JavaFileObjects.forResource(url);
    }

    /** Loads the classes {@code compilation} produced, over the test class path (which has the runtime). */
    public static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String name = file.toUri().getPath();
            name = name.substring(name.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), name.length() - ".class".length())
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(CoroCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
