package io.jcoro.bench.io.http.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.jcoro.bench.io.EchoServer;
import java.nio.charset.StandardCharsets;

/**
 * Helidon SE 4's plaintext server (its own server, a virtual thread per connection), the same
 * headers as the jcoro server's. Compiled only on JDK 21+; the HTTP benchmark finds it by name.
 * It does not count its connections.
 */
public final class HelidonHelloServer implements EchoServer {
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private final WebServer server;

    private HelidonHelloServer(WebServer server) {
        this.server = server;
    }

    public static HelidonHelloServer start() {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .backlog(1024)
                .routing(routing -> routing.get("/", (request, response) -> {
                    response.header(HeaderNames.CONTENT_TYPE, "text/plain");
                    response.send(BODY);
                }))
                .build()
                .start();
        return new HelidonHelloServer(server);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int liveConnections() {
        throw new UnsupportedOperationException("Helidon's server does not report its connections");
    }

    @Override
    public void close() {
        server.stop();
    }
}
