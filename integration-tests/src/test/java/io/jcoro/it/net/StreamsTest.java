package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP streams over real sockets on 127.0.0.1 (and one Unix domain socket). */
class StreamsTest extends NetTestBase {
    private final Streams streams = Coro.create(Streams.class);

    @Test
    void echoServerAndClientExchangeLinesAndShutDownCleanly() {
        run(streams::echo);
        assertEquals(List.of("one", "two", "three", "local true", "remote port " + trace.get(4)
                .substring("remote port ".length()), "closed"), trace);
        assertTrue(trace.get(4).endsWith(" = server"), trace::toString);
        assertEquals(List.of(), reports);
    }

    @Test
    void unixDomainSocketsCarryStreamsToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path path = dir.resolve("echo.sock");
        run(t -> streams.unixEcho(path, t));
        assertEquals(List.of("port -1, file true", "over unix", "file after close false"), trace);
    }

    @Test
    void aHalfClosedClientStillReadsTheAnswer() {
        run(streams::halfClose);
        assertEquals(List.of("got 5000", "line after: null", "atEof true"), trace);
    }

    @Test
    void readsAfterTheEndOfTheStreamKeepSayingSo() {
        run(streams::readAfterEof);
        assertEquals(List.of("read 0", "read again 0", "line null", "incomplete 0/1", "atEof true"), trace);
    }

    @Test
    void aStreamThatEndsInsideAReadFailsItWithThePartialBytesConsumed() {
        run(streams::incompleteReads);
        assertEquals(List.of("abc/5", "then 0", "abc/-1", "atEof true"), trace);
    }

    @Test
    void aRefusedConnectionFailsWithConnectExceptionUnchanged() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        run(t -> streams.refused(port, t));
        assertEquals(List.of("refused: ConnectException"), trace);
    }

    @Test
    void aConnectThatHangsIsCancelledByWaitForWithAsyncTimeoutException() throws Exception {
        try (HangingListener peer = new HangingListener()) {
            run(t -> streams.connectTimeout(peer.port(), t));
        }
        assertEquals(List.of("timed out"), trace);
    }

    @Test
    void writingToAClosedPeerFailsTheDrainAndLaterWritesAreDropped() {
        run(streams::writeToClosed);
        assertEquals(List.of("eof 0", "drain failed: true", "same error: true"), trace.subList(0, 3));
    }

    @Test
    void aWriteAfterWriteEofFailsAndAWriteAfterAnAbortIsDropped() {
        run(streams::writeAfterEofOrAbort);
        assertEquals(List.of("write after writeEof()", "drain: connection closed", "closed true"), trace);
    }

    @Test
    void aPeerResetFailsTheReadWithTheSocketError() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread resetter = new Thread(() -> {
                try (Socket s = peer.accept()) {
                    OutputStream out = s.getOutputStream();
                    out.write("hi\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                    s.setSoLinger(true, 0); // close with RST
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            resetter.start();
            run(t -> streams.peerReset(peer.getLocalPort(), t));
            resetter.join();
        }
        assertEquals(List.of("reset: java.net.SocketException"), trace);
    }

    @Test
    void aReadCancelledOrTimedOutWhileWaitingLosesNoBytes() {
        run(streams::cancelledReadLosesNothing);
        assertEquals(List.of("cancelled", "timed out", "0123456789"), trace);
    }

    @Test
    void aLineOverTheLimitFailsWithLimitOverrunErrorAndStaysReadable() {
        run(streams::limitOverrun);
        assertEquals(List.of("overrun 40", "again 40", "kept 41", "tail"), trace);
    }

    @Test
    void drainWaitsAboveTheHighMarkForSeveralTasksUntilThePeerReads() {
        run(streams::backpressure);
        assertEquals(List.of("buffered above high: true", "drains waiting: true", "drained to low: true",
                "received " + 64 * 512 * 1024), trace);
    }

    @Test
    void aSteadyStreamOfReadsAllocatesLittleMoreThanTheReturnedArrays() throws Exception {
        int size = 1024;
        int reads = 20_000;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread sender = new Thread(() -> {
                try (Socket s = peer.accept(); OutputStream out = s.getOutputStream()) {
                    byte[] block = new byte[size * 16];
                    for (int sent = 0; sent < (reads + 1000 + 15) / 16; sent++) {
                        out.write(block);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            sender.start();
            long allocated = assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(
                    streams.allocationPerReads(peer.getLocalPort(), reads, size, threads::getCurrentThreadAllocatedBytes)));
            sender.join();
            long perRead = allocated / reads;
            // the array (1,040 bytes with its header) and the read's frame; no buffer per read
            assertTrue(perRead < size + 16 + 160, "bytes allocated per read: " + perRead);
        }
    }

    @Test
    void aReaderThatDoesNotReadStopsTakingBytesFromTheSocket() throws Exception {
        int total = 32 * 1024 * 1024;
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread sender = new Thread(() -> {
                try (Socket s = peer.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(new byte[total]); // blocks while the client does not take the bytes
                    sent.set(true);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            sender.start();
            run(t -> streams.pausedReading(peer.getLocalPort(), sent::get, t));
            sender.join();
        }
        assertEquals(List.of("sender blocked: true", "read " + total), trace);
    }

}
