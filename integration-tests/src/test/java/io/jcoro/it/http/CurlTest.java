package io.jcoro.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code curl}, a client nobody here wrote, against the example HTTP server, which runs on a loop
 * of its own thread (skipped where there is no {@code curl}; {@code .ci/run} installs it).
 */
class CurlTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    private final Promise<Void> stop = new Promise<>(); // made outside any loop: any thread completes it
    private final EventLoop loop = new EventLoop();
    private Thread serving;
    private int port;

    @BeforeAll
    static void needsCurl() {
        boolean present;
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "curl is not installed (.ci/run installs it; locally: apt-get install curl)");
    }

    @BeforeEach
    void startServer() throws Exception {
        ExampleHttpServer handler = Coro.create(ExampleHttpServer.class, (java.util.function.Consumer<String>) events::add);
        ExampleRuns runs = Coro.create(ExampleRuns.class);
        CompletableFuture<Integer> started = new CompletableFuture<>();
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        serving = new Thread(() -> {
            try {
                loop.runUntilComplete(runs.serveUntil(handler, 0, started::complete, stop));
            } catch (Exception e) {
                started.completeExceptionally(e);
            } finally {
                loop.close();
            }
        }, "example-http-server");
        serving.start();
        port = started.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (serving.isAlive()) {
            loop.callSoonThreadsafe(() -> stop.setResult(null));
            serving.join(BOUND.toMillis());
        }
        assertEquals(List.of(), reports);
    }

    /** What the server saw, once it has stopped (curl may exit before the server notes its last answer). */
    private List<String> serverEvents() throws InterruptedException {
        stopServer();
        return events;
    }

    /** Runs curl with {@code args}; returns its standard output, after checking it exited 0. */
    private static String curl(String... args) {
        return assertTimeoutPreemptively(BOUND, () -> {
            List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "10"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            return out;
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void curlFetchesSeveralUrlsOverOneKeptAliveConnection() throws InterruptedException {
        // after each transfer: its status and how many connections it had to open
        String out = curl("--write-out", "\\n%{http_code} %{num_connects}\\n",
                url("/hello"), url("/delay/50"), url("/nowhere"));
        assertEquals("hello\n200 1\n" + "waited 50 ms\n200 0\n" + "no route for GET /nowhere\n404 0\n", out);
        assertEquals(List.of("#1 GET /hello", "#1 200 /hello", "#1 GET /delay/50", "#1 200 /delay/50",
                "#1 GET /nowhere", "#1 404 /nowhere"), serverEvents());
    }

    @Test
    void curlPostsABodyThatComesBack() throws InterruptedException {
        String body = "posted by curl: caf\u00e9 & \"quotes\"";
        String out = curl("--data-binary", body, "--header", "Content-Type: text/plain", url("/echo"));
        assertEquals(body, out);
        assertEquals(List.of("#1 POST /echo", "#1 200 /echo"), serverEvents());
    }
}
