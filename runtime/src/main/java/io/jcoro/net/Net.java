package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.EventLoopGroup;
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
        return startServerOnThisLoop(handler, host, port, null);
    }

    /**
     * As {@link #startServer(ConnectionHandler, String, int)}, with TLS: each connection's
     * handler runs once its handshake ended. A failed handshake goes to the loop's exception
     * handler (with its {@code SSLException}); the handler does not run and the server goes on.
     */
    public static Awaitable<Server> startServer(ConnectionHandler handler, String host, int port, Tls tls)
            throws IOException {
        if (Objects.requireNonNull(tls, "tls").isClient()) {
            throw new IllegalArgumentException("a server listens with a server Tls: " + tls);
        }
        return startServerOnThisLoop(handler, host, port, tls);
    }

    /** A server on the running loop; its connections speak TLS if {@code tls} is not null. */
    private static Awaitable<Server> startServerOnThisLoop(ConnectionHandler handler, String host, int port, Tls tls)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        requireLoop();
        return new Bind(at -> Promise.completed(Server.start(handler, at, tls)),
                Addresses.lookup(host, checkPort(port)));
    }

    /**
     * Listens on {@code host}:{@code port} with every loop of {@code group}, and runs
     * {@code handler} for each connection as a task of one of them (for the connection's whole
     * life). On Linux each loop accepts from its own socket bound with {@code SO_REUSEPORT}, and
     * the kernel spreads the connections; elsewhere the first loop accepts and hands them over
     * round robin. The returned server belongs to the calling loop, like any other.
     *
     * <pre>{@code
     * try (EventLoopGroup group = new EventLoopGroup(Runtime.getRuntime().availableProcessors())) {
     *     Coro.run(serve(group));   // await(Net.startServer(group, this::echo, "0.0.0.0", 8888)) ...
     * }
     * }</pre>
     */
    public static Awaitable<Server> startServer(EventLoopGroup group, ConnectionHandler handler, String host, int port)
            throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(handler, "handler");
        requireLoop();
        return new Bind(at -> Server.start(group, handler, at),
                Addresses.lookup(host, checkPort(port)));
    }

    /**
     * Listens on a Unix domain socket at {@code path} (which must not exist; the server deletes
     * it when it closes) and runs {@code handler} as a task for each connection.
     */
    public static Awaitable<Server> startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        Objects.requireNonNull(handler, "handler");
        requireLoop();
        return new Bind(at -> Promise.completed(Server.start(handler, at, null)),
                Addresses.of(UnixDomainSocketAddress.of(path)));
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

    /** Fails at once, off the loop, with "no running event loop" (the start itself runs later). */
    private static void requireLoop() {
        IoSelector.current();
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }

    /** How a server is started on the address looked up. */
    @FunctionalInterface
    private interface Starter {
        Awaitable<Server> start(SocketAddress at) throws IOException;
    }

    /** {@link #startServer}: {@code return done(await(starter.start(await(lookup)[0])))}. */
    private static final class Bind extends Coroutine<Server> {
        private static final int LOOKUP = 0;
        private static final int LOOKED_UP = 1;
        private static final int STARTED = 2;
        private final Starter starter;
        private final Awaitable<SocketAddress[]> lookup;

        Bind(Starter starter, Awaitable<SocketAddress[]> lookup) {
            this.starter = starter;
            this.lookup = lookup;
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
                    if ($await(starter.start(addresses[0]), STARTED)) {
                        return $SUSPENDED;
                    }
                }
                case STARTED:
                    return $return((Server) $value());
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
