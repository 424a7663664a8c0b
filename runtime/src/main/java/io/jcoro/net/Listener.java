package io.jcoro.net;

import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Task;
import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One loop's part of a {@link Server}: the connections it serves, each with its handler's task,
 * and, if it has one, the listening channel it accepts from. A server on one loop has one
 * listener; a server on an {@code EventLoopGroup} has one per loop, each accepting from its own
 * {@code SO_REUSEPORT} channel, or, where the OS has no such option, all fed by the first one's
 * accepts, handed over round robin ({@link #adopt}). Every method runs on the listener's loop.
 */
final class Listener {
    /** At most this many connections are accepted per readiness event (asyncio's 100), so a
     *  burst of connects cannot hold the loop. */
    private static final int ACCEPTS_PER_EVENT = 100;

    final EventLoop loop;
    private final Server server;
    private final ConnectionHandler handler;
    /** Null for plaintext connections. */
    private final Tls tls;
    /** Where this listener's accepts go: itself, or the group's listeners in turn. */
    private final Consumer<SocketChannel> acceptedTo;
    /** The listening channel, or null for a listener that only adopts. */
    private final ServerSocketChannel channel;
    private final SocketAddress address;
    /** Known once the listener first runs on its loop. */
    private IoSelector io;
    private IoRegistration registration;
    /** Each live handler's task, by its connection, in accept order. */
    private final Map<Connection, Task<Void>> clients = new LinkedHashMap<>();
    private boolean closed;
    private boolean drainedReported;

    Listener(EventLoop loop, Server server, ConnectionHandler handler, Tls tls, ServerSocketChannel channel,
            SocketAddress address, Consumer<SocketChannel> acceptedTo) {
        this.loop = loop;
        this.server = server;
        this.handler = handler;
        this.tls = tls;
        this.channel = channel;
        this.address = address;
        this.acceptedTo = acceptedTo != null ? acceptedTo : this::adopt;
    }

    /** Starts accepting from the listening channel; on the listener's loop. */
    void start() throws IOException {
        registration = io().register(channel, SelectionKey.OP_ACCEPT, ops -> accept());
    }

    /** This loop's I/O side (the listener runs on its loop, so it is the running one). */
    private IoSelector io() {
        IoSelector selector = io;
        if (selector == null) {
            io = selector = IoSelector.current();
        }
        return selector;
    }

    int clientCount() {
        return clients.size();
    }

    /** Stops accepting; running handlers are left alone. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            try {
                if (registration != null) {
                    registration.close();
                } else {
                    channel.close();
                }
            } catch (IOException e) {
                report("Error closing " + server, e);
            }
            if (address instanceof UnixDomainSocketAddress unix) {
                try { // asyncio 3.13's cleanup_socket: the path can be bound again
                    Files.deleteIfExists(unix.getPath());
                } catch (IOException e) {
                    report("Error deleting the socket file of " + server, e);
                }
            }
        }
        checkDrained();
    }

    /** Flushes and closes every client connection: handlers that read see the end of the stream. */
    void closeClients() {
        for (Connection c : new ArrayList<>(clients.keySet())) {
            c.writer().startClose();
        }
    }

    /** Aborts every client connection (dropping unsent data) and cancels its handler. */
    void abortClients() {
        for (Map.Entry<Connection, Task<Void>> e : new ArrayList<>(clients.entrySet())) {
            e.getKey().abort();
            e.getValue().cancel();
        }
    }

    // ------------------------------------------------------------------ accepting

    private void accept() {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) { // such as too many open files: the next event tries again
                report("Error accepting a connection on " + server, e);
                return;
            }
            if (accepted == null) {
                return;
            }
            acceptedTo.accept(accepted);
        }
    }

    /** Serves {@code accepted} on this loop: registers it and starts its handler's task. */
    void adopt(SocketChannel accepted) {
        if (closed) { // the server closed before the hand-over arrived: waitClosed may have returned
            closeQuietly(accepted);
            return;
        }
        Connection connection;
        try {
            Sockets.configure(accepted, address);
            connection = new Connection(io(), accepted);
            if (tls != null) {
                connection.beginTls(tls);
            }
        } catch (IOException e) {
            report("Error setting up an accepted connection on " + server, e);
            closeQuietly(accepted);
            return;
        }
        Task<Void> task = loop.createTask(new HandlerRun(connection), "connection " + connection.remoteAddress());
        clients.put(connection, task);
        task.addDoneCallback(done -> {
            clients.remove(connection);
            checkDrained();
        });
    }

    /** Tells the server, once, that this listener is closed and has no handler left. */
    private void checkDrained() {
        if (closed && clients.isEmpty() && !drainedReported) {
            drainedReported = true;
            server.listenerDrained(this);
        }
    }

    private void report(String message, Throwable error) {
        io().report(message, error);
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing was served on it
        }
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
                            report("TLS handshake failed on " + connection, e);
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
            io.jcoro.Awaitable<?> served;
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
                report("Unhandled exception in the handler of " + connection, failure);
            }
            return $return(null);
        }

        @Override
        public String name() {
            return "Server.handle";
        }
    }
}
