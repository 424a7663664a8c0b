package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opening connections and starting servers on the running event loop (asyncio's
 * {@code open_connection}, {@code start_server} and their Unix domain socket twins). Each returns an awaitable; an I/O failure
 * (a {@code ConnectException}, a {@code BindException}, an {@code UnknownHostException}) fails it
 * unchanged. Host names are looked up on another thread; literal addresses are not looked up.
 *
 * <pre>{@code
 * Server server = await(Net.startServer(this::echo, "127.0.0.1", 0));
 * try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
 *     c.writer().write("hello\n");
 *     String echoed = await(c.reader().readLine());
 * }
 * }</pre>
 *
 * <p>Each method throws {@link IllegalStateException} ("no running event loop") if no event loop
 * runs on the calling thread.
 */
public final class Net {
    private Net() {}

    /** Connects to {@code host}:{@code port}, trying each of its addresses in turn. */
    public static Awaitable<Connection> openConnection(String host, int port) throws IOException {
        return new Connect(IoSelector.current(), Addresses.lookup(host, checkPort(port)), null);
    }

    /**
     * Connects to {@code host}:{@code port} with TLS: completes once the handshake ended; a
     * failed handshake fails it with the engine's {@code SSLException} (such as an
     * {@code SSLHandshakeException} for an untrusted certificate or a wrong name), a handshake
     * that takes too long with a {@code SocketTimeoutException}.
     */
    public static Awaitable<Connection> openConnection(String host, int port, Tls tls) throws IOException {
        Objects.requireNonNull(tls, "tls");
        if (!tls.isClient()) {
            throw new IllegalArgumentException("a connection opens with a client Tls: " + tls);
        }
        return new Connect(IoSelector.current(), Addresses.lookup(host, checkPort(port)), tls);
    }

    /** Connects to {@code address} (looked up first if it is unresolved). */
    public static Awaitable<Connection> openConnection(InetSocketAddress address) throws IOException {
        return new Connect(IoSelector.current(), Addresses.lookup(address), null);
    }

    /** Connects to the Unix domain socket at {@code path}. */
    public static Awaitable<Connection> openUnixConnection(Path path) throws IOException {
        return new Connect(IoSelector.current(), Addresses.of(UnixDomainSocketAddress.of(path)), null);
    }

    /**
     * Listens on {@code host}:{@code port} (port 0: an ephemeral port, see {@link Server#port()};
     * host null: every interface) and runs {@code handler} as a task for each connection.
     */
    public static Awaitable<Server> startServer(ConnectionHandler handler, String host, int port)
            throws IOException {
        return new Bind(IoSelector.current(), Objects.requireNonNull(handler, "handler"),
                Addresses.lookup(host, checkPort(port)), null);
    }

    /**
     * As {@link #startServer(ConnectionHandler, String, int)}, with TLS: each connection's
     * handler runs once its handshake ended. A failed handshake goes to the loop's exception
     * handler (with its {@code SSLException}); the handler does not run and the server goes on.
     */
    public static Awaitable<Server> startServer(ConnectionHandler handler, String host, int port, Tls tls)
            throws IOException {
        Objects.requireNonNull(tls, "tls");
        if (tls.isClient()) {
            throw new IllegalArgumentException("a server listens with a server Tls: " + tls);
        }
        return new Bind(IoSelector.current(), Objects.requireNonNull(handler, "handler"),
                Addresses.lookup(host, checkPort(port)), tls);
    }

    /**
     * Listens on a Unix domain socket at {@code path} (which must not exist; the server deletes
     * it when it closes) and runs {@code handler} as a task for each connection.
     */
    public static Awaitable<Server> startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        return new Bind(IoSelector.current(), Objects.requireNonNull(handler, "handler"),
                Addresses.of(UnixDomainSocketAddress.of(path)), null);
    }

    /**
     * A UDP endpoint bound to {@code local} (null: an ephemeral port of the wildcard address) and,
     * if {@code remote} is not null, connected to it (then {@link DatagramEndpoint#send(byte[])}
     * sends there and only its datagrams are received). Both must be resolved addresses.
     */
    public static Awaitable<DatagramEndpoint> openDatagram(InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        IoSelector io = IoSelector.current();
        for (InetSocketAddress a : new InetSocketAddress[] {local, remote}) {
            if (a != null && a.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address: " + a);
            }
        }
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
            return Promise.completed(new DatagramEndpoint(io, channel));
        } catch (IOException e) {
            channel.close();
            return Promise.failed(e);
        }
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }

    /** {@link #startServer}: {@code return done(Server.start(..., await(lookup)[0]))}. */
    private static final class Bind extends Coroutine<Server> {
        private static final int LOOKUP = 0;
        private static final int LOOKED_UP = 1;
        private final IoSelector io;
        private final ConnectionHandler handler;
        private final Awaitable<SocketAddress[]> lookup;
        private final Tls tls;

        Bind(IoSelector io, ConnectionHandler handler, Awaitable<SocketAddress[]> lookup, Tls tls) {
            this.io = io;
            this.handler = handler;
            this.lookup = lookup;
            this.tls = tls;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            switch ($label) {
                case LOOKUP:
                    if ($await(lookup, LOOKED_UP)) {
                        return $SUSPENDED;
                    }
                case LOOKED_UP: {
                    SocketAddress[] addresses = (SocketAddress[]) $value();
                    return $return(Server.start(io, handler, addresses[0], tls));
                }
                default:
                    throw $badLabel();
            }
        }

        @Override
        public String name() {
            return "Net.startServer";
        }
    }
}
