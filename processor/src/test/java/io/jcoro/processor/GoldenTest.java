package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of generated code, pinned: each {@code golden/<case>/input} compiles, and every
 * generated source equals {@code golden/<case>/expected} to the byte. Never edit an expected file
 * by hand; regenerate them all with
 * {@code UPDATE_GOLDENS=$PWD/processor/src/test/resources mvn -pl processor test -Dtest=GoldenTest}
 * and review the diff.
 */
class GoldenTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path dir = resources().resolve("golden");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedSourcesMatchTheGoldens(String name) throws Exception {
        Path input = resources().resolve("golden").resolve(name).resolve("input");
        List<JavaFileObject> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(input)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
            }
        }
        Compilation compilation = CoroCompiler.compile(sources.toArray(new JavaFileObject[0]));
        assertThat(compilation).succeededWithoutWarnings();
        String update = System.getenv("UPDATE_GOLDENS");
        for (JavaFileObject generated : compilation.generatedSourceFiles()) {
            String path = generated.toUri().getPath();
            String relative = path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
            String text = generated.getCharContent(true).toString();
            if (update != null) {
                Path target = Path.of(update, "golden", name, "expected", relative);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
                continue;
            }
            Path expected = resources().resolve("golden").resolve(name).resolve("expected").resolve(relative);
            if (!Files.exists(expected)) {
                fail("no golden for " + relative + "; create it with UPDATE_GOLDENS=$PWD/processor/src/test/resources"
                        + " mvn -pl processor test -Dtest=GoldenTest");
            }
            assertEquals(Files.readString(expected), text, "generated " + relative + " differs from its golden");
        }
    }

    private static Path resources() throws URISyntaxException {
        return Path.of(GoldenTest.class.getClassLoader().getResource("golden").toURI()).getParent();
    }
}
