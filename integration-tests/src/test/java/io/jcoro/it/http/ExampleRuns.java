package io.jcoro.it.http;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The programs the HTTP tests run, each starting the {@link ExampleHttpServer} on 127.0.0.1 on
 * its own loop and closing it at the end; compiled by the processor like user code.
 */
public interface ExampleRuns {
    /** The bound of one exchange of these programs. */
    Duration EXCHANGE_BOUND = Duration.ofSeconds(10);

    /** Starts {@code handler}'s server on {@code port} of 127.0.0.1 (0: an ephemeral one). */
    @Async
    default Coroutine<Server> start(ExampleHttpServer handler, int port) throws IOException {
        return done(await(Net.startServer(handler::serve, "127.0.0.1", port)));
    }

    /** Closes the server, ends the handlers of connections a client left open, and waits for them. */
    @Async
    default Coroutine<Void> stop(Server server) {
        server.close();
        server.closeClients();
        await(Coro.waitFor(server.waitClosed(), EXCHANGE_BOUND));
        return done();
    }

    /**
     * Seed 002's example against the server, with the JDK's client ({@code jdk}) or jcoro's: a
     * warm-up request, then three delayed ones at once, of which {@code trace} gets the responses
     * in the order of the URLs and how long the three took ({@code "took <ms>"}).
     */
    @Async
    default Coroutine<Void> concurrentRequests(ExampleHttpServer handler, ConcurrentRequests example, boolean jdk,
            List<String> trace) throws IOException {
        Server server = await(start(handler, 0));
        String base = "http://127.0.0.1:" + server.port();
        List<String> warmUp = List.of(base + "/hello");
        List<String> urls = List.of(base + "/delay/600", base + "/delay/200", base + "/delay/400");
        List<String> responses;
        long start;
        if (jdk) {
            await(example.mainWithJdk(warmUp));
            start = System.nanoTime();
            responses = await(example.mainWithJdk(urls));
        } else {
            await(example.main(warmUp));
            start = System.nanoTime();
            responses = await(example.main(urls));
        }
        trace.addAll(responses);
        trace.add("took " + (System.nanoTime() - start) / 1_000_000);
        await(stop(server));
        return done();
    }

    /** Requests one after another in one session: they share one kept-alive connection. */
    @Async
    default Coroutine<Void> keepAlive(ExampleHttpServer handler, List<String> trace) throws IOException {
        Server server = await(start(handler, 0));
        String base = "http://127.0.0.1:" + server.port();
        try (HttpSession session = HttpSession.open()) {
            for (String path : List.of("/hello", "/delay/10", "/nowhere")) {
                try (HttpSession.Response response = await(session.get(base + path))) {
                    trace.add(response.status() + " " + await(response.text()));
                }
            }
            byte[] body = "a body, posted".getBytes(StandardCharsets.UTF_8);
            try (HttpSession.Response response = await(session.post(base + "/echo", body))) {
                trace.add(response.status() + " " + response.header("content-length") + " " + await(response.text()));
            }
        }
        server.close();
        await(Coro.waitFor(server.waitClosed(), EXCHANGE_BOUND)); // the session closed its connection
        trace.add("waitClosed");
        return done();
    }

    /**
     * A request whose caller gives up (a timeout) takes its connection down with it, so the
     * server's handler sees the client go and ends; the session's next request opens another.
     */
    @Async
    default Coroutine<Void> abandonedRequest(ExampleHttpServer handler, List<String> trace) throws IOException {
        Server server = await(start(handler, 0));
        String base = "http://127.0.0.1:" + server.port();
        try (HttpSession session = HttpSession.open()) {
            try {
                await(Coro.waitFor(session.get(base + "/delay/300"), Duration.ofMillis(50)));
                trace.add("answered?!");
            } catch (AsyncTimeoutException e) {
                trace.add("timed out");
            }
            try (HttpSession.Response response = await(session.get(base + "/hello"))) {
                trace.add(await(response.text()));
            }
        }
        server.close();
        await(Coro.waitFor(server.waitClosed(), EXCHANGE_BOUND)); // no closeClients: every handler ended by itself
        trace.add("waitClosed");
        return done();
    }

    /**
     * Sends each of {@code requests} as raw bytes on a connection of its own, half-closes it, and
     * reads until the server closes it; {@code trace} gets each whole answer.
     */
    @Async
    default Coroutine<Void> rawExchanges(ExampleHttpServer handler, List<String> requests, List<String> trace)
            throws IOException {
        Server server = await(start(handler, 0));
        for (String request : requests) {
            trace.add(await(Coro.waitFor(exchange(server.port(), request), EXCHANGE_BOUND)));
        }
        await(stop(server));
        return done();
    }

    /** Writes {@code request} and half-closes (no more requests), then reads to the end of the stream. */
    @Async
    default Coroutine<String> exchange(int port, String request) throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            c.writer().write(request);
            c.writer().writeEof();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (byte[] b; (b = await(c.reader().read(4096))).length > 0; ) {
                answer.writeBytes(b);
            }
            return done(answer.toString(StandardCharsets.UTF_8));
        }
    }

    /** Serves on {@code port} (0: an ephemeral one) until {@code stopped} completes, telling the port. */
    @Async
    default Coroutine<Void> serveUntil(ExampleHttpServer handler, int port, Consumer<Integer> started,
            Promise<Void> stopped) throws IOException {
        Server server = await(start(handler, port));
        started.accept(server.port());
        await(stopped);
        await(stop(server));
        return done();
    }

    /** The events of {@code events} without their connection numbers ("#2 GET /x" becomes "GET /x"). */
    static List<String> withoutConnection(List<String> events) {
        List<String> stripped = new ArrayList<>();
        for (String e : events) {
            stripped.add(e.substring(e.indexOf(' ') + 1));
        }
        return stripped;
    }
}
