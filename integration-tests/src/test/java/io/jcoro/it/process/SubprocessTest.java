package io.jcoro.it.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.process.Subprocess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subprocesses on the event loop, against real children: {@code cat}, {@code head}, {@code sleep},
 * {@code sh}, and python3 peers (those tests are skipped where there is no {@code python3}). Every
 * program runs bounded in time.
 */
class SubprocessTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PIPE_THREAD = "jcoro-pipe-";
    private final Processes programs = Coro.create(Processes.class);
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    private final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    private final EventLoop loop = new EventLoop();

    /** Makes the program; may throw what the @Async methods declare. */
    @FunctionalInterface
    interface Program<T> {
        Coroutine<T> make() throws Exception;
    }

    private static boolean python;

    @BeforeAll
    static void lookForPython() {
        python = runs("python3", "--version");
    }

    /** The python3 peers are skipped where there is no {@code python3}. */
    private static void needsPython() {
        assumeTrue(python, "python3 is not installed");
    }

    @AfterEach
    void closeLoop() {
        loop.close();
        assertEquals(List.of(), reports);
    }

    private <T> T run(Program<T> program) {
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        return assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(program.make()));
    }

    private static String script(String name) throws Exception {
        return Path.of(SubprocessTest.class.getResource("/process/" + name).toURI()).toString();
    }

    @Test
    void linesGoThroughCatAndBack() {
        run(() -> programs.echoThroughCat(trace));
        assertEquals(List.of("pid true", "one", "tw\u00f6", "eof 0", "exit 0"), trace);
    }

    @Test
    void theReadmeExampleSorts() {
        assertEquals("a\nb\nc\n", run(() -> programs.sort("c\na\nb\n")));
    }

    @Test
    void aPythonPeerAnswersOnStdoutAndStderrAndExitsWithItsCode() throws Exception {
        needsPython();
        String peer = script("peer.py");
        run(() -> programs.talkToPeer(peer, trace));
        assertEquals(List.of("out:a", "err:a", "out:b", "err:b", "stdout end null", "exit 3"), trace);
    }

    @Test
    void communicateMovesTenMebibytesOfStdoutAndOfStderrWithoutDeadlock() throws Exception {
        needsPython();
        int size = 10 * 1024 * 1024;
        byte[] input = new byte[1024 * 1024 + 7];
        Subprocess.Output out = run(() -> programs.communicate(input, "python3", script("chatty.py"),
                String.valueOf(size)));
        assertEquals(0, out.exitCode(), () -> new String(out.stderr(), UTF_8));
        assertArrayEquals(pattern("o" + input.length, size), out.stdout());
        assertArrayEquals(pattern("e" + input.length, size), out.stderr());
    }

    /** What chatty.py writes: {@code unit} repeated, cut to {@code size} bytes per 64 KiB block. */
    private static byte[] pattern(String unit, int size) {
        int block = 64 * 1024;
        byte[] one = unit.repeat(block).substring(0, block).getBytes(UTF_8);
        byte[] all = new byte[size];
        for (int at = 0; at < size; at += block) {
            System.arraycopy(one, 0, all, at, Math.min(block, size - at));
        }
        return all;
    }

    @Test
    void exitCodesArriveUnchanged() {
        assertEquals(0, run(() -> programs.exitCodeOf("true")));
        assertEquals(7, run(() -> programs.exitCodeOf("sh", "-c", "exit 7")));
        assertEquals(255, run(() -> programs.exitCodeOf("sh", "-c", "exit 255")));
    }

    @Test
    void stdinDrainWaitsWhileTheChildCannotTakeMore() {
        run(() -> programs.drainWaitsForTheChild(trace));
        assertEquals(List.of("buffered above the high mark true", "drain waits",
                "drained, buffered below the low mark true", "read 1048576", "exit 0"), trace);
    }

    @Test
    void cancellingATaskThatWaitsForTheExitDoesNotKillTheProcess() {
        run(() -> programs.cancelledWaitDoesNotKill(trace));
        assertEquals(List.of("wait cancelled", "alive true exit code null", "still here", "exit 0"), trace);
    }

    @Test
    void terminateEndsTheProcessWithSigterm() {
        assertEquals(128 + 15, run(() -> programs.stopSleeper(false)));
    }

    @Test
    void killEndsTheProcessWithSigkill() {
        assertEquals(128 + 9, run(() -> programs.stopSleeper(true)));
    }

    @Test
    void aProgramThatDoesNotExistFailsTheAwaitWithIOException() {
        run(() -> programs.missingProgram(trace));
        assertEquals(List.of("java.io.IOException names it true"), trace);
    }

    @Test
    void stderrMergedIntoStdoutHasNoStream() throws Exception {
        needsPython();
        ProcessBuilder b = new ProcessBuilder("python3", script("peer.py"), "0").redirectErrorStream(true);
        run(() -> programs.redirected(b, "x\n".getBytes(UTF_8), trace));
        assertEquals(List.of("stdin true stdout true stderr false", "exit 0", "stdout out:x\nerr:x\n",
                "stderr null"), trace);
    }

    @Test
    void inheritedStreamsHaveNoStreams() {
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "exit 4").inheritIO();
        run(() -> programs.redirected(b, "ignored".getBytes(UTF_8), trace));
        assertEquals(List.of("stdin false stdout false stderr false", "exit 4", "stdout null", "stderr null"), trace);
    }

    @Test
    void aChattyChildIsHeldBackWhileTheParentReadsSlowly() {
        long size = 100L * 1024 * 1024;
        String[] child = {"head", "-c", String.valueOf(size), "/dev/zero"};
        int[] maxBuffered = {0};
        long total = run(() -> programs.readSlowly(child, maxBuffered));
        assertEquals(size, total);
        int limit = 64 * 1024;
        int chunk = 64 * 1024;
        assertTrue(maxBuffered[0] > limit, "the child outran the reader: " + maxBuffered[0]);
        assertTrue(maxBuffered[0] <= 2 * limit + chunk,
                "the reader held " + maxBuffered[0] + " bytes, more than its flow-control mark + one chunk");
    }

    @Test
    void stdoutReadAfterTheExitYieldsEveryByteThenTheEnd() {
        run(() -> programs.readAfterExit(trace, "head", "-c", "150000", "/dev/zero"));
        assertEquals(List.of("exit 0", "read 150000 eof true"), trace);
    }

    @Test
    void noPumpThreadStaysBehind() throws Exception {
        List<String> before = pipeThreads();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pids.add(run(() -> programs.communicateAndTellPid(trace, "cat")));
        }
        run(() -> programs.echoThroughCat(new ArrayList<>()));
        // a child that exits with its stdin still open: the stdin pump ends with it
        pids.add(run(() -> programs.exitAndTellPid("sh", "-c", "exit 0")));
        assertEquals(Collections.nCopies(5, "hello 0"), trace);
        for (long pid : pids) {
            awaitNoThreadsOf(pid);
        }
        awaitThreads(before);
    }

    @Test
    void closingTheLoopLeavesTheProcessRunningWarnsAndEndsItsPumpsWhenItEnds() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Logger logger = Logger.getLogger(Subprocess.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            Subprocess cat = run(programs::startCat);
            loop.close();
            ProcessHandle child = ProcessHandle.of(cat.pid()).orElseThrow();
            // the closed loop's stdin pump closes cat's stdin: cat ends on its own
            assertTimeoutPreemptively(BOUND, () -> child.onExit().get());
            awaitNoThreadsOf(cat.pid());
            assertEquals(List.of("WARNING event loop closed while subprocess " + cat.pid()
                    + " still runs: it is not killed; its stdin is closed and its output discarded"), warnings);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void communicateIgnoresABrokenStdinLikeAsyncio() throws Exception {
        needsPython();
        String child = "import sys; sys.stdout.write('bye'); sys.stderr.write('!'); sys.exit(5)";
        Subprocess.Output out = run(() -> programs.communicate(new byte[4 * 1024 * 1024], "python3", "-c", child));
        String jcoro = "exit " + out.exitCode() + " stdout " + new String(out.stdout(), UTF_8) + " stderr "
                + new String(out.stderr(), UTF_8);
        assertEquals(pythonTwin("communicate_twin.py"), jcoro);
    }

    // ------------------------------------------------------------------ helpers

    /** The one line the asyncio twin prints. */
    private static String pythonTwin(String name) throws Exception {
        return assertTimeoutPreemptively(BOUND, () -> {
            Process p = new ProcessBuilder("python3", script(name)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
                String line = out.readLine();
                assertEquals(0, p.waitFor(), line);
                return line;
            }
        });
    }

    private static List<String> pipeThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(PIPE_THREAD) && t.isAlive()) {
                names.add(t.getName());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Waits (bounded) until no pump thread of process {@code pid} is alive. */
    private static void awaitNoThreadsOf(long pid) throws InterruptedException {
        String prefix = PIPE_THREAD + pid + "-";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        while (!(left = pipeThreads().stream().filter(n -> n.startsWith(prefix)).toList()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), left, "pump threads of " + pid + " left behind");
    }

    /** Waits (bounded) until the pump threads are {@code expected}. */
    private static void awaitThreads(List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pipeThreads().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, pipeThreads(), "pump threads before and after");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
