package io.jcoro.bench.io.http;

import io.jcoro.bench.io.EchoServer;
import io.jcoro.bench.io.peers.VertxServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** Vert.x's plaintext server on one event loop, the same headers as {@link HelloHandler}'s. */
final class VertxHelloServer {
    private static final Buffer BODY = Buffer.buffer("Hello, World!");

    private VertxHelloServer() {}

    static EchoServer start() {
        return VertxServer.start((vertx, live) -> vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                        .setPort(0).setTcpNoDelay(true).setAcceptBacklog(1024))
                .connectionHandler(connection -> {
                    live.incrementAndGet();
                    connection.closeHandler(v -> live.decrementAndGet());
                })
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "text/plain")
                        .end(BODY)), HttpServer::listen, HttpServer::actualPort, HttpServer::close);
    }
}
