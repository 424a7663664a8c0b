package io.jcoro.it.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jcoro.it.quickstart.Readme.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, exactly as a new user pastes it: the {@code Users.java} at the top of
 * the page, the {@code pom.xml} and the command under "With Maven", and the commands under "With
 * plain javac", each taken from README.md when the test runs (so the README and the test cannot
 * drift), built and run in a fresh folder with the JDK running this test, against the artifacts
 * this build made. What the program prints must be what the README's example promises.
 */
class ReadmeQuickStartTest {
    private static final Path ROOT = Path.of(System.getProperty("jcoro.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("jcoro.version", "0.1.0-SNAPSHOT");
    private static final List<String> PROMISED =
            List.of("Processed: User 1", "Processed: User 2", "Processed: User 3");
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path work;

    @Test
    void mavenQuickStartBuildsAndRunsAsPasted() throws Exception {
        Readme readme = Readme.of(ROOT);
        Path project = Files.createDirectories(work.resolve("users"));
        Files.writeString(project.resolve("pom.xml"), readme.blockAfter("### With Maven", "xml").text());
        Path sources = Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(sources.resolve("Users.java"), readme.first("java").text());

        Block command = readme.blockAfter("### With Maven", "sh");
        List<String> words = List.of(command.text().trim().split("\\s+"));
        assertEquals("mvn", words.get(0), "README.md line " + command.line() + " should be a mvn command");

        Path repository = ReactorRepository.create(work.resolve("repository"), ROOT, userRepository(), VERSION);
        List<String> mvn = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp",
                "-Dmaven.repo.local=" + repository, "-Dstyle.color=never"));
        mvn.addAll(words.subList(1, words.size()));

        assertPrintsWhatIsPromised(run(mvn, project));
    }

    @Test
    void plainJavacQuickStartBuildsAndRunsAsPasted() throws Exception {
        Readme readme = Readme.of(ROOT);
        Files.writeString(work.resolve("Users.java"), readme.first("java").text());
        copyJar("processor", "jcoro-processor");
        copyJar("runtime", "jcoro-runtime");
        copyJar("annotations", "jcoro-annotations");

        Block commands = readme.blockAfter("### With plain javac", "sh");
        assertPrintsWhatIsPromised(run(List.of("bash", "-euc", commands.text()), work));
    }

    private void assertPrintsWhatIsPromised(String printed) {
        String output = printed.replaceAll("\u001B\\[[0-9;]*m", ""); // Maven 3.8 resets colours even when quiet
        for (String line : PROMISED) {
            assertTrue(output.lines().anyMatch(line::equals), () -> "expected \"" + line + "\" in:\n" + output);
        }
    }

    private void copyJar(String module, String artifactId) throws IOException {
        Path built = ROOT.resolve(module).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
        Files.copy(built, work.resolve(artifactId + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code command} in {@code dir} with this JDK first on the PATH; returns its output. */
    private static String run(List<String> command, Path dir) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", ""));
        env.remove("MAVEN_OPTS");
        Path log = Files.createTempFile(dir, "output", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(command + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output);
        return output;
    }

    private static String mavenExecutable() {
        String home = System.getProperty("jcoro.mavenHome", "");
        Path mvn = Path.of(home, "bin", "mvn");
        return !home.isEmpty() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static Path userRepository() {
        String repo = System.getProperty("jcoro.localRepository", "");
        return repo.isEmpty() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(repo);
    }
}
