package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars the reactor built, as a user would get them: {@code <module>/target/<artifactId>-*.jar}
 * (the processor's is the shaded one), else the local repository's copy. The pom passes the
 * folders as system properties; run from an IDE, the defaults are relative to this module.
 */
final class BuiltJars {
    private BuiltJars() {}

    static Path processor() {
        return find("processor", "jcoro-processor");
    }

    static Path runtime() {
        return find("runtime", "jcoro-runtime");
    }

    static Path annotations() {
        return find("annotations", "jcoro-annotations");
    }

    /**
     * The jar the reactor attached beside the main one, such as {@code jcoro-runtime-<v>-sources.jar}
     * ({@code classifier} "sources" or "javadoc"); fails the test if the module did not build it.
     */
    static Path attached(String module, String artifactId, String classifier) {
        Path main = find(module, artifactId);
        String name = main.getFileName().toString();
        Path jar = main.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-" + classifier + ".jar");
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar.getFileName() + " beside " + main + ": the " + module + " module must attach its "
                    + classifier + " jar (maven-" + classifier + "-plugin in its pom)");
        }
        return jar;
    }

    private static Path find(String module, String artifactId) {
        String version = System.getProperty("jcoro.version", "");
        Path target = Path.of(System.getProperty("jcoro." + module + ".target", "../" + module + "/target"));
        Path exact = target.resolve(artifactId + "-" + version + ".jar");
        if (!version.isEmpty() && Files.isRegularFile(exact)) {
            return exact.toAbsolutePath().normalize();
        }
        List<Path> candidates = mainJarsIn(target, artifactId);
        if (candidates.size() == 1) {
            return candidates.get(0).toAbsolutePath().normalize();
        }
        String repo = System.getProperty("jcoro.localRepository", "");
        if (!repo.isEmpty() && !version.isEmpty()) {
            Path installed = Path.of(repo, "io", "jcoro", artifactId, version, artifactId + "-" + version + ".jar");
            if (candidates.isEmpty() && Files.isRegularFile(installed)) {
                return installed;
            }
        }
        return fail("cannot find the " + artifactId + " jar in " + target.toAbsolutePath().normalize()
                + (candidates.isEmpty() ? "" : " (several candidates: " + candidates + ")")
                + " nor in the local repository; build it with `mvn -B verify` from the root");
    }

    /** {@code <artifactId>-*.jar}, not the shade plugin's {@code original-*}, sources or javadoc. */
    private static List<Path> mainJarsIn(Path target, String artifactId) {
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(artifactId + "-")
                                && name.endsWith(".jar")
                                && !name.endsWith("-sources.jar")
                                && !name.endsWith("-javadoc.jar")
                                && !name.endsWith("-tests.jar");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
