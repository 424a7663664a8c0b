package io.jcoro.it.net;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.CancelledError;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.ExceptionGroup;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.TaskGroup;
import io.jcoro.Timeout;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The cancellation and shutdown programs of the network tests: task groups of clients, cancelled
 * handlers, {@code timeout} scopes around reads and connects, a loop closed with its channels
 * open. Each records what it saw in a trace; every wait on a peer is bounded.
 */
public interface IoCancellations {
    /** The bound of a wait for a peer's reaction. */
    Duration BOUND = Duration.ofSeconds(5);

    /** A handler that reads until the end of the stream, then says whether it got there. */
    @Async
    default Coroutine<Void> eofWatcher(Connection c, List<String> trace) throws IOException {
        byte[] b = await(c.reader().read(1));
        trace.add(b.length == 0 ? "server saw eof" : "server read data?!");
        return done();
    }

    /** A client that waits for the server to speak (it never does) until it is cancelled. */
    @Async
    default Coroutine<Void> quietClient(int port, int id, List<String> trace) throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            try {
                await(c.reader().read(1));
                trace.add("client " + id + " read?!");
            } catch (CancelledError e) {
                trace.add("client " + id + " cancelled");
                throw e;
            }
        }
        return done();
    }

    /** A client that fails once connected. */
    @Async
    default Coroutine<Void> failingClient(int port, List<String> trace) throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            await(sleep(100)); // the others are connected and waiting
            throw new IOException("client 2 failed");
        }
    }

    /**
     * A task group of three clients, one of which fails: the group cancels the two others, each
     * connection is closed on the way out, and so every server handler sees the end of its stream
     * and ends by itself (the server's waitClosed returns without closeClients).
     */
    @Async
    default Coroutine<Void> taskGroupOfClients(List<String> trace) throws IOException {
        Server server = await(Net.startServer(c -> eofWatcher(c, trace), "127.0.0.1", 0));
        try {
            try (TaskGroup group = new TaskGroup()) {
                group.createTask(quietClient(server.port(), 0, trace));
                group.createTask(quietClient(server.port(), 1, trace));
                group.createTask(failingClient(server.port(), trace));
            }
            trace.add("group ended normally?!");
        } catch (ExceptionGroup e) {
            trace.add("group failed with " + e.exceptions());
        }
        server.close();
        await(Coro.waitFor(server.waitClosed(), BOUND));
        trace.add("handlers ended by themselves");
        return done();
    }

    /** A handler that tells its own task, then waits for data that never comes. */
    @Async
    default Coroutine<Void> parkedHandler(Connection c, Promise<Task<?>> me, List<String> trace) throws IOException {
        me.setResult(Coro.currentTask());
        try {
            await(c.reader().read(1));
            trace.add("handler read?!");
        } catch (CancelledError e) {
            trace.add("handler cancelled");
            throw e;
        }
        return done();
    }

    /** Cancelling a connection's handler task closes the connection: the client sees the end of the stream. */
    @Async
    default Coroutine<Void> cancelledHandler(List<String> trace) throws IOException {
        Promise<Task<?>> handler = new Promise<>();
        Server server = await(Net.startServer(c -> parkedHandler(c, handler, trace), "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            Task<?> task = await(handler);
            trace.add("cancel " + task.cancel());
            trace.add("client read " + await(Coro.waitFor(c.reader().read(1), BOUND)).length);
            trace.add("handler task cancelled " + task.isCancelled());
        }
        server.close();
        await(Coro.waitFor(server.waitClosed(), BOUND));
        trace.add("waitClosed");
        return done();
    }

    /** Sends "01234", then after 300 ms "56789", then waits for the client to close. */
    @Async
    default Coroutine<Void> sendLate(Connection c) throws IOException {
        c.writer().write("01234");
        await(sleep(300));
        c.writer().write("56789");
        await(c.reader().read(1));
        return done();
    }

    /**
     * A timeout scope around a read that cannot complete in time: AsyncTimeoutException at the end
     * of the scope, and the bytes that had come stay for the next read.
     */
    @Async
    default Coroutine<Void> timeoutAroundRead(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::sendLate, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            try {
                try (Timeout t = Coro.timeout(Duration.ofMillis(100))) {
                    await(c.reader().readExactly(10));
                    trace.add("read?!");
                }
            } catch (AsyncTimeoutException e) {
                trace.add("timed out, cause " + e.getCause().getClass().getSimpleName());
            }
            trace.add(new String(await(Coro.waitFor(c.reader().readExactly(10), BOUND)), StandardCharsets.UTF_8));
        }
        await(server.closeAsync());
        return done();
    }

    /** A timeout scope around a connect that hangs: AsyncTimeoutException, and the loop goes on. */
    @Async
    default Coroutine<Void> timeoutAroundConnect(int port, List<String> trace) throws IOException {
        long start = System.nanoTime();
        try {
            try (Timeout t = Coro.timeout(Duration.ofMillis(200))) {
                await(Net.openConnection("127.0.0.1", port));
                trace.add("connected?!");
            }
        } catch (AsyncTimeoutException e) {
            trace.add("timed out");
        }
        trace.add("after about 200 ms " + ((System.nanoTime() - start) / 1_000_000 >= 200));
        await(sleep(10));
        trace.add("loop goes on");
        return done();
    }

    /** A handler that counts itself as started, then waits for the end of the stream. */
    @Async
    default Coroutine<Void> countedHandler(Connection c, int[] started) throws IOException {
        started[0]++;
        await(c.reader().read(1));
        return done();
    }

    /**
     * Starts a server and opens two connections (one to {@code outsidePort}, one to the server
     * itself) and leaves them all open; the server's port goes to {@code serverPort[0]}.
     */
    @Async
    default Coroutine<Void> openAndLeave(int outsidePort, int[] serverPort, int[] started) throws IOException {
        Server server = await(Net.startServer(c -> countedHandler(c, started), "127.0.0.1", 0));
        serverPort[0] = server.port();
        await(Net.openConnection("127.0.0.1", outsidePort));
        await(Net.openConnection("127.0.0.1", server.port()));
        return done();
    }

    /** Waits (bounded) until {@code started[0]} handlers have started. */
    @Async
    default Coroutine<Void> untilStarted(int[] started, int count, List<String> trace) {
        for (int i = 0; i < 500 && started[0] < count; i++) {
            await(sleep(10));
        }
        trace.add("handlers started " + started[0]);
        return done();
    }
}
