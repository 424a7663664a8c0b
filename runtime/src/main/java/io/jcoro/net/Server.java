package io.jcoro.net;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Task;
import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listening TCP or Unix domain socket that runs a {@link ConnectionHandler} task per accepted connection
 * (asyncio's {@code Server}).
 *
 * <pre>{@code
 * Server server = await(Net.startServer(this::echo, "127.0.0.1", 0));
 * int port = server.port();
 * ...
 * server.close();              // stop accepting
 * server.closeClients();       // flush and close every connection
 * await(server.waitClosed());  // every handler has ended
 * }</pre>
 *
 * <pre>
 *  state    how it got there         accepts   waitClosed()
 *  SERVING  Net.startServer          yes       waits
 *  CLOSED   close() (or closeAsync)  no        waits until no handler is left, then completes
 * </pre>
 *
 * <p>{@code waitClosed} counts handlers, not connections: it completes as soon as the server is
 * closed and the last handler ended, whatever the clients do. A handler ends when its awaitable
 * does; {@link #closeClients()} closes the connections (a handler reading sees the end of the
 * stream), {@link #abortClients()} aborts them and cancels the handlers, so that
 * {@code close(); abortClients(); await(waitClosed())} never hangs. Loop thread only.
 */
public final class Server implements AsyncCloseable {
    /**
     * The listen backlog (the kernel caps it at its own limit, {@code somaxconn}). Larger than
     * asyncio's 100: a burst of connects while the loop is busy would otherwise overflow the
     * queue, and the dropped connects wait a full second before the client retries.
     */
    private static final int BACKLOG = 1024;
    /** At most this many connections are accepted per readiness event (asyncio's 100), so a
     *  burst of connects cannot hold the loop. */
    private static final int ACCEPTS_PER_EVENT = 100;

    private final IoSelector io;
    private final ServerSocketChannel channel;
    private final ConnectionHandler handler;
    /** Null for a plaintext server. */
    private final Tls tls;
    private final IoRegistration registration;
    private final SocketAddress address;
    /** Each live handler's task, by its connection, in accept order. */
    private final Map<Connection, Task<Void>> clients = new LinkedHashMap<>();
    private final Signals serving = new Signals();
    private final Signals drained = new Signals();
    private boolean closed;

    private Server(IoSelector io, ServerSocketChannel channel, ConnectionHandler handler, Tls tls)
            throws IOException {
        this.io = io;
        this.channel = channel;
        this.handler = handler;
        this.tls = tls;
        this.address = channel.getLocalAddress();
        this.registration = io.register(channel, SelectionKey.OP_ACCEPT, ops -> accept());
    }

    /** Binds {@code at} and starts accepting; each connection speaks TLS if {@code tls} is not null. */
    static Server start(IoSelector io, ConnectionHandler handler, SocketAddress at, Tls tls) throws IOException {
        ServerSocketChannel channel = Sockets.openServer(at);
        try {
            channel.bind(at, BACKLOG);
            return new Server(io, channel, handler, tls);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The port the server listens on (the ephemeral one, for port 0); -1 for a Unix socket. */
    public int port() {
        return address instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    /** The addresses the server listens on. */
    public List<SocketAddress> addresses() {
        return List.of(address);
    }

    /** Whether the server accepts connections. */
    public boolean isServing() {
        return !closed;
    }

    /** An awaitable that ends, normally, when the server is closed. */
    public Awaitable<Void> serveForever() {
        return new Retry<>("Server.serveForever", () -> closed ? null : serving.add());
    }

    /** Stops accepting (closes the listening socket); running handlers are left alone. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registration.close();
        } catch (IOException e) {
            io.report("Error closing " + this, e);
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            deleteSocketFile(unix.getPath());
        }
        serving.wakeAll();
        if (clients.isEmpty()) {
            drained.wakeAll();
        }
    }

    /** asyncio 3.13's {@code cleanup_socket}: the path can be bound again. */
    private void deleteSocketFile(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            io.report("Error deleting the socket file of " + this, e);
        }
    }

    /** Flushes and closes every client connection: handlers that read see the end of the stream. */
    public void closeClients() {
        for (Connection c : new ArrayList<>(clients.keySet())) {
            c.writer().startClose();
        }
    }

    /** Aborts every client connection (dropping unsent data) and cancels its handler. */
    public void abortClients() {
        for (Map.Entry<Connection, Task<Void>> e : new ArrayList<>(clients.entrySet())) {
            e.getKey().abort();
            e.getValue().cancel();
        }
    }

    /** Ends once the server is closed and no handler is left. */
    public Awaitable<Void> waitClosed() {
        return new Retry<>("Server.waitClosed", () -> closed && clients.isEmpty() ? null : drained.add());
    }

    /** {@link #close()}, then {@link #waitClosed()} (asyncio's {@code async with server}). */
    @Override
    public Awaitable<Void> closeAsync() {
        close();
        return waitClosed();
    }

    @Override
    public String toString() {
        return "Server[" + address + (closed ? ", closed" : "") + ", " + clients.size() + " clients]";
    }

    // ------------------------------------------------------------------ accepting

    private void accept() {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) { // such as too many open files: the next event tries again
                io.report("Error accepting a connection on " + this, e);
                return;
            }
            if (accepted == null) {
                return;
            }
            serve(accepted);
        }
    }

    private void serve(SocketChannel accepted) {
        Connection connection;
        try {
            Sockets.configure(accepted, address);
            connection = new Connection(io, accepted);
            if (tls != null) {
                connection.beginTls(tls);
            }
        } catch (IOException e) {
            io.report("Error setting up an accepted connection on " + this, e);
            try {
                accepted.close();
            } catch (IOException ignored) {
                // reported above
            }
            return;
        }
        Task<Void> task = EventLoop.current().createTask(new HandlerRun(connection),
                "connection " + connection.remoteAddress());
        clients.put(connection, task);
        task.addDoneCallback(done -> {
            clients.remove(connection);
            if (closed && clients.isEmpty()) {
                drained.wakeAll();
            }
        });
    }

    /**
     * One connection's task: waits for the TLS handshake if there is one, runs the handler, then
     * flushes and closes the connection, whatever way the handler ended; a failure (of the
     * handshake or the handler) is reported and goes no further. In the processor's frame shape:
     * {@code try { if (tls) await(handshake); await(handler.handle(c)); } catch (Throwable t) {
     * report(t); } finally { close c }}, a cancellation going on after the close.
     */
    private final class HandlerRun extends Coroutine<Void> {
        private static final int HANDSHAKE = 0;
        private static final int HANDSHAKE_WOKEN = 1;
        private static final int START = 2;
        private static final int ENDED = 3;
        private final Connection connection;

        HandlerRun(Connection connection) {
            this.connection = connection;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case HANDSHAKE: {
                        Object outcome;
                        try {
                            outcome = tls == null ? null : connection.tlsOutcome();
                        } catch (IOException e) {
                            io.report("TLS handshake failed on " + connection, e);
                            return end(null);
                        }
                        if (outcome instanceof Signals.Signal signal) {
                            if ($await(signal, HANDSHAKE_WOKEN)) {
                                return $SUSPENDED;
                            }
                        } else {
                            $label = START;
                            continue;
                        }
                    }
                    case HANDSHAKE_WOKEN: {
                        Throwable failure = $failure();
                        if (failure != null) {
                            return end(failure);
                        }
                        $label = HANDSHAKE;
                        continue;
                    }
                    case START:
                        return handle();
                    case ENDED:
                        return end($failure());
                    default:
                        throw $badLabel();
                }
            }
        }

        /** Calls the handler and awaits what it returns. */
        private Object handle() throws Throwable {
            Awaitable<?> served;
            try {
                served = handler.handle(connection);
            } catch (Throwable t) {
                return end(t);
            }
            if (served == null) {
                return end(new NullPointerException("the connection handler returned null"));
            }
            if ($await(served, ENDED)) {
                return $SUSPENDED;
            }
            return end($failure());
        }

        private Object end(Throwable failure) throws CancelledError {
            connection.writer().startClose();
            if (failure instanceof CancelledError cancelled) {
                throw cancelled;
            }
            if (failure != null) {
                io.report("Unhandled exception in the handler of " + connection, failure);
            }
            return $return(null);
        }

        @Override
        public String name() {
            return "Server.handle";
        }
    }
}
