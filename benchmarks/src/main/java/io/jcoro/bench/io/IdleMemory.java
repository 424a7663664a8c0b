package io.jcoro.bench.io;

import io.jcoro.bench.memory.MemoryFootprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory per idle connection: one echo server in this JVM, {@code N} connections from a child
 * JVM ({@link EchoLoad} {@code idle}) that each echoed one 64-byte message (so every server-side
 * connection has been read from and waits in its next read), then held open. Measured before the
 * connections and while all N are open: the used heap after full GCs, and this process's
 * resident set ({@code VmRSS} of {@code /proc/self/status}).
 *
 * <pre>
 * java -Xms512m -Xmx512m -XX:+UseSerialGC -XX:+AlwaysPreTouch -cp ... io.jcoro.bench.io.IdleMemory SERVER [N [LOAD_CPUS]]
 * </pre>
 *
 * With the heap fixed and pre-touched, the resident set's growth is what grows outside the Java
 * heap (thread stacks, direct buffers, native socket state of the JDK); the kernel's own socket
 * buffers are in neither figure. Prints one JSON object.
 */
public final class IdleMemory {
    private IdleMemory() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String loadCpus = args.length > 2 ? args[2] : null;
        try (EchoServer server = EchoServer.start(kind)) {
            long heapBefore = MemoryFootprint.usedAfterFullGc();
            long rssBefore = residentBytes();
            EchoBench.Running clients = EchoBench.Child.load(loadCpus, "idle", server.port(), n);
            String ready = clients.readLine();
            awaitLive(server, n);
            long heapDuring = MemoryFootprint.usedAfterFullGc();
            long rssDuring = residentBytes();
            int exit = clients.stop();
            if (exit != 0) {
                throw new IOException("the clients failed (exit " + exit + ") after: " + ready);
            }
            System.out.printf(Locale.ROOT, "{\"server\":\"%s\",\"connections\":%d,\"heapBytesPerConnection\":%d,"
                            + "\"rssBytesPerConnection\":%d,\"heapBefore\":%d,\"heapDuring\":%d,\"rssBefore\":%d,\"rssDuring\":%d}%n",
                    kind, n, (heapDuring - heapBefore) / n, (rssDuring - rssBefore) / n,
                    heapBefore, heapDuring, rssBefore, rssDuring);
        }
    }

    /** Waits (at most a minute) until the server serves {@code n} connections. */
    private static void awaitLive(EchoServer server, int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (server.liveConnections() < n) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the server serves " + server.liveConnections() + " of " + n + " connections");
            }
            Thread.sleep(10);
        }
    }

    /** This process's resident set ({@code VmRSS}), in bytes; -1 where {@code /proc} does not say. */
    static long residentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }
}
