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
    private CoroCompiler() {}

    public static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new CoroutineProcessor())
                .withOptions("-Xlint:all,-processing", "--release", "17")
                .compile(sources);
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
