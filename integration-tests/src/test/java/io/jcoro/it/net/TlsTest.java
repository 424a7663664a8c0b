package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcoro.Coro;
import io.jcoro.net.Tls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * TLS over real sockets on 127.0.0.1 with the tests' self-signed certificate
 * ({@link TestCertificates}): jcoro on both sides, then Python's asyncio and {@code openssl
 * s_client} as peers nobody here wrote.
 */
class TlsTest extends NetTestBase {
    private final TlsStreams streams = Coro.create(TlsStreams.class);
    private final TestCertificates certificates = TestCertificates.get();

    private Tls server() throws GeneralSecurityException {
        return Tls.server(certificates.serverContext());
    }

    private Tls client() throws GeneralSecurityException, IOException {
        return Tls.client(certificates.clientContext(), "localhost");
    }

    /** A program given the server's and the client's TLS. */
    @FunctionalInterface
    interface TlsProgram {
        io.jcoro.Coroutine<Void> make(Tls server, Tls client, List<String> trace) throws Exception;
    }

    private void run(TlsProgram program, Tls server, Tls client) {
        run(t -> program.make(server, client, t));
    }

    @Test
    void echoOverTls13() throws Exception {
        run(streams::echo, server(), client());
        assertEquals(List.of("TLSv1.3, ALPN null", "one", "two", "closed"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void echoOverTls12() throws Exception {
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
        tls12.init(null, certificates.trustManagers(), null);
        run(streams::echo, server(), Tls.client(tls12, "127.0.0.1"));
        assertEquals(List.of("TLSv1.2, ALPN null", "one", "two", "closed"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void alpnChoosesTheProtocolBothSidesSpeak() throws Exception {
        run(streams::echo, server().withApplicationProtocols("h2", "http/1.1"),
                client().withApplicationProtocols("http/1.1"));
        assertEquals(List.of("TLSv1.3, ALPN http/1.1", "one", "two", "closed"), trace);
    }

    @Test
    void aMebibyteGoesThereAndBackInManyRecords() throws Exception {
        run(streams::bigMessage, server(), client());
        assertEquals(List.of("echoed 1048576 bytes, same true"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void aWrongServerNameFailsTheConnectWithSSLHandshakeException() throws Exception {
        run(streams::failedHandshake, server(), Tls.client(certificates.clientContext(), "wrong.example"));
        assertEquals(1, trace.size(), trace::toString);
        // JDK 25 puts the alert first: "(certificate_unknown) No subject alternative ..."
        assertTrue(trace.get(0).startsWith("SSLHandshakeException: ")
                && trace.get(0).contains("No subject alternative DNS name matching wrong.example"), trace::toString);
    }

    @Test
    void anUntrustedCertificateFailsTheConnectAndTheServerReportsIt() throws Exception {
        // the JDK's CAs: not our certificate
        run(streams::failedHandshake, server(), Tls.client(SSLContext.getDefault()));
        assertEquals(1, trace.size(), trace::toString);
        assertTrue(trace.get(0).startsWith("SSLHandshakeException: ")
                && trace.get(0).contains("PKIX path building failed"), trace::toString);
        assertEquals(1, reports.size(), reports::toString);
        assertTrue(reports.get(0).startsWith("TLS handshake failed on Connection[")
                && reports.get(0).contains("javax.net.ssl.SSLHandshakeException"), reports::toString);
    }

    @Test
    void aSilentPeerFailsTheHandshakeWhenItTimesOut() throws Exception {
        Tls client = client().withHandshakeTimeout(Duration.ofMillis(300));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            run(t -> streams.handshakeTimeout(silent.getLocalPort(), client, t));
        }
        assertEquals(List.of("TLS handshake timed out after PT0.3S", "within bound true"), trace);
    }

    @Test
    void aCloseSendsCloseNotifyAndThePeerReadsTheEnd() throws Exception {
        run(streams::closeNotify, server(), client());
        assertEquals(List.of("server read 3 bytes, then eof"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void aCloseThatGetsNoCloseNotifyBackEndsAfterTheShutdownTimeout() throws Exception {
        run(streams::unansweredClose, server(), client().withShutdownTimeout(Duration.ofMillis(300)));
        assertEquals(List.of("closed true, waited the bound true"), trace);
    }

    @Test
    void startTlsUpgradesAPlaintextConnectionOnBothSides() throws Exception {
        run(streams::startTls, server(), client());
        assertEquals(List.of("server got STARTTLS", "client got OK", "client before null"), trace.subList(0, 3));
        assertEquals(List.of("client TLSv1.3", "client got secret", "server TLSv1.3"),
                trace.subList(3, 6).stream().sorted().toList());
        assertEquals(6, trace.size(), trace::toString);
        assertEquals(List.of(), reports);
    }

    @Test
    void writeEofHalfClosesATlsConnectionAndTheAnswerStillComes() throws Exception {
        run(streams::tlsHalfClose, server(), client());
        assertEquals(List.of("got 50000", "line after: null"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void aStartTlsCutShortAbortsTheConnection() throws Exception {
        Tls client = client();
        run(t -> streams.cancelledStartTls(client, t));
        assertEquals(List.of("timed out, closed true", "TLS was already started on Connection[...]"), trace);
    }

    @Test
    void aFailedHandshakeIsReportedAndTheServerKeepsServing() throws Exception {
        run(streams::serverKeepsServing, server(), client());
        assertEquals("still serving", trace.get(1), trace::toString);
        assertTrue(trace.get(0).startsWith("plaintext client"), trace::toString);
        assertEquals(1, reports.size(), reports::toString);
        assertTrue(reports.get(0).startsWith("TLS handshake failed on Connection[")
                && reports.get(0).contains("javax.net.ssl.SSLException"), reports::toString);
    }

    // ------------------------------------------------------------------ peers nobody here wrote

    @Test
    void anAsyncioTlsClientIsServedByAJcoroServer() throws Exception {
        assumeTrue(PythonInteropTest.hasPython(), "python3 is not installed");
        Tls server = server();
        List<String> output = PythonInteropTest.pythonClientOf(
                (port, stop) -> streams.tlsEchoServer(server, port, stop), "echo_client.py",
                certificates.certificatePem.toString());
        assertEquals(List.of("TLSv1.3", "same", "same", "same", "same", "closed"), output);
    }

    @Test
    void aJcoroTlsClientTalksToAnAsyncioTlsServer() throws Exception {
        assumeTrue(PythonInteropTest.hasPython(), "python3 is not installed");
        Tls client = client();
        List<String> lines = List.of("hello", "w\u00f6rld", "x".repeat(60_000), "");
        List<String> echoed = Collections.synchronizedList(new ArrayList<>());
        PythonInteropTest.againstPythonServer(port -> streams.tlsEchoClient(port, client, lines, echoed::add),
                certificates.certificatePem.toString(), certificates.keyPem.toString());
        List<String> expected = new ArrayList<>(List.of("TLSv1.3"));
        expected.addAll(lines);
        assertEquals(expected, echoed);
    }

    /**
     * {@code openssl s_client} against a jcoro server: lines echoed before and after a TLS 1.3
     * KeyUpdate that asks the server to update its keys too (s_client's "K" command).
     */
    @Test
    void opensslClientWithAKeyUpdateIsServed() throws Exception {
        assumeTrue(PythonInteropTest.runs("openssl", "version"), "openssl is not installed");
        Tls server = server();
        List<String> output = PythonInteropTest.serverAgainst((port, stop) -> streams.tlsEchoServer(server, port, stop),
                port -> opensslSession(port, List.of("before", "K", "after")));
        assertEquals(List.of("before", "KEYUPDATE", "after"), output);
    }

    private List<String> opensslSession(int port, List<String> commands) throws Exception {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername",
                "localhost", "-CAfile", certificates.certificatePem.toString(), "-verify_return_error",
                "-no_ign_eof").redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "openssl-output");
        pump.start();
        List<String> echoed = new ArrayList<>();
        try (OutputStream in = p.getOutputStream()) {
            for (String command : commands) {
                in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                // each line must be read alone: s_client drops what it read with a command
                echoed.add(awaitLine(lines, command.equals("K") ? "KEYUPDATE" : command));
            }
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "openssl s_client did not end");
        pump.join();
        return echoed;
    }

    /** Waits (bounded) for {@code expected} among s_client's output lines. */
    private static String awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(line)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no echo of " + expected + " in " + seen);
    }
}
