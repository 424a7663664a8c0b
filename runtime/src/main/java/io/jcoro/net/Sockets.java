package io.jcoro.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Opening channels for TCP or Unix domain socket addresses, with asyncio's socket options. */
final class Sockets {
    private Sockets() {}

    /** A stream channel of {@code address}'s family, configured as {@link #configure} says. */
    static SocketChannel open(SocketAddress address) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try {
            configure(channel, address);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A listening channel of {@code address}'s family, not bound yet. */
    static ServerSocketChannel openServer(SocketAddress address) throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            return ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true); // asyncio's default on Unix
        return channel;
    }

    /** Whether listening TCP sockets here can share a port ({@code SO_REUSEPORT}: Linux, BSDs, macOS). */
    static boolean supportsReusePort() {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (IOException e) {
            return false;
        }
    }

    /** Sets {@code SO_REUSEPORT} on a listening channel before it is bound, if {@code on}. */
    static void reusePort(ServerSocketChannel channel, boolean on) throws IOException {
        if (on) {
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }

    /** TCP connections go without Nagle's delay, as asyncio's (Unix domain sockets have none). */
    static void configure(NetworkChannel channel, SocketAddress address) throws IOException {
        if (address instanceof InetSocketAddress) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }
}
