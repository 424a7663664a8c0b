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

    /** A jcoro server program: reports its port, serves until {@code stop} completes. */
    @FunctionalInterface
    interface ServerProgram {
        io.jcoro.Coroutine<Void> make(java.util.function.Consumer<Integer> port, Promise<Void> stop) throws Exception;
    }

    /** A jcoro client program against {@code port}. */
    @FunctionalInterface
    interface ClientProgram {
        io.jcoro.Coroutine<Void> make(int port) throws Exception;
    }

    @BeforeAll
    static void needsPython() {
        assumeTrue(hasPython(), "python3 is not installed");
    }

    /** Whether {@code python3} runs here. */
    static boolean hasPython() {
        return runs("python3", "--version");
    }

    /** Whether {@code command} runs here and succeeds (within 10 s). */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String script(String name) throws URISyntaxException {
        return Path.of(PythonInteropTest.class.getResource("/net/" + name).toURI()).toString();
    }

    @Test
    void anAsyncioClientIsServedByAJcoroServer() throws Exception {
        assertEquals(List.of("same", "same", "same", "same", "eof"),
                pythonClientOf(streams::echoServer, "echo_client.py"));
    }

    /**
     * Runs {@code program} as a server on its own loop and thread, and the Python script
     * {@code client} (given the port, then {@code args}) against it; the client's output lines.
     */
    static List<String> pythonClientOf(ServerProgram program, String client, String... args) {
        return serverAgainst(program, port -> {
            List<String> command = new ArrayList<>(List.of("python3", script(client), String.valueOf(port)));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = readLines(p);
            assertEquals(0, p.waitFor(), () -> String.join("\n", lines));
            return lines;
        });
    }

    /** A peer process run against a server's port; what it saw. */
    @FunctionalInterface
    interface Peer {
        List<String> run(int port) throws Exception;
    }

    /** Runs {@code program} as a server on its own loop and thread, and {@code peer} against it. */
    static List<String> serverAgainst(ServerProgram program, Peer peer) {
        return assertTimeoutPreemptively(BOUND, () -> {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Promise<Void> stop = new Promise<>(); // made outside any loop: any thread completes it
            EventLoop loop = new EventLoop();
            Thread server = new Thread(() -> {
                try {
                    loop.runUntilComplete(program.make(port::complete, stop));
                } catch (Exception e) {
                    port.completeExceptionally(e);
                } finally {
                    loop.close();
                }
            }, "jcoro-server");
            server.start();
            try {
                return peer.run(port.get(10, TimeUnit.SECONDS));
            } finally {
                loop.callSoonThreadsafe(() -> stop.setResult(null));
                server.join();
            }
        });
    }

    @Test
    void aJcoroClientTalksToAnAsyncioServer() throws Exception {
        List<String> echoed = Collections.synchronizedList(new ArrayList<>());
        againstPythonServer(port -> streams.echoClient(port, List.of("hello", "w\u00f6rld", "x".repeat(60_000), ""),
                echoed::add));
        assertEquals(List.of("hello", "w\u00f6rld", "x".repeat(60_000), ""), echoed);
    }

    /** Runs the Python echo server (given {@code args}) and {@code client} against it, until both end. */
    static void againstPythonServer(ClientProgram client, String... args) {
        assertTimeoutPreemptively(BOUND, () -> {
            List<String> command = new ArrayList<>(List.of("python3", script("echo_server.py")));
            command.addAll(List.of(args));
            Process server = new ProcessBuilder(command).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                int port = Integer.parseInt(out.readLine().trim());
                Coro.run(client.make(port));
                server.getOutputStream().close(); // the server's stdin: it stops
                assertEquals(0, server.waitFor(), () -> new String(readAll(server), StandardCharsets.UTF_8));
            } finally {
                server.destroy();
            }
        });
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
