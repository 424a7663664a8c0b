package io.jcoro.bench.io;

import java.io.IOException;

/**
 * An echo server of the benchmark, listening on an ephemeral port of 127.0.0.1 until closed. The
 * load generator ({@link EchoLoad}) is the same for every kind.
 */
public interface EchoServer extends AutoCloseable {
    /** The port it listens on. */
    int port();

    /** How many connections it serves now (accepted, not yet ended). */
    int liveConnections();

    /** Stops accepting, closes every connection and waits until its threads are done. */
    @Override
    void close() throws IOException, InterruptedException;

    /** Starts a server of {@code kind}: {@code jcoro} or {@code vthreads}. */
    static EchoServer start(String kind) throws IOException, InterruptedException {
        switch (kind) {
            case "jcoro":
                return JcoroEchoServer.start();
            case "vthreads":
                return VirtualThreadEchoServer.start();
            default:
                throw new IllegalArgumentException("unknown server " + kind + ": jcoro or vthreads");
        }
    }
}
