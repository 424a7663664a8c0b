package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an IDE finds in the published artifacts: the libraries a user compiles against
 * (annotations, runtime, the test kit) come with {@code -sources} and {@code -javadoc} jars, so hovering a jcoro
 * name shows its Javadoc and navigating opens its source; the processor jar, self-contained, holds
 * nothing outside its own package (its shaded dependencies are relocated under it), so nothing of
 * it leaks into a user's completion lists.
 */
class PublishedArtifactsTest {

    @Test
    void runtimeAndAnnotationsAttachSourcesAndJavadoc() throws IOException {
        Set<String> runtimeSources = entries(BuiltJars.attached("runtime", "jcoro-runtime", "sources"));
        assertTrue(runtimeSources.containsAll(List.of("io/jcoro/Coro.java", "io/jcoro/EventLoop.java",
                "io/jcoro/sync/Mutex.java")), () -> "runtime sources jar lacks the public API: " + runtimeSources);

        Set<String> runtimeDocs = entries(BuiltJars.attached("runtime", "jcoro-runtime", "javadoc"));
        assertTrue(runtimeDocs.containsAll(List.of("io/jcoro/Coro.html", "io/jcoro/Task.html",
                "io/jcoro/sync/Mutex.html", "index.html")), () -> "runtime javadoc jar lacks pages: " + runtimeDocs);
        assertEquals(Set.of(), runtimeDocs.stream().filter(e -> e.startsWith("io/jcoro/internal/"))
                .collect(Collectors.toSet()), "internal classes are not documented as API");

        assertTrue(entries(BuiltJars.attached("annotations", "jcoro-annotations", "sources"))
                .contains("io/jcoro/annotations/Async.java"));
        assertTrue(entries(BuiltJars.attached("annotations", "jcoro-annotations", "javadoc"))
                .contains("io/jcoro/annotations/Async.html"));
    }

    @Test
    void testKitAttachesSourcesAndJavadoc() throws IOException {
        assertTrue(entries(BuiltJars.attached("test-kit", "jcoro-test", "sources"))
                .containsAll(List.of("io/jcoro/test/AsyncTest.java", "io/jcoro/test/TestTime.java")));
        assertTrue(entries(BuiltJars.attached("test-kit", "jcoro-test", "javadoc"))
                .containsAll(List.of("io/jcoro/test/AsyncTest.html", "io/jcoro/test/JcoroTest.html",
                        "io/jcoro/test/TestTime.html")));
    }

    @Test
    void processorJarHoldsOnlyItsOwnPackage() throws IOException {
        Set<String> foreign = new TreeSet<>();
        for (String entry : entries(BuiltJars.processor())) {
            if (entry.endsWith(".class") && !entry.startsWith("io/jcoro/processor/")) {
                foreign.add(entry);
            }
        }
        assertEquals(Set.of(), foreign, "classes outside io.jcoro.processor in the processor jar");
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
