package io.jcoro.bench.io;

import io.jcoro.bench.io.peers.NettyEchoServer;
import io.jcoro.bench.io.peers.PythonEchoServer;
import io.jcoro.bench.io.peers.VertxEchoServer;
import java.io.IOException;
import java.util.List;

/**
 * An echo server of the benchmark, listening on an ephemeral port of 127.0.0.1 until closed. The
 * load generator ({@link EchoLoad}) is the same for every kind. The HTTP and TLS benchmarks start
 * their servers behind the same interface (a server that does not count its connections throws
 * {@link UnsupportedOperationException} from {@link #liveConnections()}; only {@link IdleMemory}
 * asks).
 */
public interface EchoServer extends AutoCloseable {
    /** The port it listens on. */
    int port();

    /** How many connections it serves now (accepted, not yet ended). */
    int liveConnections();

    /**
     * The CPU time the server has used so far, in nanoseconds: this JVM's (every thread's: the
     * server's, its GC's and JIT's) for a server in this JVM; a server in a process of its own
     * says its process's.
     */
    default long cpuNanos() throws IOException {
        return EchoBench.processCpuNanos();
    }

    /** Stops accepting, closes every connection and waits until its threads are done. */
    @Override
    void close() throws IOException, InterruptedException;

    /** Every kind {@link #start} knows, in the order of the benchmark's tables. */
    List<String> KINDS = List.of("jcoro", "netty-nio", "netty-epoll", "vertx", "vthreads", "asyncio", "uvloop");

    /**
     * Starts a server of {@code kind}, one of {@link #KINDS}, or {@code jcoro-group2}: jcoro's echo
     * served by an {@code EventLoopGroup} of 2 (left out of {@link #KINDS}: it needs both cores).
     */
    static EchoServer start(String kind) throws Exception {
        switch (kind) {
            case "jcoro":
                return JcoroEchoServer.start();
            case "vthreads":
                return VirtualThreadEchoServer.start();
            case "jcoro-group2":
                return JcoroGroupEchoServer.start(2);
            case "netty-nio":
                return NettyEchoServer.start(NettyEchoServer.Transport.NIO);
            case "netty-epoll":
                return NettyEchoServer.start(NettyEchoServer.Transport.EPOLL);
            case "vertx":
                return VertxEchoServer.start();
            case "asyncio":
            case "uvloop":
                return PythonEchoServer.start(kind);
            default:
                throw new IllegalArgumentException("unknown server " + kind + ": one of " + KINDS);
        }
    }
}
