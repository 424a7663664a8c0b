package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recursion through awaits bounded by the heap, not by the stack, in a fresh JVM with the default
 * stack (a child JVM: a cold JVM interprets, with the largest frames, and its first
 * StackOverflowError is the one that used to break the JDK's stack-trace code). The timeouts are
 * hang guards only: before, the child never returned or died of a StackOverflowError.
 */
@Tag("stress")
class DeepRecursionStressTest {

    /** Runs {@code Recursion.main(args)} in a child JVM with {@code jvmArgs}; its one line of output. */
    private static String child(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Recursion.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(100, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        System.out.println("[stress] Recursion " + String.join(" ", args) + " " + jvmArgs + ": " + out);
        assertTrue(ended, "the child JVM did not finish: " + out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHundredThousandLevelsInAFreshJvm() throws Exception {
        assertTrue(child(List.of(), "sum", "100000").startsWith("sum=5000050000 "));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionLevelsInAFreshJvmWithASmallStack() throws Exception {
        assertTrue(child(List.of("-Xss256k", "-Xmx1g"), "sum", "1000000").startsWith("sum=500000500000 "));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFailureCrossingAHundredThousandLevelsInAFreshJvm() throws Exception {
        String out = child(List.of(), "fail", "100000");
        String prefix = "failed, trace=";
        assertTrue(out.startsWith(prefix), out);
        int trace = Integer.parseInt(out.substring(prefix.length(), out.indexOf(' ', prefix.length())));
        assertTrue(trace > 100_000, out); // every level, after the Java frames
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStackOverflowInABodyEndsTheRunInAFreshJvm() throws Exception {
        assertTrue(child(List.of(), "overflow").startsWith("StackOverflowError, then a trace of "));
    }
}
