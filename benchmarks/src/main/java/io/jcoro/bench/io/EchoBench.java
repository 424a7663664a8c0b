package io.jcoro.bench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The echo benchmark: each server of this JVM against the same load generator ({@link EchoLoad}),
 * run as a child JVM per case, optionally pinned with {@code taskset} to other cores than this
 * JVM's; each case against every server in turn ({@link RunningServers}). Prints one JSON line per
 * case: the server, its CPU time per message while the load generator measured, then what the
 * load generator measured.
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.EchoBench [--servers jcoro,netty-nio,...] [--connections 1,100,1000]
 *     [--sizes 64,1024,16384] [--warmup SECONDS] [--measure SECONDS] [--load-cpus LIST]
 * </pre>
 *
 * {@code --load-cpus} is {@code taskset -c}'s list for the load generator (none: not pinned). The
 * servers are {@link EchoServer#KINDS} unless {@code --servers} says; one that cannot start here (the
 * native epoll library, Python's uvloop) is left out with a line on standard error.
 */
public final class EchoBench {
    private EchoBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        try (RunningServers servers = RunningServers.start(o.servers, EchoServer::start, "EchoBench")) {
            for (int connections : o.connections) {
                for (int size : o.sizes) {
                    for (Map.Entry<String, EchoServer> s : servers.byKind().entrySet()) {
                        measure(s.getKey(), s.getValue(), o, connections, size);
                    }
                }
            }
        }
    }

    /** One case against one server: prints its JSON line. */
    private static void measure(String kind, EchoServer server, Options o, int connections, int size) throws IOException {
        Running load = Child.load(o.loadCpus, "run", server.port(), connections, size,
                Math.round(o.warmupSeconds * 1000), Math.round(o.measureSeconds * 1000));
        load.expect("measuring");
        long cpuFrom = server.cpuNanos();
        String measured = load.readLine();
        long cpu = server.cpuNanos() - cpuFrom;
        load.waitFor();
        long messages = Long.parseLong(measured.replaceAll(".*\"messages\":(\\d+).*", "$1"));
        System.out.printf(Locale.ROOT, "{\"server\":\"%s\",\"serverCpuMicrosPerMessage\":%.2f,%s%n",
                kind, messages == 0 ? 0.0 : cpu / 1e3 / messages, measured.substring(1));
    }

    /**
     * This JVM's CPU time (every thread's: the server's, its GC's and JIT's). Per message, it is
     * what the run costs the server whatever else the machine runs, unlike messages per second.
     */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The command line. */
    static final class Options {
        List<String> servers = EchoServer.KINDS;
        int[] connections = {1, 100, 1000};
        int[] sizes = {64, 1024, 16 * 1024};
        double warmupSeconds = 2;
        double measureSeconds = 5;
        String loadCpus;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--servers": o.servers = Arrays.asList(value.split(",")); break;
                    case "--connections": o.connections = ints(value); break;
                    case "--sizes": o.sizes = ints(value); break;
                    case "--warmup": o.warmupSeconds = Double.parseDouble(value); break;
                    case "--measure": o.measureSeconds = Double.parseDouble(value); break;
                    case "--load-cpus": o.loadCpus = value; break;
                    default: throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }

        private static int[] ints(String list) {
            return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }

    /** The load generator's JVM: this JVM's {@code java} and class path, a small serial-GC heap. */
    public static final class Child {
        private Child() {}

        /**
         * Starts {@link EchoLoad} with {@code args} (pinned to {@code cpus} if not null); its
         * standard output to read, its standard input to write. Its standard error goes to ours.
         */
        static Running load(String cpus, Object... args) throws IOException {
            return jvm(cpus, EchoLoad.class, args);
        }

        /** Starts the {@code main} of {@code mainClass} as {@link #load} starts {@link EchoLoad}. */
        public static Running jvm(String cpus, Class<?> mainClass, Object... args) throws IOException {
            List<String> command = new ArrayList<>();
            if (cpus != null) {
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    mainClass.getName()));
            for (Object a : args) {
                command.add(String.valueOf(a));
            }
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Running(p);
        }
    }

    /** A running load generator. */
    public static final class Running {
        final Process process;
        private final BufferedReader out;

        Running(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Its next line of output; fails if it ended without one. */
        public String readLine() throws IOException {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the load generator ended without a result (exit "
                        + waitFor() + ")");
            }
            return line;
        }

        /** Reads its next line, which must be {@code expected}. */
        public void expect(String expected) throws IOException {
            String line = readLine();
            if (!line.equals(expected)) {
                throw new IOException("the load generator said " + line + ", not " + expected);
            }
        }

        /** Tells it to stop (a line on its standard input) and waits: its exit status. */
        int stop() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().close();
            return waitFor();
        }

        public int waitFor() throws IOException {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
