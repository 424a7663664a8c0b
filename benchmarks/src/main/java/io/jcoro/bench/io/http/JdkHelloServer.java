package io.jcoro.bench.io.http;

import com.sun.net.httpserver.HttpServer;
import io.jcoro.bench.io.EchoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's {@link HttpServer} with a virtual thread per exchange (JDK 21+: the executor is made
 * by reflection, so that this class compiles on JDK 17). It does not count its connections.
 */
final class JdkHelloServer implements EchoServer {
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor;

    private JdkHelloServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static JdkHelloServer start() throws Exception {
        ExecutorService executor = (ExecutorService) java.util.concurrent.Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.setExecutor(executor);
        server.start();
        return new JdkHelloServer(server, executor);
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public int liveConnections() {
        throw new UnsupportedOperationException("the JDK's HttpServer does not report its connections");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.stop(0);
        executor.shutdownNow();
    }
}
