package io.jcoro.it.stress;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.currentTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.waitFor;

import io.jcoro.Awaitable;
import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.internal.IoSelector;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The network coroutines of the I/O stress tests, compiled by the processor like user code.
 * Counters live in tallies written on the loop thread only.
 */
public interface IoWorkloads {
    /** Bounds every wait on a socket. */
    Duration BOUND = Duration.ofSeconds(60);

    // ------------------------------------------------------------------ many connections

    /**
     * What the echo server of {@link #checkAndEcho} saw. Message {@code seq} of connection
     * {@code id} is the line {@code "id seq"}; {@link #inOrder}{@code [id]} counts the messages of
     * connection {@code id} that came in order, each once.
     */
    final class EchoTally {
        final int connections;
        final int[] inOrder;
        /** Completed once every connection is accepted: until then no handler says "go". */
        final Promise<Void> allAccepted = new Promise<>();
        int live;
        int peakLive;
        long outOfOrder;
        long malformed;
        final List<String> firstProblems = new ArrayList<>();

        EchoTally(int connections) {
            this.connections = connections;
            this.inOrder = new int[connections];
        }

        void problem(String what) {
            if (firstProblems.size() < 5) {
                firstProblems.add(what);
            }
        }
    }

    /**
     * The server's handler: once all the connections are open at once, says "go", then echoes
     * each line, checking that it carries this connection's id and the next sequence number.
     */
    @Async
    default Coroutine<Void> checkAndEcho(Connection c, EchoTally t) throws IOException {
        t.peakLive = Math.max(t.peakLive, ++t.live);
        if (t.live == t.connections) {
            t.allAccepted.setResult(null);
        }
        await(waitFor(t.allAccepted, BOUND));
        c.writer().write("go\n");
        int id = -1;
        int next = 0;
        for (String line; (line = await(waitFor(c.reader().readLine(), BOUND))) != null; ) {
            int space = line.indexOf(' ');
            if (space < 0) {
                t.malformed++;
                t.problem("malformed line " + line);
                continue;
            }
            int lineId = Integer.parseInt(line, 0, space, 10);
            int seq = Integer.parseInt(line, space + 1, line.length(), 10);
            if (id < 0) {
                id = lineId;
            }
            if (lineId == id && seq == next) {
                t.inOrder[id]++;
            } else {
                t.outOfOrder++;
                t.problem("connection " + id + " expected message " + next + ", got " + line);
            }
            next = seq + 1;
            c.writer().write(line + "\n");
            await(c.writer().drain());
        }
        t.live--;
        return done();
    }

    /** What the clients of {@link #echoClients} saw; printed by {@link EchoClients}. */
    final class ClientTally {
        int connected;
        long echoedInOrder;
        long wrongEchoes;
        int completed;
        int failed;
        long slowestConnectNanos;
        final List<String> firstProblems = new ArrayList<>();

        void problem(String what) {
            if (firstProblems.size() < 5) {
                firstProblems.add(what);
            }
        }
    }

    /**
     * Client {@code id}: connects, waits for the server's "go", then sends message {@code seq}
     * = {@code "id seq"} for each {@code seq < messages}, each time reading its echo back.
     */
    @Async
    default Coroutine<Void> echoClient(int id, int port, int messages, ClientTally t) throws IOException {
        long start = System.nanoTime();
        try (Connection c = await(waitFor(Net.openConnection("127.0.0.1", port), BOUND))) {
            t.slowestConnectNanos = Math.max(t.slowestConnectNanos, System.nanoTime() - start);
            t.connected++;
            String go = await(waitFor(c.reader().readLine(), BOUND));
            if (!"go".equals(go)) {
                throw new IOException("expected go, got " + go);
            }
            for (int seq = 0; seq < messages; seq++) {
                String message = id + " " + seq;
                c.writer().write(message + "\n");
                String echo = await(waitFor(c.reader().readLine(), BOUND));
                if (message.equals(echo)) {
                    t.echoedInOrder++;
                } else {
                    t.wrongEchoes++;
                    t.problem("sent " + message + ", echoed " + echo);
                }
            }
        }
        t.completed++;
        return done();
    }

    /**
     * Serves {@link #checkAndEcho} on an ephemeral port of 127.0.0.1 until {@code clients}, given
     * the port, ends; then closes the server (aborting what is left if the clients failed) and
     * waits for its handlers. Returns what {@code clients} returned (the clients' exit status).
     */
    @Async
    default Coroutine<Integer> serveEchoesTo(EchoTally t, IntFunction<Awaitable<Integer>> clients) throws IOException {
        Server server = await(Net.startServer(c -> checkAndEcho(c, t), "127.0.0.1", 0));
        int exit = await(clients.apply(server.port()));
        server.close();
        if (exit != 0) {
            server.abortClients();
        }
        await(waitFor(server.waitClosed(), BOUND));
        return done(exit);
    }

    /** {@code n} clients of {@link #echoClient} at once; a failed one is counted, not thrown. */
    @Async
    default Coroutine<ClientTally> echoClients(int n, int port, int messages) throws IOException {
        ClientTally t = new ClientTally();
        List<Task<Void>> clients = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            clients.add(createTask(echoClient(id, port, messages, t)));
        }
        for (int i = 0; i < n; i++) {
            try {
                await(clients.get(i));
            } catch (Exception e) {
                t.failed++;
                t.problem("client " + i + ": " + e);
            }
            clients.set(i, null);
        }
        return done(t);
    }

    // ------------------------------------------------------------------ cancelled mid-read

    /** What {@link #cancelMidRead} saw. */
    final class CancelTally {
        static final String HEAD = "head:";
        static final String PARTIAL = "a line without its end";

        final List<Task<?>> handlers = new ArrayList<>();
        final List<Connection> connections = new ArrayList<>();
        /** Every connection, weakly: once the tasks are gone, nothing may keep one (or its buffers). */
        final List<WeakReference<Connection>> everyConnection = new ArrayList<>();
        int clientsReading;
        int handlersReading;
        int registeredWhileReading;
        int registeredAfterCancel;
        int registeredAfterServerClosed;
        int openFilesWhileReading;
        int openFilesAfterCancel;
        int openFilesAtStart;
        long endedCancelled;
        long stillOpen;
    }

    /** The server's handler: sends a head and part of a line, then reads a line that never comes. */
    @Async
    default Coroutine<Void> sendPartialThenRead(Connection c, CancelTally t) throws IOException {
        t.handlers.add(currentTask());
        t.connections.add(c);
        t.everyConnection.add(new WeakReference<>(c));
        c.writer().write(CancelTally.HEAD + CancelTally.PARTIAL);
        t.handlersReading++;
        await(waitFor(c.reader().readLine(), BOUND));
        return done();
    }

    /** A client: reads the head, then waits in a read of the line that never ends. */
    @Async
    default Coroutine<Void> readForever(int port, CancelTally t) throws IOException {
        try (Connection c = await(waitFor(Net.openConnection("127.0.0.1", port), BOUND))) {
            t.connections.add(c);
            t.everyConnection.add(new WeakReference<>(c));
            byte[] head = await(waitFor(c.reader().readExactly(CancelTally.HEAD.length()), BOUND));
            if (!CancelTally.HEAD.equals(new String(head, StandardCharsets.UTF_8))) {
                throw new AssertionError("head " + new String(head, StandardCharsets.UTF_8));
            }
            t.clientsReading++;
            await(waitFor(c.reader().readLine(), BOUND));
        }
        return done();
    }

    /**
     * {@code n} connections whose both ends wait in a read, the client's with part of its line
     * buffered; then every client task and every server handler task is cancelled. Counts, on the
     * loop's selector and in this process's open files, what is left after the cancellations and
     * after the server closed.
     */
    @Async
    default Coroutine<Void> cancelMidRead(int n, CancelTally t) throws IOException {
        IoSelector io = IoSelector.current();
        Server server = await(Net.startServer(c -> sendPartialThenRead(c, t), "127.0.0.1", 0));
        t.openFilesAtStart = OpenFiles.count();
        List<Task<Void>> tasks = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(readForever(server.port(), t)));
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        while ((t.clientsReading < n || t.handlersReading < n) && System.nanoTime() < deadline) {
            await(sleep(10));
        }
        t.registeredWhileReading = io.registeredChannels();
        t.openFilesWhileReading = OpenFiles.count();
        for (Task<?> h : t.handlers) {
            @SuppressWarnings("unchecked")
            Task<Void> handler = (Task<Void>) h;
            tasks.add(handler);
        }
        t.handlers.clear();
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        for (int i = 0; i < tasks.size(); i++) {
            try {
                await(tasks.get(i));
            } catch (CancelledError e) {
                t.endedCancelled++;
            }
            tasks.set(i, null);
        }
        await(sleep(10)); // the next selects drop the cancelled keys
        t.registeredAfterCancel = io.registeredChannels();
        t.openFilesAfterCancel = OpenFiles.count();
        for (Connection c : t.connections) {
            if (!c.isClosed()) {
                t.stillOpen++;
            }
        }
        t.connections.clear();
        server.close();
        await(waitFor(server.waitClosed(), BOUND));
        await(sleep(10));
        t.registeredAfterServerClosed = io.registeredChannels();
        return done();
    }
}
