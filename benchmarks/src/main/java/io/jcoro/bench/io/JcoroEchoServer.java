package io.jcoro.bench.io;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coro;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.ConnectionHandler;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import io.jcoro.net.Tls;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link EchoHandler} on one jcoro event loop, on a thread of its own; or, through
 * {@link #start(ConnectionHandler, EventLoopGroup)}, any handler, on that loop or served by the loops
 * of a group ({@code Net.startServer(group, ...)}; the own loop then only owns the server); or,
 * through {@link #startTls}, over TLS on that loop.
 */
public final class JcoroEchoServer implements EchoServer {
    private final Thread thread;
    private final EventLoop loop;
    private final Promise<Void> stop;
    private final int port;
    private final AtomicInteger live;

    private JcoroEchoServer(Thread thread, Started started) {
        this.thread = thread;
        this.loop = started.loop;
        this.stop = started.stop;
        this.port = started.port;
        this.live = started.live;
    }

    /** What the loop thread hands back once it listens. */
    static final class Started {
        final EventLoop loop;
        final Promise<Void> stop = new Promise<>();
        final AtomicInteger live = new AtomicInteger();
        final CompletableFuture<Started> listening;
        final ConnectionHandler handler;
        final Listen listen;
        int port;

        Started(EventLoop loop, CompletableFuture<Started> listening, ConnectionHandler handler, Listen listen) {
            this.loop = loop;
            this.listening = listening;
            this.handler = handler;
            this.listen = listen;
        }
    }

    /** How the server listens on 127.0.0.1 (an ephemeral port), run on its loop: which {@code Net.startServer}. */
    @FunctionalInterface
    interface Listen {
        Awaitable<Server> on127(ConnectionHandler handler) throws IOException;
    }

    static JcoroEchoServer start() throws IOException, InterruptedException {
        return start(Coro.create(EchoHandler.class)::echo, null);
    }

    /**
     * Serves each connection with {@code handler}: on the server's own loop if {@code group} is
     * null, else on the loops of {@code group} (which the caller closes after this server).
     */
    public static JcoroEchoServer start(ConnectionHandler handler, EventLoopGroup group)
            throws IOException, InterruptedException {
        return serve(handler, group == null
                ? h -> Net.startServer(h, "127.0.0.1", 0)
                : h -> Net.startServer(group, h, "127.0.0.1", 0));
    }

    /** Serves each connection with {@code handler} on the server's own loop, over TLS. */
    public static JcoroEchoServer startTls(ConnectionHandler handler, Tls tls) throws IOException, InterruptedException {
        return serve(handler, h -> Net.startServer(h, "127.0.0.1", 0, tls));
    }

    private static JcoroEchoServer serve(ConnectionHandler handler, Listen listen)
            throws IOException, InterruptedException {
        CompletableFuture<Started> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            EventLoop loop = new EventLoop();
            Started s = new Started(loop, started, handler, listen);
            try {
                loop.runUntilComplete(Coro.create(Serving.class).serve(s));
            } catch (IOException | RuntimeException | Error e) {
                if (!started.completeExceptionally(e)) {
                    e.printStackTrace(); // it failed after it started: the run's results say so too
                }
            } finally {
                loop.close();
            }
        }, "jcoro-echo");
        thread.start();
        try {
            return new JcoroEchoServer(thread, started.get());
        } catch (ExecutionException e) {
            throw new IOException("the jcoro echo server did not start", e.getCause());
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int liveConnections() {
        return live.get();
    }

    @Override
    public void close() throws InterruptedException {
        loop.callSoonThreadsafe(() -> stop.setResult(null));
        thread.join();
    }

    /** The loop's one coroutine: listens, serves until stopped, then aborts what is left. */
    interface Serving {
        @Async
        default Coroutine<Void> serve(Started s) throws IOException {
            Server server = await(s.listen.on127(c -> counted(c, s)));
            s.port = server.port();
            s.listening.complete(s);
            await(s.stop);
            server.close();
            server.abortClients();
            await(server.waitClosed());
            return done();
        }

        /** The handler, counted in {@code live} while it runs. */
        @Async
        default Coroutine<Void> counted(Connection c, Started s) throws Exception {
            s.live.incrementAndGet();
            try {
                await(s.handler.handle(c));
            } finally {
                s.live.decrementAndGet();
            }
            return done();
        }
    }
}
