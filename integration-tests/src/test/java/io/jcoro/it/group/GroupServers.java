package io.jcoro.it.group;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;

import io.jcoro.Coroutine;
import io.jcoro.EventLoopGroup;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Servers on a loop group and the clients that drive them, compiled like user code. */
public interface GroupServers {

    /**
     * Echoes lines; answers each with the name of the thread it runs on, so the client can check
     * that the connection stayed on one loop.
     */
    @Async
    default Coroutine<Void> echoWithThread(Connection c) throws IOException {
        for (String line; (line = await(c.reader().readLine())) != null; ) {
            c.writer().write(line + " " + Thread.currentThread().getName() + "\n");
            await(c.writer().drain());
        }
        return done();
    }

    /** One client: sends {@code lines} lines, and maps each thread that answered to its count. */
    @Async
    default Coroutine<Map<String, Integer>> client(int port, int id, int lines) throws IOException {
        Map<String, Integer> threads = new java.util.TreeMap<>();
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            for (int i = 0; i < lines; i++) {
                String sent = id + ":" + i;
                c.writer().write(sent + "\n");
                String reply = await(c.reader().readLine());
                if (!reply.startsWith(sent + " ")) {
                    throw new IllegalStateException("sent " + sent + ", got " + reply);
                }
                threads.merge(reply.substring(sent.length() + 1), 1, Integer::sum);
            }
        }
        return done(threads);
    }

    /**
     * Starts an echo server on {@code group}, runs {@code clients} clients against it from this
     * loop, closes it, and returns what each client saw.
     */
    @Async
    default Coroutine<List<Map<String, Integer>>> serveClients(EventLoopGroup group, int clients, int lines)
            throws IOException {
        Server server = await(Net.startServer(group, this::echoWithThread, "127.0.0.1", 0));
        try {
            List<Coroutine<Map<String, Integer>>> running = new ArrayList<>();
            for (int id = 0; id < clients; id++) {
                running.add(client(server.port(), id, lines));
            }
            return done(await(gather(running)));
        } finally {
            server.close();
            server.closeClients();
            await(server.waitClosed());
        }
    }

    /** A client connection to an echo server of this loop, left open (unchecked, for a {@code submit} supplier). */
    @Async
    default Coroutine<Connection> openClient() {
        try {
            Server server = await(Net.startServer(this::echoWithThread, "127.0.0.1", 0));
            return done(await(Net.openConnection("127.0.0.1", server.port())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts a server on {@code group} and keeps {@code clients} connections open until the peer ends. */
    @Async
    default Coroutine<Integer> connectAndWaitForEof(EventLoopGroup group, int clients) throws IOException {
        Server server = await(Net.startServer(group, this::echoWithThread, "127.0.0.1", 0));
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection c = await(Net.openConnection("127.0.0.1", server.port()));
            c.writer().write("hello\n");
            await(c.reader().readLine());
            open.add(c);
        }
        group.close(); // from another loop: cancels every handler, closes their connections
        int ended = 0;
        for (Connection c : open) {
            if (await(c.reader().read(10)).length == 0) {
                ended++;
            }
            c.abort();
        }
        server.close();
        await(server.waitClosed()); // the group's loops are closed: nothing is left to wait for
        return done(ended);
    }
}
