package io.jcoro.bench.io.peers;

import io.jcoro.bench.io.EchoServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vert.x's echo: a {@link NetServer} on one event loop ({@code eventLoopPoolSize} 1), each socket's
 * buffers written back as they come ({@code socket.handler(socket::write)}).
 */
public final class VertxEchoServer implements EchoServer {
    private final Vertx vertx;
    private final NetServer server;
    private final AtomicInteger live;

    private VertxEchoServer(Vertx vertx, NetServer server, AtomicInteger live) {
        this.vertx = vertx;
        this.server = server;
        this.live = live;
    }

    public static VertxEchoServer start() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        AtomicInteger live = new AtomicInteger();
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTcpNoDelay(true).setAcceptBacklog(1024))
                .connectHandler(socket -> {
                    live.incrementAndGet();
                    socket.closeHandler(v -> live.decrementAndGet());
                    socket.handler(socket::write);
                });
        try {
            server.listen().await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        return new VertxEchoServer(vertx, server, live);
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public int liveConnections() {
        return live.get();
    }

    @Override
    public void close() {
        server.close().await();
        vertx.close().await();
    }
}
