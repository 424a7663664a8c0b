package io.jcoro.it.net;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Awaitable;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.ConnectionHandler;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server-lifecycle programs the network tests run (closing with clients connected, handler
 * failures), compiled by the processor like user code.
 */
public interface Servers {

    /** A handler that waits for the end of the stream. */
    @Async
    default Coroutine<Void> waitForEof(Connection c) throws IOException {
        while (await(c.reader().read(100)).length > 0) {
            // nothing to do
        }
        return done();
    }

    /** close() leaves handlers alone; closeClients ends them; waitClosed returns then. */
    @Async
    default Coroutine<Void> closeWithClients(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::waitForEof, "127.0.0.1", 0));
        List<Connection> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(await(Net.openConnection("127.0.0.1", server.port())));
        }
        await(sleep(50)); // accepted
        Task<Void> serving = createTask(awaitIt(server.serveForever()));
        server.close();
        await(serving);
        trace.add("serveForever ended");
        try {
            await(Coro.waitFor(server.waitClosed(), Duration.ofMillis(50)));
            trace.add("unexpected");
        } catch (AsyncTimeoutException e) {
            trace.add("handlers still running");
        }
        server.closeClients();
        await(server.waitClosed());
        trace.add("waitClosed");
        for (Connection c : clients) {
            trace.add("client eof " + await(c.reader().read(1)).length);
            await(c.closeAsync());
        }
        return done();
    }

    /** {@code awaitable} as a coroutine, for createTask. */
    @Async
    default Coroutine<Void> awaitIt(Awaitable<Void> awaitable) {
        await(awaitable);
        return done();
    }

    /** A handler that never ends by itself. */
    @Async
    default Coroutine<Void> sleepForever(Connection c) {
        await(sleep(3_600_000));
        return done();
    }

    /** abortClients ends even handlers that wait for something else. */
    @Async
    default Coroutine<Void> abortClients(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::sleepForever, "127.0.0.1", 0));
        Connection c = await(Net.openConnection("127.0.0.1", server.port()));
        await(sleep(50));
        server.close();
        server.abortClients();
        await(server.waitClosed());
        trace.add("waitClosed");
        trace.add("client eof " + await(c.reader().read(1)).length);
        await(c.closeAsync());
        return done();
    }

    /** A handler that fails after answering the first connection. */
    @Async
    default Coroutine<Void> failingHandler(Connection c) throws IOException {
        String line = await(c.reader().readLine());
        if (line.equals("fail")) {
            throw new IOException("handler failed");
        }
        c.writer().write("ok\n");
        return done();
    }

    /** The failure is reported, the connection closed, and the server keeps serving. */
    @Async
    default Coroutine<Void> handlerFailure(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::failingHandler, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.writer().write("fail\n");
            trace.add("failed one: " + await(c.reader().readLine()));
        }
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.writer().write("hello\n");
            trace.add("next one: " + await(c.reader().readLine()));
        }
        await(server.closeAsync());
        return done();
    }

    /**
     * Many clients at once on one loop, each checking that its lines come back whole and in order
     * from an {@code echo} server.
     */
    @Async
    default Coroutine<Void> manyClients(ConnectionHandler echo, int clients, int messages, List<String> trace)
            throws IOException {
        Server server = await(Net.startServer(echo, "127.0.0.1", 0));
        List<Awaitable<Integer>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(createTask(client(server.port(), i, messages)));
        }
        int inOrder = 0;
        for (int n : await(Coro.gather(running))) {
            inOrder += n;
        }
        trace.add("lines back in order: " + inOrder);
        server.close();
        await(server.waitClosed());
        trace.add("waitClosed");
        return done();
    }

    /** Writes all its lines, then reads them back: how many came back as sent, in order. */
    @Async
    default Coroutine<Integer> client(int port, int id, int messages) throws IOException {
        int inOrder = 0;
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            for (int j = 0; j < messages; j++) {
                c.writer().write(id + ":" + j + "\n");
            }
            await(c.writer().drain());
            for (int j = 0; j < messages; j++) {
                if ((id + ":" + j).equals(await(c.reader().readLine()))) {
                    inOrder++;
                }
            }
        }
        return done(inOrder);
    }
}
