package io.jcoro.bench.io.http;

import io.jcoro.bench.io.EchoServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.atomic.AtomicInteger;

/** Vert.x's plaintext server on one event loop, the same headers as {@link HelloHandler}'s. */
final class VertxHelloServer implements EchoServer {
    private static final Buffer BODY = Buffer.buffer("Hello, World!");

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicInteger live;

    private VertxHelloServer(Vertx vertx, HttpServer server, AtomicInteger live) {
        this.vertx = vertx;
        this.server = server;
        this.live = live;
    }

    static VertxHelloServer start() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        AtomicInteger live = new AtomicInteger();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTcpNoDelay(true).setAcceptBacklog(1024))
                .connectionHandler(connection -> {
                    live.incrementAndGet();
                    connection.closeHandler(v -> live.decrementAndGet());
                })
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "text/plain")
                        .end(BODY));
        try {
            server.listen().await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        return new VertxHelloServer(vertx, server, live);
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
