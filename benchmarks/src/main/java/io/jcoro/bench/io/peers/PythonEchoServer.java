package io.jcoro.bench.io.peers;

import io.jcoro.bench.io.EchoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The asyncio or uvloop twin of jcoro's echo ({@code scripts/echo_asyncio.py}), run as a child
 * process of this JVM (so on the same cores, {@code taskset}'s affinity being inherited). Its
 * CPU time is the child's, from {@code /proc/PID/stat}; it does not report its live connections.
 */
public final class PythonEchoServer implements EchoServer {
    /** The interpreter: Debian's, which has {@code python3-uvloop} (another on the PATH may not). */
    static final String PYTHON = System.getProperty("jcoro.bench.python", "/usr/bin/python3");
    /** The script, relative to the repository's root (the benchmarks' working directory). */
    static final String SCRIPT = System.getProperty("jcoro.bench.scripts", "scripts") + "/echo_asyncio.py";

    private final Process process;
    private final int port;

    private PythonEchoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the twin on {@code loop}: {@code asyncio} or {@code uvloop}. */
    public static PythonEchoServer start(String loop) throws IOException {
        Process p = new ProcessBuilder(PYTHON, SCRIPT, "--loop", loop)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("port ")) {
            p.destroyForcibly();
            throw new IOException("the " + loop + " echo server did not start (it said " + line + ")");
        }
        return new PythonEchoServer(p, Integer.parseInt(line.substring(5).trim()));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int liveConnections() {
        throw new UnsupportedOperationException("the Python twins do not report their connections");
    }

    /** The child's user and system time so far ({@code /proc/PID/stat}, in clock ticks of 10 ms). */
    @Override
    public long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 10_000_000L;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close(); // the script stops when its standard input ends
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
