package io.jcoro.bench.io.peers;

import io.jcoro.bench.io.EchoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Netty's echo (its own example's handler: write what was read, flush when the read burst ends) on
 * ONE event loop that both accepts and serves, as jcoro's one loop does: the NIO transport or the
 * native epoll one. The HTTP benchmark starts it with its own pipeline.
 */
public final class NettyEchoServer implements EchoServer {
    private final EventLoopGroup group;
    private final Channel listener;
    private final AtomicInteger live;

    private NettyEchoServer(EventLoopGroup group, Channel listener, AtomicInteger live) {
        this.group = group;
        this.listener = listener;
        this.live = live;
    }

    /** The transport: which I/O handler the loop runs and which server channel it accepts on. */
    public enum Transport {
        NIO, EPOLL;

        IoHandlerFactory handler() {
            return this == NIO ? NioIoHandler.newFactory() : EpollIoHandler.newFactory();
        }

        Class<? extends ServerChannel> serverChannel() {
            return this == NIO ? NioServerSocketChannel.class : EpollServerSocketChannel.class;
        }
    }

    /** Starts a server on one loop of {@code transport} (epoll: fails where the native library cannot load). */
    public static NettyEchoServer start(Transport transport) throws InterruptedException {
        return start(transport, live -> new ChannelHandler[] {echo(live)});
    }

    /** Netty's echo handler for one connection, counting it in {@code live} while it is active. */
    public static ChannelHandler echo(AtomicInteger live) {
        return new Echo(live);
    }

    /**
     * Starts a server of {@code transport} whose connections each get the pipeline of handlers
     * that {@code perConnection} makes (given the live-connection counter they must keep).
     */
    public static NettyEchoServer start(Transport transport, Function<AtomicInteger, ChannelHandler[]> perConnection)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.handler());
        AtomicInteger live = new AtomicInteger();
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(perConnection.apply(live));
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            return new NettyEchoServer(group, listener, live);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public int liveConnections() {
        return live.get();
    }

    @Override
    public void close() throws InterruptedException {
        listener.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Writes back each buffer read (Netty's own echo example), counting the connection while active. */
    static final class Echo extends ChannelInboundHandlerAdapter {
        private final AtomicInteger live;

        Echo(AtomicInteger live) {
            this.live = live;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            live.incrementAndGet();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            live.decrementAndGet();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the peer went away
        }
    }
}
