package io.jcoro.bench.io.tls;

import io.jcoro.Coro;
import io.jcoro.bench.io.EchoBench;
import io.jcoro.bench.io.EchoHandler;
import io.jcoro.bench.io.EchoServer;
import io.jcoro.bench.io.JcoroEchoServer;
import io.jcoro.bench.io.RunningServers;
import io.jcoro.bench.io.peers.NettyEchoServer;
import io.jcoro.net.Tls;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * TLS echo: jcoro's {@link EchoHandler} behind {@code Net.startServer(..., Tls.server(context))}
 * on one loop, against Netty's echo behind an {@link SslHandler} on the JDK's {@link SSLEngine}
 * (NIO transport, one event loop), the same JDK context and certificate for both, loaded by
 * {@link TlsLoad} in a JVM of its own: full handshakes per second, and echo round trips over one
 * established connection each, each case against both servers in turn. Prints one JSON line per
 * server and case.
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.tls.TlsBench [--warmup SECONDS] [--measure SECONDS] [--load-cpus LIST]
 *     [--concurrency 8] [--connections 1,10] [--sizes 1024,16384]
 * </pre>
 */
public final class TlsBench {
    private TlsBench() {}

    static final List<String> KINDS = List.of("jcoro", "netty-nio");

    public static void main(String[] args) throws Exception {
        int warmup = 2;
        int measure = 3;
        String loadCpus = null;
        int concurrency = 8;
        int[] connections = {1, 10}; // each echo connection's handshake happens in the warm-up
        int[] sizes = {1024, 16 * 1024};
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--warmup": warmup = Integer.parseInt(value); break;
                case "--measure": measure = Integer.parseInt(value); break;
                case "--load-cpus": loadCpus = value; break;
                case "--concurrency": concurrency = Integer.parseInt(value); break;
                case "--connections": connections = ints(value); break;
                case "--sizes": sizes = ints(value); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SSLContext context = BenchTls.server();
        try (RunningServers running = RunningServers.start(KINDS, kind -> start(kind, context), "TlsBench")) {
            Map<String, EchoServer> servers = running.byKind();
            for (Map.Entry<String, EchoServer> s : servers.entrySet()) {
                run(s.getValue(), s.getKey(), loadCpus, "handshakes", s.getValue().port(), concurrency,
                        warmup * 1000, measure * 1000);
            }
            for (int c : connections) {
                for (int size : sizes) {
                    for (Map.Entry<String, EchoServer> s : servers.entrySet()) {
                        run(s.getValue(), s.getKey(), loadCpus, "echo", s.getValue().port(), c, size,
                                warmup * 1000, measure * 1000);
                    }
                }
            }
        }
    }

    static EchoServer start(String kind, SSLContext context) throws Exception {
        switch (kind) {
            case "jcoro":
                return JcoroEchoServer.startTls(Coro.create(EchoHandler.class)::echo, Tls.server(context));
            case "netty-nio":
                return NettyEchoServer.start(NettyEchoServer.Transport.NIO, () -> {
                    SSLEngine engine = context.createSSLEngine();
                    engine.setUseClientMode(false);
                    return new ChannelHandler[] {new SslHandler(engine), NettyEchoServer.echo()};
                });
            default:
                throw new IllegalArgumentException("unknown server " + kind + ": one of " + KINDS);
        }
    }

    /** One case: the load generator with {@code args}; its result with the server's CPU per operation. */
    private static void run(EchoServer server, String kind, String loadCpus, Object... args) throws Exception {
        EchoBench.Running load = EchoBench.Child.jvm(loadCpus, TlsLoad.class, args);
        load.expect("measuring");
        long cpuFrom = server.cpuNanos();
        String measured = load.readLine();
        long cpu = server.cpuNanos() - cpuFrom;
        if (load.waitFor() != 0) {
            throw new IllegalStateException("the TLS load generator failed");
        }
        long operations = Long.parseLong(measured.replaceAll(".*\"operations\":(\\d+).*", "$1"));
        System.out.printf(Locale.ROOT, "{\"server\":\"%s\",\"serverCpuMicrosPerOperation\":%.2f,%s%n",
                kind, operations == 0 ? 0.0 : cpu / 1e3 / operations, measured.substring(1));
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
