package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test against the reference semantics: each {@link SeedScenario} is played by the
 * jcoro code on a virtual-time loop and by its Python asyncio twin
 * ({@code oracle/<seed>.py}, {@link SeedScenario#script()}, on a virtual-time asyncio loop), and the two traces, stamps
 * included, must be identical. Skipped, with a message, where {@code python3} is not on the PATH.
 */
class OracleTest {
    private static final String PYTHON = "python3";
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path oracleDir;

    @BeforeAll
    static void copyOracleScripts() throws IOException {
        List<String> scripts = new java.util.ArrayList<>(List.of("virtual_loop.py"));
        for (SeedScenario.Script script : SeedScenario.Script.values()) {
            scripts.add(script.fileName);
        }
        for (String script : scripts) {
            try (InputStream in = OracleTest.class.getResourceAsStream("/oracle/" + script)) {
                if (in == null) {
                    fail("test resource oracle/" + script + " is missing");
                }
                Files.copy(in, oracleDir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SeedScenario.class)
    void javaTraceEqualsPythonAsyncioTrace(SeedScenario scenario) throws Exception {
        assumeTrue(pythonAvailable(), PYTHON + " is not on the PATH: the asyncio oracle comparison is skipped");

        List<String> python = runOracle(scenario.script().fileName, scenario.pythonName());
        List<String> java = scenario.trace();

        assertTrue(!python.isEmpty(), "the oracle printed nothing for " + scenario.pythonName());
        assertEquals(python, java, "jcoro trace differs from Python asyncio's for " + scenario.pythonName());
    }

    private static List<String> runOracle(String script, String scenario) throws IOException, InterruptedException {
        Path out = oracleDir.resolve(scenario + ".out");
        Path err = oracleDir.resolve(scenario + ".err");
        ProcessBuilder builder = new ProcessBuilder(PYTHON, script, scenario)
                .directory(oracleDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the Python oracle did not finish " + scenario + " within " + TIMEOUT_SECONDS + " s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "the Python oracle failed on " + scenario + ":\n" + stderr);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static boolean pythonAvailable() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
