package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import java.io.File;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real sockets under load, on 127.0.0.1, bounded in time; in the {@code stress} profile (see
 * {@link StressTest} for how to run it). Each test also checks that the heap comes back to its
 * baseline ({@link HeapCheckedTest}).
 */
@Tag("stress")
class IoStressTest extends HeapCheckedTest {
    /** How long the child JVM of the clients may run. */
    private static final long CHILD_SECONDS = 240;

    private final List<String> loopReports = Collections.synchronizedList(new ArrayList<>());
    private volatile Process child;

    @AfterEach
    void killTheChildIfLeft() {
        Process p = child;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    // ------------------------------------------------------------ 10,000 connections

    /**
     * One loop serves 10,000 connections open at once (no handler says "go" before the last is
     * accepted), each exchanging 100 messages; the clients, one jcoro loop too, run in a child
     * JVM (20,000 descriptors would hit this process's cap of 20,000 open files). Each message
     * carries its connection's id and sequence number, checked by the server as it comes and by
     * the client in the echo.
     */
    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenThousandConnectionsEachExchangingAHundredMessages() throws Exception {
        int n = 10_000;
        int messages = 100;
        long fileLimit = Kernel.openFilesLimit();
        long ports = Kernel.ephemeralPorts();
        report("open files limit " + fileLimit + ", ephemeral ports " + ports + ", somaxconn " + Kernel.somaxconn());
        assertTrue(fileLimit > n + 1000, "this process may open only " + fileLimit + " files");
        assertTrue(ports > n, "only " + ports + " ephemeral ports");
        long overflowsBefore = Kernel.listenOverflows();

        IoWorkloads.EchoTally t = new IoWorkloads.EchoTally(n);
        Path output = Files.createTempFile("jcoro-echo-clients", ".log");
        EventLoop loop = newLoop();
        long start = System.nanoTime();
        int exit;
        try {
            exit = loop.runUntilComplete(Coro.create(IoWorkloads.class).serveEchoesTo(t,
                    port -> Coro.toThread(() -> runClients(port, n, messages, output))));
        } finally {
            loop.close();
        }
        long took = System.nanoTime() - start;
        List<String> childSaid = Files.readAllLines(output);
        Files.delete(output);
        childSaid.forEach(line -> report("child: " + line));

        assertEquals(0, exit, () -> "the clients failed: " + childSaid);
        assertEquals(n, t.peakLive, "every connection open at once");
        assertEquals(0, t.outOfOrder, () -> "messages out of order: " + t.firstProblems);
        assertEquals(0, t.malformed, () -> "malformed messages: " + t.firstProblems);
        for (int id = 0; id < n; id++) {
            assertEquals(messages, t.inOrder[id], "messages of connection " + id + " that came in order");
        }
        assertEquals(List.of(), loopReports);
        report(String.format(Locale.ROOT, "%,d connections x %d messages echoed in %.1f s (%,.0f messages/s);"
                        + " listen queue overflows meanwhile (whole host): %d",
                n, messages, took / 1e9, (double) n * messages / (took / 1e9),
                Kernel.listenOverflows() - overflowsBefore));
    }

    /** Starts the child JVM of the clients and waits for it: its exit status, or -1 if it ran out of time. */
    private int runClients(int port, int n, int messages, Path output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                EchoClients.class.getName(), String.valueOf(port), String.valueOf(n), String.valueOf(messages))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = builder.start();
        child = p;
        if (!p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    // ------------------------------------------------------------ 1,000 cancellations mid-read

    /**
     * 1,000 connections, both ends of each waiting in a read (the client's with part of a line
     * buffered); every client task and every server handler task is cancelled. Afterwards no
     * selector key is left but the server's (none once it is closed), every connection is
     * closed, this process has the files it had before the connections, and nothing keeps a
     * connection (or the buffers it owns) reachable.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aThousandConnectionsCancelledMidReadLeaveNothingBehind() throws Exception {
        int n = 1000;
        IoWorkloads.CancelTally t = new IoWorkloads.CancelTally();
        EventLoop loop = newLoop();
        try {
            loop.runUntilComplete(Coro.create(IoWorkloads.class).cancelMidRead(n, t));

            assertEquals(n, t.clientsReading, "clients waiting in their read");
            assertEquals(n, t.handlersReading, "handlers waiting in their read");
            assertEquals(2 * n + 1, t.registeredWhileReading, "both ends of each connection, and the server");
            assertTrue(t.openFilesWhileReading >= t.openFilesAtStart + 2 * n,
                    () -> t.openFilesAtStart + " files open at the start, " + t.openFilesWhileReading + " while reading");
            assertEquals(2 * n, t.endedCancelled, "client and handler tasks that ended cancelled");
            assertEquals(0, t.stillOpen, "connections still open after their task was cancelled");
            assertEquals(1, t.registeredAfterCancel, "selector keys left: the server's only");
            assertEquals(t.openFilesAtStart, t.openFilesAfterCancel, "open files after the cancellations");
            assertEquals(0, t.registeredAfterServerClosed, "selector keys left once the server closed");
            assertEquals(2 * n, t.everyConnection.size());
            assertTrue(allCollected(t.everyConnection), "a connection is still reachable with its tasks gone");
            assertEquals(List.of(), loopReports);
        } finally {
            loop.close();
        }
        report(String.format(Locale.ROOT, "%,d files open while reading, %,d after; %d selector keys while reading,"
                        + " %d after", t.openFilesWhileReading, t.openFilesAfterCancel, t.registeredWhileReading,
                t.registeredAfterCancel));
    }

    private EventLoop newLoop() {
        EventLoop loop = new EventLoop();
        loop.setExceptionHandler((l, message, e) -> loopReports.add(message + ": " + e));
        return loop;
    }

    /** Whether every referent is collected once garbage is (see {@link Heap#settledUsed()}). */
    private static boolean allCollected(List<? extends WeakReference<?>> refs) {
        Heap.settledUsed();
        return refs.stream().allMatch(r -> r.get() == null);
    }
}
