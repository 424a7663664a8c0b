package io.jcoro.bench.io.http;

import io.jcoro.bench.io.EchoServer;
import io.jcoro.bench.io.RunningServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP/1.1 plaintext benchmark: each server of {@link HelloServers} in this JVM, loaded by
 * {@code wrk} (one thread, keep-alive, one request in flight per connection), optionally pinned
 * with {@code taskset} to other cores than this JVM's. Per server and connection count: a warm-up
 * run of wrk, then the measured one. Prints one JSON line per case: requests per second, wrk's
 * p50/p99 latency, the server's CPU time per request and wrk's own CPU share (its user and system
 * time over the run: near 1.0, wrk may be the bottleneck).
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.http.HttpBench [--servers jcoro,netty-nio,...] [--connections 100,1000]
 *     [--warmup SECONDS] [--measure SECONDS] [--load-cpus LIST]
 * </pre>
 *
 * Each connection count goes round every server in turn ({@link RunningServers}); a server that
 * cannot start here (Helidon on a JDK 17 build, the native epoll library) is left out with a line
 * on standard error.
 */
public final class HttpBench {
    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        List<String> servers = HelloServers.KINDS;
        int[] connections = {100, 1000};
        int warmup = 2;
        int measure = 5;
        String loadCpus = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--servers": servers = Arrays.asList(value.split(",")); break;
                case "--connections": connections = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray(); break;
                case "--warmup": warmup = Integer.parseInt(value); break;
                case "--measure": measure = Integer.parseInt(value); break;
                case "--load-cpus": loadCpus = value; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (RunningServers running = RunningServers.start(servers, HelloServers::start, "HttpBench")) {
            for (int c : connections) {
                for (Map.Entry<String, EchoServer> s : running.byKind().entrySet()) {
                    measure(s.getKey(), s.getValue(), loadCpus, c, warmup, measure);
                }
            }
        }
    }

    /** One case against one server: a warm-up run of wrk, then the measured one; prints its JSON line. */
    private static void measure(String kind, EchoServer server, String loadCpus, int connections, int warmup,
            int measure) throws IOException, InterruptedException {
        Wrk.run(loadCpus, server.port(), connections, warmup);
        long cpuFrom = server.cpuNanos();
        Wrk result = Wrk.run(loadCpus, server.port(), connections, measure);
        long cpu = server.cpuNanos() - cpuFrom;
        System.out.printf(Locale.ROOT, "{\"server\":\"%s\",\"connections\":%d,\"seconds\":%d,"
                        + "\"requests\":%d,\"requestsPerSecond\":%.0f,\"p50Micros\":%.1f,\"p99Micros\":%.1f,"
                        + "\"errors\":%d,\"serverCpuMicrosPerRequest\":%.2f,\"loadCpuShare\":%.2f}%n",
                kind, connections, measure, result.requests, result.requests / (double) measure,
                result.p50Micros, result.p99Micros, result.errors,
                result.requests == 0 ? 0.0 : cpu / 1e3 / result.requests, result.cpuSeconds / measure);
    }

    /** One run of wrk, and what it said. */
    static final class Wrk {
        long requests;
        long errors;
        double p50Micros;
        double p99Micros;
        double cpuSeconds;

        /**
         * Runs {@code wrk -t1 -cN -dS --latency} against 127.0.0.1:{@code port}, in a shell that
         * then prints its own {@code /proc} stat, whose {@code cutime}/{@code cstime} are wrk's CPU
         * time (a child's, once reaped).
         */
        static Wrk run(String cpus, int port, int connections, int seconds) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            if (cpus != null) {
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.addAll(List.of("sh", "-c", "wrk -t1 -c" + connections + " -d" + seconds + "s --latency "
                    + "http://127.0.0.1:" + port + "/ && cat /proc/$$/stat"));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (p.waitFor() != 0) {
                throw new IOException("wrk failed: " + out);
            }
            return parse(out);
        }

        private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
        private static final Pattern ERRORS = Pattern.compile(
                "(?:Non-2xx or 3xx responses: (\\d+))|(?:Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+))");

        static Wrk parse(String out) throws IOException {
            Wrk w = new Wrk();
            Matcher total = TOTAL.matcher(out);
            if (!total.find()) {
                throw new IOException("no request count in wrk's output: " + out);
            }
            w.requests = Long.parseLong(total.group(1));
            for (Matcher e = ERRORS.matcher(out); e.find(); ) {
                for (int g = 1; g <= e.groupCount(); g++) {
                    w.errors += e.group(g) == null ? 0 : Long.parseLong(e.group(g));
                }
            }
            w.p50Micros = percentile(out, "50%");
            w.p99Micros = percentile(out, "99%");
            String[] lines = out.strip().split("\n");
            String stat = lines[lines.length - 1];
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            w.cpuSeconds = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0; // cutime, cstime: 10 ms ticks
            return w;
        }

        /** A line of wrk's latency distribution ({@code "  99%    1.20ms"}), in microseconds. */
        private static double percentile(String out, String label) throws IOException {
            Matcher m = Pattern.compile("^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                    .matcher(out);
            if (!m.find()) {
                throw new IOException("no " + label + " latency in wrk's output: " + out);
            }
            double value = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "us": return value;
                case "ms": return value * 1e3;
                default: return value * 1e6;
            }
        }
    }
}
