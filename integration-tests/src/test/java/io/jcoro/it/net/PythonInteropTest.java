package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jcoro's streams against a peer nobody here wrote: Python's asyncio, run as a {@code python3}
 * subprocess on 127.0.0.1 (skipped where there is no {@code python3}).
 */
class PythonInteropTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Streams streams = Coro.create(Streams.class);

    @BeforeAll
    static void needsPython() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "python3 is not installed");
    }

    private static String script(String name) throws URISyntaxException {
        return Path.of(PythonInteropTest.class.getResource("/net/" + name).toURI()).toString();
    }

    @Test
    void anAsyncioClientIsServedByAJcoroServer() throws Exception {
        List<String> clientOutput = assertTimeoutPreemptively(BOUND, () -> {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Promise<Void> stop = new Promise<>(); // made outside any loop: any thread completes it
            EventLoop loop = new EventLoop();
            Thread server = new Thread(() -> {
                try {
                    loop.runUntilComplete(streams.echoServer(port::complete, stop));
                } catch (Exception e) {
                    port.completeExceptionally(e);
                } finally {
                    loop.close();
                }
            }, "jcoro-server");
            server.start();
            try {
                Process client = new ProcessBuilder("python3", script("echo_client.py"),
                        String.valueOf(port.get(10, TimeUnit.SECONDS))).redirectErrorStream(true).start();
                List<String> lines = readLines(client);
                assertEquals(0, client.waitFor(), () -> String.join("\n", lines));
                return lines;
            } finally {
                loop.callSoonThreadsafe(() -> stop.setResult(null));
                server.join();
            }
        });
        assertEquals(List.of("same", "same", "same", "same", "eof"), clientOutput);
    }

    @Test
    void aJcoroClientTalksToAnAsyncioServer() throws Exception {
        List<String> echoed = Collections.synchronizedList(new ArrayList<>());
        assertTimeoutPreemptively(BOUND, () -> {
            Process server = new ProcessBuilder("python3", script("echo_server.py")).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                int port = Integer.parseInt(out.readLine().trim());
                Coro.run(streams.echoClient(port, List.of("hello", "w\u00f6rld", "x".repeat(60_000), ""),
                        echoed::add));
                server.getOutputStream().close(); // the server's stdin: it stops
                assertEquals(0, server.waitFor(), () -> new String(readAll(server), StandardCharsets.UTF_8));
            } finally {
                server.destroy();
            }
        });
        assertEquals(List.of("hello", "w\u00f6rld", "x".repeat(60_000), ""), echoed);
    }

    private static List<String> readLines(Process p) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
