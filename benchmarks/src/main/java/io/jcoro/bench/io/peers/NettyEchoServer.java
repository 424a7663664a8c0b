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
import java.util.function.Supplier;

/**
 * Netty's echo (its own example's handler: write what was read, flush when the read burst ends) on
 * ONE event loop that both accepts and serves, as jcoro's one loop does: the NIO transport or the
 * native epoll one. The HTTP benchmark starts it with its own pipeline.
 */
public final class NettyEchoServer implements EchoServer {
    private final EventLoopGroup group;
    private final Channel listener;
    private final LiveCount live;

    private NettyEchoServer(EventLoopGroup group, Channel listener, LiveCount live) {
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
        return start(transport, () -> new ChannelHandler[] {echo()});
    }

    /** Netty's echo handler for one connection. */
    public static ChannelHandler echo() {
        return new Echo();
    }

    /**
     * Starts a server of {@code transport} whose connections each get the pipeline of handlers
     * that {@code perConnection} makes, behind the server's count of live connections.
     */
    public static NettyEchoServer start(Transport transport, Supplier<ChannelHandler[]> perConnection)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.handler());
        LiveCount live = new LiveCount();
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(live).addLast(perConnection.get());
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
        return live.count.get();
    }

    @Override
    public void close() throws InterruptedException {
        listener.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Counts the server's live connections: one instance, first in every connection's pipeline. */
    @ChannelHandler.Sharable
    static final class LiveCount extends ChannelInboundHandlerAdapter {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            count.incrementAndGet();
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            count.decrementAndGet();
            ctx.fireChannelInactive();
        }
    }

    /** Writes back each buffer read (Netty's own echo example). */
    static final class Echo extends ChannelInboundHandlerAdapter {
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
