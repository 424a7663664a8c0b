package io.jcoro.bench.io.peers;

import io.jcoro.bench.io.EchoServer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * Vert.x's echo: a {@link NetServer} on one event loop ({@code eventLoopPoolSize} 1), each socket's
 * buffers written back as they come ({@code socket.handler(socket::write)}).
 */
public final class VertxEchoServer {
    private VertxEchoServer() {}

    public static EchoServer start() {
        return VertxServer.start((vertx, live) -> vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1")
                        .setPort(0).setTcpNoDelay(true).setAcceptBacklog(1024))
                .connectHandler(socket -> {
                    live.incrementAndGet();
                    socket.closeHandler(v -> live.decrementAndGet());
                    socket.handler(socket::write);
                }), NetServer::listen, NetServer::actualPort, NetServer::close);
    }
}
