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
        return new Connect(IoSelector.current(), Addresses.lookup(host, checkPort(port)));
    }

    /** Connects to {@code address} (looked up first if it is unresolved). */
    public static Awaitable<Connection> openConnection(InetSocketAddress address) throws IOException {
        return new Connect(IoSelector.current(), Addresses.lookup(address));
    }

    /** Connects to the Unix domain socket at {@code path}. */
    public static Awaitable<Connection> openUnixConnection(Path path) throws IOException {
        return new Connect(IoSelector.current(), Addresses.of(UnixDomainSocketAddress.of(path)));
    }

    /**
     * Listens on {@code host}:{@code port} (port 0: an ephemeral port, see {@link Server#port()};
     * host null: every interface) and runs {@code handler} as a task for each connection.
     */
    public static Awaitable<Server> startServer(ConnectionHandler handler, String host, int port)
            throws IOException {
        return new Bind(IoSelector.current(), Objects.requireNonNull(handler, "handler"),
                Addresses.lookup(host, checkPort(port)));
    }

    /**
     * Listens on a Unix domain socket at {@code path} (which must not exist; the server deletes
     * it when it closes) and runs {@code handler} as a task for each connection.
     */
    public static Awaitable<Server> startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        return new Bind(IoSelector.current(), Objects.requireNonNull(handler, "handler"),
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

        Bind(IoSelector io, ConnectionHandler handler, Awaitable<SocketAddress[]> lookup) {
            this.io = io;
            this.handler = handler;
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
                    return $return(Server.start(io, handler, addresses[0]));
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
