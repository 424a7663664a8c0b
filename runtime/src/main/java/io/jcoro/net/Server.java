package io.jcoro.net;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
 * {@code close(); abortClients(); await(waitClosed())} never hangs.
 *
 * <p>A server started on an {@link EventLoopGroup} ({@link Net#startServer(EventLoopGroup,
 * ConnectionHandler, String, int)}) serves each connection on one of the group's loops, for the
 * connection's whole life: on Linux each loop accepts from its own listening socket bound to the
 * same port with {@code SO_REUSEPORT} (the kernel spreads the connections), elsewhere the first
 * loop accepts and hands the connections to the loops round robin. The {@code Server} object
 * itself belongs to the loop that started it: its methods run there and reach the other loops
 * through their inboxes.
 *
 * <p>Loop thread only (the loop that awaited {@code startServer}).
 */
public final class Server implements AsyncCloseable {
    /**
     * The listen backlog (the kernel caps it at its own limit, {@code somaxconn}). Larger than
     * asyncio's 100: a burst of connects while the loop is busy would otherwise overflow the
     * queue, and the dropped connects wait a full second before the client retries.
     */
    private static final int BACKLOG = 1024;
    /** Set to {@code false}, group servers accept on one loop and hand the connections over even
     *  where the OS has {@code SO_REUSEPORT}. Read at each start. */
    static final String REUSE_PORT_PROPERTY = "jcoro.net.reusePort";

    /** The loop that started the server: its methods run there. */
    private final EventLoop home;
    /** Its I/O side, which checks in debug mode that the methods run there. */
    private final IoSelector homeIo;
    private final SocketAddress address;
    private final List<Listener> listeners = new ArrayList<>();
    /** The listeners that are closed and have no handler left (identity: each counts once). */
    private final Set<Listener> drained = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Signals serving = new Signals();
    private final Signals drainedSignals = new Signals();
    private boolean closed;

    private Server(EventLoop home, SocketAddress address) {
        this.home = home;
        this.homeIo = IoSelector.current();
        this.address = address;
    }

    /**
     * Binds {@code at} and starts accepting on the running loop; each connection speaks TLS if
     * {@code tls} is not null.
     */
    static Server start(ConnectionHandler handler, SocketAddress at, Tls tls) throws IOException {
        ServerSocketChannel channel = Sockets.openServer(at);
        try {
            channel.bind(at, BACKLOG);
            Server server = new Server(EventLoop.current(), channel.getLocalAddress());
            Listener listener = new Listener(server.home, server, handler, tls, channel, server.address, null);
            server.listeners.add(listener);
            listener.start();
            return server;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Binds {@code at} for every loop of {@code group} and starts accepting on each: the server,
     * once every listening channel is registered on its loop.
     */
    static Awaitable<Server> start(EventLoopGroup group, ConnectionHandler handler, SocketAddress at)
            throws IOException {
        List<EventLoop> loops = group.loops();
        boolean reusePort = !"false".equals(System.getProperty(REUSE_PORT_PROPERTY)) && at instanceof InetSocketAddress && loops.size() > 1
                && Sockets.supportsReusePort();
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            ServerSocketChannel first = Sockets.openServer(at);
            channels.add(first);
            Sockets.reusePort(first, reusePort);
            first.bind(at, BACKLOG);
            SocketAddress bound = first.getLocalAddress();
            for (int i = 1; reusePort && i < loops.size(); i++) {
                ServerSocketChannel more = Sockets.openServer(bound);
                channels.add(more);
                Sockets.reusePort(more, true);
                more.bind(bound, BACKLOG);
            }
            Server server = new Server(EventLoop.current(), bound);
            HandOff handOff = reusePort ? null : new HandOff(server.listeners);
            for (int i = 0; i < loops.size(); i++) {
                ServerSocketChannel channel = i < channels.size() ? channels.get(i) : null;
                server.listeners.add(new Listener(loops.get(i), server, handler, null, channel, bound, handOff));
            }
            return server.startListeners(channels.size());
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel c : channels) {
                c.close();
            }
            throw e;
        }
    }

    /** Starts the first {@code accepting} listeners, each on its loop; completes when all have. */
    private Awaitable<Server> startListeners(int accepting) {
        Promise<Server> started = new Promise<>();
        AtomicInteger left = new AtomicInteger(accepting);
        Consumer<Exception> fail = e -> {
            if (left.getAndSet(-1) > 0) { // the first failure fails the start, and closes all
                started.setException(e);
                onHome(this::close);
            }
        };
        for (int i = 0; i < accepting; i++) {
            Listener listener = listeners.get(i);
            onLoopOf(listener, () -> {
                try {
                    listener.start();
                    if (left.decrementAndGet() == 0) {
                        started.setResult(this);
                    }
                } catch (IOException | RuntimeException e) {
                    fail.accept(e);
                }
            }, () -> fail.accept(new IllegalStateException("event loop is closed")));
        }
        return started;
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
        homeIo.checkThread(this);
        return new Retry<>("Server.serveForever", () -> closed ? null : serving.add());
    }

    /** Stops accepting (closes the listening sockets); running handlers are left alone. */
    public void close() {
        homeIo.checkThread(this);
        if (closed) {
            return;
        }
        closed = true;
        serving.wakeAll();
        for (Listener l : listeners) {
            onLoopOf(l, l::close, () -> listenerDrained(l)); // a closed loop has no handler left
        }
        wakeIfDrained();
    }

    /** Flushes and closes every client connection: handlers that read see the end of the stream. */
    public void closeClients() {
        homeIo.checkThread(this);
        for (Listener l : listeners) {
            onLoopOf(l, l::closeClients, () -> { });
        }
    }

    /** Aborts every client connection (dropping unsent data) and cancels its handler. */
    public void abortClients() {
        homeIo.checkThread(this);
        for (Listener l : listeners) {
            onLoopOf(l, l::abortClients, () -> { });
        }
    }

    /** Ends once the server is closed and no handler is left. */
    public Awaitable<Void> waitClosed() {
        homeIo.checkThread(this);
        return new Retry<>("Server.waitClosed", () -> isDrained() ? null : drainedSignals.add());
    }

    /** {@link #close()}, then {@link #waitClosed()} (asyncio's {@code async with server}). */
    @Override
    public Awaitable<Void> closeAsync() {
        close();
        return waitClosed();
    }

    @Override
    public String toString() {
        String served = listeners.size() == 1 ? listeners.get(0).clientCount() + " clients"
                : listeners.size() + " loops";
        return "Server[" + address + (closed ? ", closed" : "") + ", " + served + "]";
    }

    // ------------------------------------------------------------------ across loops

    /** From a listener's loop: it is closed and its last handler ended. */
    void listenerDrained(Listener listener) {
        onHome(() -> {
            drained.add(listener);
            wakeIfDrained();
        });
    }

    private boolean isDrained() {
        return closed && drained.size() == listeners.size();
    }

    private void wakeIfDrained() {
        if (isDrained()) {
            drainedSignals.wakeAll();
        }
    }

    /** Runs {@code action} on the home loop: now if this is it, else through its inbox. */
    private void onHome(Runnable action) {
        if (EventLoop.current() == home) {
            action.run();
        } else {
            try {
                home.callSoonThreadsafe(action);
            } catch (IllegalStateException closedLoop) {
                // nobody is left to wait for the server
            }
        }
    }

    /** Runs {@code action} on {@code l}'s loop, or {@code ifClosed} here if that loop is closed. */
    private void onLoopOf(Listener l, Runnable action, Runnable ifClosed) {
        if (l.loop == home) {
            action.run();
            return;
        }
        try {
            l.loop.callSoonThreadsafe(action);
        } catch (IllegalStateException closedLoop) {
            ifClosed.run();
        }
    }

    /** Where the one accepting loop of a group server without {@code SO_REUSEPORT} sends its
     *  connections: each listener in turn, through its loop's inbox. */
    private static final class HandOff implements Consumer<SocketChannel> {
        private final List<Listener> listeners;
        private int next;

        HandOff(List<Listener> listeners) {
            this.listeners = listeners;
        }

        @Override
        public void accept(SocketChannel accepted) {
            Listener target = listeners.get(next);
            next = (next + 1) % listeners.size();
            if (target.loop == EventLoop.current()) {
                target.adopt(accepted);
                return;
            }
            try {
                target.loop.callSoonThreadsafe(() -> target.adopt(accepted));
            } catch (IllegalStateException closedLoop) {
                try {
                    accepted.close();
                } catch (IOException ignored) {
                    // never served
                }
            }
        }
    }
}
