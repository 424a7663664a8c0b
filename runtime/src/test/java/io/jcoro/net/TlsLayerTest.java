package io.jcoro.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * The TLS layer's engine states over an in-memory "socket" pair whose reads and writes take a
 * few bytes at a time (records split across reads, a socket that is often full), with no event
 * loop: the test plays the selector, calling {@code readable()} and {@code writable()} while
 * either side has something to do.
 */
class TlsLayerTest {

    /** One end of the in-memory socket pair, and what the layer tells its connection. */
    static final class FakeLink implements TlsLayer.Link {
        final ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        final List<Runnable> timers = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        /** Bytes on their way to this end, not read yet. */
        ByteBuffer inbound = ByteBuffer.allocate(4 << 20).flip();
        FakeLink peer;
        TlsLayer layer;
        int readChunk;
        int writeChunk;
        boolean peerShutOutput;
        boolean wantsWritable;
        boolean eof;
        boolean closed;
        IOException error;
        int writerCalls;
        boolean discard;
        long discarded;

        FakeLink(int readChunk, int writeChunk) {
            this.readChunk = readChunk;
            this.writeChunk = writeChunk;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!inbound.hasRemaining()) {
                return peerShutOutput || peer.closed ? -1 : 0;
            }
            int n = Math.min(Math.min(readChunk, dst.remaining()), inbound.remaining());
            dst.put(inbound.slice().limit(n));
            inbound.position(inbound.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (closed || peer.closed) {
                throw new IOException("Broken pipe");
            }
            int n = Math.min(writeChunk, src.remaining());
            peer.deliver(src.slice().limit(n));
            src.position(src.position() + n);
            return n;
        }

        /** Appends {@code bytes} to what this end will read. */
        void deliver(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (inbound.capacity() - inbound.limit() < n) {
                inbound.compact().flip();
            }
            int end = inbound.limit();
            inbound.limit(end + n);
            inbound.put(end, bytes, bytes.position(), n);
        }

        @Override
        public void shutdownOutput() {
            peer.peerShutOutput = true;
        }

        @Override
        public void wantWritable(boolean on) {
            wantsWritable = on;
        }

        @Override
        public void wantReadable() {
            // always reading
        }

        @Override
        public void received(ByteBuffer bytes) {
            if (discard) { // counted, not kept: allocates nothing
                discarded += bytes.remaining();
                bytes.position(bytes.limit());
                return;
            }
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            plaintext.writeBytes(b);
        }

        @Override
        public void receivedEof() {
            eof = true;
        }

        @Override
        public void writerMayWrite() {
            writerCalls++;
        }

        @Override
        public void close(IOException e) {
            if (!closed) {
                closed = true;
                error = e;
                layer.ended(e);
            }
        }

        @Override
        public ByteBuffer scratch() {
            return scratch;
        }

        @Override
        public Runnable schedule(Duration delay, Runnable action) {
            timers.add(action);
            delays.add(delay);
            return () -> timers.remove(action);
        }

        /** Whether the selector would call this end now. */
        boolean ready() {
            return !closed && (inbound.hasRemaining() || wantsWritable
                    || ((peerShutOutput || peer.closed) && !eof));
        }
    }

    private FakeLink client = new FakeLink(1, 7);
    private FakeLink server = new FakeLink(1, 7);

    private void connect(SSLContext clientContext, SSLContext serverContext, Tls clientTls, Tls serverTls) {
        client.peer = server;
        server.peer = client;
        client.layer = new TlsLayer(clientTls.newEngine("localhost", 443), clientTls, client);
        server.layer = new TlsLayer(serverTls.newEngine(null, -1), serverTls, server);
        client.layer.begin();
        server.layer.begin();
    }

    private void connect() throws Exception {
        SSLContext c = SelfSigned.client("TLS");
        SSLContext s = SelfSigned.server("TLS");
        connect(c, s, Tls.client(c, "localhost"), Tls.server(s));
    }

    /** Plays the selector until neither end has anything to do (bounded). */
    private void settle() {
        for (int i = 0; i < 1_000_000 && (client.ready() || server.ready()); i++) {
            for (FakeLink end : new FakeLink[] {client, server}) {
                if (end.ready()) {
                    end.layer.readable();
                }
                if (end.wantsWritable && !end.closed) {
                    end.layer.writable();
                }
            }
        }
    }

    @Test
    void theHandshakeEndsWithRecordsArrivingOneByteAtATime() throws Exception {
        connect();
        settle();
        assertTrue(client.layer.isHandshaken());
        assertTrue(server.layer.isHandshaken());
        assertNull(client.layer.handshakeOutcome());
        assertEquals("TLSv1.3", client.layer.engine().getSession().getProtocol());
        assertEquals(List.of(), client.timers, "the handshake timer is cancelled");
        assertEquals(List.of(Tls.DEFAULT_HANDSHAKE_TIMEOUT), client.delays);
        assertFalse(client.closed || server.closed);
    }

    @Test
    void plaintextIsTakenOnlyAfterTheHandshakeAndArrivesWhole() throws Exception {
        connect();
        ByteBuffer early = ByteBuffer.wrap(new byte[] {1, 2, 3});
        assertEquals(0, client.layer.write(early), "no plaintext during the handshake");
        client.layer.writerWants(true);
        assertFalse(client.wantsWritable, "no writable events while the handshake waits for the peer");
        settle();
        assertTrue(client.writerCalls > 0, "the writer is told it may go on once the handshake ended");

        byte[] message = new byte[100_000];
        new Random(1).nextBytes(message);
        ByteBuffer src = ByteBuffer.wrap(message);
        client.writeChunk = 1000;
        server.readChunk = 500; // still less than a record: records split across reads
        int taken = 0;
        for (int i = 0; i < 10_000 && src.hasRemaining(); i++) {
            taken += client.layer.write(src);
            settle();
        }
        assertEquals(message.length, taken);
        assertArrayEquals(message, server.plaintext.toByteArray());
    }

    @Test
    void aRecordIsWrappedOnlyWhenTheLastOneLeft() throws Exception {
        connect();
        settle();
        client.writeChunk = 0; // the socket takes nothing
        ByteBuffer src = ByteBuffer.wrap(new byte[50_000]);
        int taken = client.layer.write(src);
        assertTrue(taken > 0 && taken <= 16_384, "one record's worth of plaintext: " + taken);
        assertTrue(client.wantsWritable, "the record waits for a writable socket");
        assertEquals(0, client.layer.write(src), "nothing more until it left");
        client.writeChunk = 100_000;
        client.layer.writable();
        assertFalse(client.wantsWritable);
        settle();
        assertEquals(taken, server.plaintext.size());
    }

    /**
     * The layer reuses its buffers: a steady stream of full records allocates, on both sides
     * together, less than half a record per record (what the JDK's AES-GCM and record code
     * allocate: about 3 KB a side on JDK 17 and 25), never a buffer per read.
     */
    @Test
    void steadyRecordsAllocateNoBufferPerRead() throws Exception {
        connect();
        settle();
        client.writeChunk = Integer.MAX_VALUE;
        server.readChunk = Integer.MAX_VALUE;
        server.discard = true;
        ByteBuffer record = ByteBuffer.allocate(16 * 1024);
        long perRecord = allocatedPerRecord(() -> {
            record.clear();
            client.layer.write(record);
            server.layer.readable();
        });
        assertEquals(4_000L * record.capacity(), server.discarded);
        assertTrue(perRecord < record.capacity() / 2, "bytes allocated per 16 KiB record: " + perRecord);
    }

    /** One record's step, which may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /** Bytes this thread allocates per {@code step}, after as many steps to warm up. */
    private static long allocatedPerRecord(Step step) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            step.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            step.run();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / n;
    }

    @Test
    void closeSendsCloseNotifyAndEndsWhenThePeerAnswers() throws Exception {
        connect();
        settle();
        client.layer.close();
        settle();
        assertTrue(server.eof, "the server read the end of the stream");
        assertFalse(client.closed, "the client waits for the server's close_notify");
        assertEquals(List.of(Tls.DEFAULT_SHUTDOWN_TIMEOUT), client.delays.subList(1, 2));
        server.layer.close();
        settle();
        assertTrue(client.closed && server.closed);
        assertNull(client.error);
        assertNull(server.error);
        assertEquals(List.of(), client.timers, "the shutdown timer is cancelled");
    }

    @Test
    void closeEndsWhenTheShutdownTimerFiresWithoutAnAnswer() throws Exception {
        connect();
        settle();
        client.layer.close();
        settle();
        assertFalse(client.closed);
        assertEquals(1, client.timers.size());
        client.timers.get(0).run();
        assertTrue(client.closed);
        assertNull(client.error, "an unanswered close_notify is no error");
    }

    @Test
    void tls12AnswersThePeersCloseNotifyByItself() throws Exception {
        SSLContext c = SelfSigned.client("TLSv1.2");
        SSLContext s = SelfSigned.server("TLS");
        connect(c, s, Tls.client(c), Tls.server(s));
        settle();
        assertEquals("TLSv1.2", client.layer.engine().getSession().getProtocol());
        client.layer.close();
        settle();
        assertTrue(server.eof);
        assertTrue(client.closed, "the server's engine answered with its close_notify");
        IOException e = assertThrows(IOException.class, () -> server.layer.write(ByteBuffer.wrap(new byte[1])));
        assertEquals("TLS session closed", e.getMessage());
    }

    @Test
    void theHandshakeTimerClosesWithSocketTimeoutException() throws Exception {
        connect();
        client.timers.get(0).run(); // before the server answered
        assertInstanceOf(SocketTimeoutException.class, client.error);
        IOException thrown = assertThrows(IOException.class, client.layer::handshakeOutcome);
        assertSame(client.error, thrown, "the same exception, unchanged");
    }

    @Test
    void aCorruptRecordFailsThisEndWithSSLExceptionAndAlertsThePeer() throws Exception {
        connect();
        settle();
        byte[] garbage = {23, 3, 3, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        server.deliver(ByteBuffer.wrap(garbage));
        server.layer.readable();
        settle();
        assertInstanceOf(SSLException.class, server.error);
        assertTrue(client.closed, "the client read the server's alert");
        assertInstanceOf(SSLException.class, client.error);
    }

    @Test
    void theEndOfTheSocketDuringTheHandshakeFailsIt() throws Exception {
        connect();
        client.peerShutOutput = true;
        client.layer.readable();
        IOException e = assertThrows(IOException.class, client.layer::handshakeOutcome);
        assertEquals("the peer closed the connection during the TLS handshake", e.getMessage());
        assertInstanceOf(SSLException.class, e);
    }
}
