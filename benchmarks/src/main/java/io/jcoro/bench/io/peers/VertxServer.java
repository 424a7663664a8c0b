package io.jcoro.bench.io.peers;

import io.jcoro.bench.io.EchoServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A Vert.x server on one event loop ({@code eventLoopPoolSize} 1) as a benchmark server: the
 * lifecycle that the echo ({@code NetServer}) and the HTTP ({@code HttpServer}) peers share, which
 * have no common interface in Vert.x.
 *
 * <pre>{@code
 * EchoServer s = VertxServer.start((vertx, live) -> vertx.createNetServer(options).connectHandler(...),
 *         NetServer::listen, NetServer::actualPort, NetServer::close);
 * }</pre>
 */
public final class VertxServer implements EchoServer {
    private final Vertx vertx;
    private final AtomicInteger live;
    private final int port;
    /** Closes the server itself (the {@code Vertx} is closed after it). */
    private final Runnable closeServer;

    private VertxServer(Vertx vertx, AtomicInteger live, int port, Runnable closeServer) {
        this.vertx = vertx;
        this.live = live;
        this.port = port;
        this.closeServer = closeServer;
    }

    /**
     * Makes the server on a new one-loop {@link Vertx} ({@code make} is given the counter of live
     * connections its handlers keep), listens, and returns it; closes the {@code Vertx} if
     * listening fails.
     */
    public static <S> VertxServer start(BiFunction<Vertx, AtomicInteger, S> make, Function<S, Future<S>> listen,
            ToIntFunction<S> port, Function<S, Future<Void>> close) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        AtomicInteger live = new AtomicInteger();
        try {
            S server = make.apply(vertx, live);
            listen.apply(server).await();
            return new VertxServer(vertx, live, port.applyAsInt(server), () -> close.apply(server).await());
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int liveConnections() {
        return live.get();
    }

    @Override
    public void close() {
        closeServer.run();
        vertx.close().await();
    }
}
