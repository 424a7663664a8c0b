package io.jcoro.bench.io;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link EchoHandler} on one jcoro event loop, on a thread of its own. */
final class JcoroEchoServer implements EchoServer {
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
        int port;

        Started(EventLoop loop, CompletableFuture<Started> listening) {
            this.loop = loop;
            this.listening = listening;
        }
    }

    static JcoroEchoServer start() throws IOException, InterruptedException {
        CompletableFuture<Started> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            EventLoop loop = new EventLoop();
            Started s = new Started(loop, started);
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
    interface Serving extends EchoHandler {
        @Async
        default Coroutine<Void> serve(Started s) throws IOException {
            Server server = await(Net.startServer(c -> counted(c, s.live), "127.0.0.1", 0));
            s.port = server.port();
            s.listening.complete(s);
            await(s.stop);
            server.close();
            server.abortClients();
            await(server.waitClosed());
            return done();
        }

        /** {@link #echo}, counted in {@code live} while it runs. */
        @Async
        default Coroutine<Void> counted(Connection c, AtomicInteger live) throws IOException {
            live.incrementAndGet();
            try {
                await(echo(c));
            } finally {
                live.decrementAndGet();
            }
            return done();
        }
    }
}
