package io.jcoro.it.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A Maven local repository in which the {@code io.jcoro} artifacts are the ones this build just
 * made, as {@code mvn install} would put them, and every other group is a link into the user's own
 * local repository (so plugins and libraries resolve from there, offline when they are present).
 * Nothing is written into the user's repository for jcoro, and a stale installed snapshot is never
 * picked up.
 */
final class ReactorRepository {
    private ReactorRepository() {}

    static Path create(Path at, Path projectRoot, Path userRepository, String version) throws IOException {
        Files.createDirectories(at);
        linkAllBut(userRepository, at, "io");
        Path io = Files.createDirectories(at.resolve("io"));
        linkAllBut(userRepository.resolve("io"), io, "jcoro");

        install(at, "jcoro-parent", version, projectRoot.resolve("pom.xml"), null);
        install(at, "jcoro-annotations", version, projectRoot.resolve("annotations/pom.xml"),
                jar(projectRoot, "annotations", "jcoro-annotations", version));
        install(at, "jcoro-runtime", version, projectRoot.resolve("runtime/pom.xml"),
                jar(projectRoot, "runtime", "jcoro-runtime", version));
        // the shaded jar goes with the pom the shade plugin reduced (no shaded dependencies left in it)
        install(at, "jcoro-processor", version, projectRoot.resolve("processor/dependency-reduced-pom.xml"),
                jar(projectRoot, "processor", "jcoro-processor", version));
        return at;
    }

    private static Path jar(Path root, String module, String artifactId, String version) {
        return root.resolve(module).resolve("target").resolve(artifactId + "-" + version + ".jar");
    }

    private static void install(Path repo, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("io/jcoro").resolve(artifactId).resolve(version));
        String base = artifactId + "-" + version;
        Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException(jar + " is missing: build the project with `mvn -B verify` from its root");
            }
            Files.copy(jar, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
                }
            }
        }
    }
}
