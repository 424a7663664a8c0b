package io.jcoro.it.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coro;
import io.jcoro.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PageFetcher} against a local HTTP server: the {@code CompletableFuture}s of
 * {@code HttpClient.sendAsync} complete on the client's threads, and the gather hands the
 * responses to the {@code @Async} body on the loop, in argument order.
 */
@Timeout(30)
class GatherStagesTest {
    /** Released when the test ends: the "hang" handler waits on it, never longer than 10 s. */
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService serverThreads;
    private HttpServer server;
    private HttpClient http;
    private PageFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        serverThreads = Executors.newFixedThreadPool(6);
        server.setExecutor(serverThreads);
        server.createContext("/", this::serve);
        server.start();
        http = HttpClient.newHttpClient();
        fetcher = Coro.create(PageFetcher.class, http,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        serverThreads.shutdown();
        assertTrue(serverThreads.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** {@code /N} answers "page N" after N×10 ms (so the last argument completes first); {@code /hang} waits. */
    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(1);
        try {
            if (path.equals("hang")) {
                release.await(10, TimeUnit.SECONDS);
            } else {
                release.await(Integer.parseInt(path) * 10L, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = ("page " + path).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void fiveSendAsyncCallsAreGatheredInArgumentOrder() {
        assertEquals(List.of("page 5", "page 4", "page 3", "page 2", "page 1"), Coro.run(fetcher.fetchFive()));
    }

    @Test
    void gatherSettledOverACollectionOfCallsKeepsEachOutcomeInPlace() {
        List<Outcome<HttpResponse<String>>> outcomes = Coro.run(fetcher.fetchSettled(List.of("2", "1")));
        assertEquals("page 2", ((Outcome.Success<HttpResponse<String>>) outcomes.get(0)).value().body());
        assertEquals("page 1", ((Outcome.Success<HttpResponse<String>>) outcomes.get(1)).value().body());
    }

    @Test
    void aCallStandsBesideACoroutineThroughAwaitable() {
        List<Object> both = Coro.run(fetcher.fetchBesideACoroutine());
        assertEquals("page 1", ((HttpResponse<?>) both.get(0)).body());
        assertEquals(3, both.get(1));
    }

    @Test
    void aTimeoutCancelsEveryCallStillInFlight() {
        assertThrows(AsyncTimeoutException.class,
                () -> Coro.run(fetcher.fetchWithin(Duration.ofMillis(200), "1", "hang", "hang")));
        assertEquals(3, fetcher.issued.size());
        assertTrue(fetcher.issued.get(1).isCancelled() && fetcher.issued.get(2).isCancelled(),
                "the calls still in flight were cancelled");
    }
}
