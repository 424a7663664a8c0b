package io.jcoro.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's concurrent HTTP requests against a real HTTP/1.1 server on 127.0.0.1, with the
 * JDK's client and with jcoro's, and the example server's HTTP/1.1 behaviour.
 */
class HttpExampleTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> trace = new ArrayList<>();
    private final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    private final ExampleHttpServer server = Coro.create(ExampleHttpServer.class, (java.util.function.Consumer<String>) events::add);
    private final ConcurrentRequests example = Coro.create(ConcurrentRequests.class, (java.util.function.Consumer<String>) printed::add);
    private final ExampleRuns runs = Coro.create(ExampleRuns.class);
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void run(Callable<Coroutine<Void>> program) {
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(program.call()));
    }

    @Test
    void theSeedsConcurrentRequestsWithTheJdkClientAwaitedAsACompletionStage() {
        run(() -> runs.concurrentRequests(server, example, true, trace));
        assertConcurrent();
    }

    @Test
    void theSeedsConcurrentRequestsWithTheJcoroClient() {
        run(() -> runs.concurrentRequests(server, example, false, trace));
        assertConcurrent();
        // a fresh session for the three: three connections, the warm-up's being closed with its session
        Set<String> connections = new HashSet<>();
        for (String e : events.subList(2, 5)) {
            connections.add(e.substring(0, e.indexOf(' ')));
        }
        assertEquals(Set.of("#2", "#3", "#4"), connections, events::toString);
    }

    /**
     * The responses come in the order of the URLs; the server saw all three requests before it
     * answered any (sent one after another, the second would arrive after the first's answer),
     * answered them by delay, and the three took about the longest delay, not the sum.
     */
    private void assertConcurrent() {
        List<String> responses = List.of("waited 600 ms", "waited 200 ms", "waited 400 ms");
        assertEquals(responses, trace.subList(0, 3));
        assertEquals(List.of("hello", "waited 600 ms", "waited 200 ms", "waited 400 ms"), printed);
        List<String> seen = ExampleRuns.withoutConnection(events);
        assertEquals(List.of("GET /hello", "200 /hello"), seen.subList(0, 2));
        assertEquals(Set.of("GET /delay/600", "GET /delay/200", "GET /delay/400"), new HashSet<>(seen.subList(2, 5)),
                seen::toString);
        assertEquals(List.of("200 /delay/200", "200 /delay/400", "200 /delay/600"), seen.subList(5, 8));
        assertEquals(8, seen.size(), seen::toString);
        long took = Long.parseLong(trace.get(3).substring("took ".length()));
        System.out.println("seed 002's three requests (600, 200 and 400 ms) took " + took + " ms");
        assertTrue(took >= 600 && took < 1200, "three requests of 600, 200 and 400 ms took " + took + " ms");
        assertEquals(List.of(), reports);
    }

    @Test
    void aSessionKeepsItsConnectionAliveFromRequestToRequest() {
        run(() -> runs.keepAlive(server, trace));
        assertEquals(List.of("200 hello", "200 waited 10 ms", "404 no route for GET /nowhere",
                "200 14 a body, posted", "waitClosed"), trace);
        assertEquals(List.of("#1 GET /hello", "#1 200 /hello", "#1 GET /delay/10", "#1 200 /delay/10",
                "#1 GET /nowhere", "#1 404 /nowhere", "#1 POST /echo", "#1 200 /echo"), events);
    }

    @Test
    void aRequestGivenUpByItsCallerClosesItsConnection() {
        run(() -> runs.abandonedRequest(server, trace));
        assertEquals(List.of("timed out", "hello", "waitClosed"), trace);
        assertEquals(List.of("#1 GET /delay/300", "#2 GET /hello", "#2 200 /hello", "#1 client gone"), events);
        assertEquals(List.of(), reports);
    }

    @Test
    void aClientThatGoesAwayInsideABodyEndsItsConnectionQuietly() {
        run(() -> runs.rawExchanges(server, List.of(
                "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"), trace)); // 3 bytes of 10, then EOF
        assertEquals(List.of(""), trace);
        assertEquals(List.of("#1 client gone"), events);
        assertEquals(List.of(), reports);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndConnectionCloseIsHonoured() {
        run(() -> runs.rawExchanges(server, List.of(
                "GET /hello HTTP/1.1\r\nHost: a\r\n\r\nGET /delay/1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                "GET /hello HTTP/1.0\r\n\r\n",
                "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /delay/2 HTTP/1.1\r\nConnection: Close\r\n\r\n"),
                trace));
        String hello = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello";
        String helloAndClose = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello";
        String waited = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n"
                + "Connection: close\r\n\r\nwaited %d ms";
        assertEquals(List.of(hello + waited.formatted(1), helloAndClose, hello + waited.formatted(2)), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void aMalformedRequestIsAnswered400AndClosedAndTheServerKeepsServing() {
        run(() -> runs.rawExchanges(server, List.of(
                "NONSENSE\r\n\r\n",
                "GET /hello HTTP/1.1\r\nno colon here\r\n\r\n",
                "GET /hello HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
                "POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n"), trace));
        for (String answer : trace.subList(0, 4)) {
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
        }
        assertTrue(trace.get(4).startsWith("HTTP/1.1 501 Not Implemented\r\n"), trace.get(4));
        assertTrue(trace.get(5).endsWith("\r\n\r\nhello"), trace.get(5));
        assertEquals(List.of(), reports);
        List<String> bad = ExampleRuns.withoutConnection(events).subList(0, 5);
        assertEquals(List.of(
                "bad: 400 Invalid request line; error at offset 8: <NONSENSE>",
                "bad: 400 Invalid header; error at offset 13: <no colon here>",
                "bad: 400 Obsolete line folding or empty field line; error at offset 0: < folded>",
                "bad: 400 Invalid Content-Length: -1",
                "bad: 501 Transfer-Encoding is not supported"), bad);
    }

    @Test
    void aHeadOverTheReadersLimitIsAnswered431() {
        run(() -> runs.rawExchanges(server, List.of(
                "GET /hello HTTP/1.1\r\nX-Big: " + "x".repeat(70_000) + "\r\n\r\n"), trace));
        assertTrue(trace.get(0).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), trace.get(0));
        assertEquals(List.of("#1 bad: 431 head over 65536 bytes"), events);
    }
}
