package io.jcoro.bench.io;

import io.jcoro.Coro;
import io.jcoro.EventLoopGroup;
import java.io.IOException;

/** {@link EchoHandler} served by the loops of an {@link EventLoopGroup} ({@code Net.startServer(group, ...)}). */
final class JcoroGroupEchoServer implements EchoServer {
    private final EventLoopGroup group;
    private final JcoroEchoServer server;

    private JcoroGroupEchoServer(EventLoopGroup group, JcoroEchoServer server) {
        this.group = group;
        this.server = server;
    }

    static JcoroGroupEchoServer start(int loops) throws IOException, InterruptedException {
        EventLoopGroup group = new EventLoopGroup(loops);
        try {
            return new JcoroGroupEchoServer(group, JcoroEchoServer.start(Coro.create(EchoHandler.class)::echo, group));
        } catch (IOException | InterruptedException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int liveConnections() {
        return server.liveConnections();
    }

    /** The server first (it aborts its connections, on the group's loops), then the group. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            group.close();
        }
    }
}
