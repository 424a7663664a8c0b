package io.jcoro.bench.io.http;

import io.jcoro.Coro;
import io.jcoro.bench.io.EchoServer;
import io.jcoro.bench.io.JcoroEchoServer;
import io.jcoro.bench.io.peers.NettyEchoServer;
import io.jcoro.bench.io.peers.NettyEchoServer.Transport;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.util.List;

/** The plaintext servers of {@link HttpBench}, by kind (each a server of the I/O benchmarks). */
final class HelloServers {
    private HelloServers() {}

    /** Every kind, in the order of the table; {@code helidon} needs the JDK 21+ build. */
    static final List<String> KINDS = List.of("jcoro", "netty-nio", "netty-epoll", "vertx", "helidon", "jdk-vthreads");

    /** Helidon SE's server, compiled only on JDK 21+ (the benchmarks' {@code jdk21} profile). */
    static final String HELIDON = "io.jcoro.bench.io.http.helidon.HelidonHelloServer";

    static EchoServer start(String kind) throws Exception {
        switch (kind) {
            case "jcoro":
                return JcoroEchoServer.start(Coro.create(HelloHandler.class)::serve, null);
            case "netty-nio":
                return netty(Transport.NIO);
            case "netty-epoll":
                return netty(Transport.EPOLL);
            case "vertx":
                return VertxHelloServer.start();
            case "helidon":
                return (EchoServer) Class.forName(HELIDON).getMethod("start").invoke(null);
            case "jdk-vthreads":
                return JdkHelloServer.start();
            default:
                throw new IllegalArgumentException("unknown server " + kind + ": one of " + KINDS);
        }
    }

    private static EchoServer netty(Transport transport) throws InterruptedException {
        return NettyEchoServer.start(transport, () -> new ChannelHandler[] {
                new HttpServerCodec(), new HttpServerKeepAliveHandler(), new NettyHelloHandler()});
    }
}
