package io.jcoro.net;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS between a connection's socket and its reader and writer: cipher text from the socket is
 * unwrapped by the JDK's {@link SSLEngine} into plaintext for the {@link StreamReader}; the
 * {@link StreamWriter}'s plaintext is wrapped into records for the socket. The engine runs on the
 * loop thread, driven by socket events; nothing here blocks.
 *
 * <pre>
 *  state        how it got there                   reads           writes (plaintext)
 *  HANDSHAKING  begin()                            drive the       none taken: the writer buffers
 *                                                  handshake       them until the handshake ends
 *  OPEN         the engine says FINISHED           unwrapped       wrapped, one record at a time
 *               (handshake waiters woken)          to the reader
 *  CLOSING      close(): close_notify queued,      until the       none (the writer is flushed
 *               shutdown timer started             peer's          before it closes)
 *                                                  close_notify
 *  ENDED        the connection closed (peer's      none            none
 *               close_notify or EOF, timer, error)
 * </pre>
 *
 * <p><b>Buffers.</b> Cipher text in: one heap buffer per connection ({@code netIn}, a record's
 * size), which keeps a partial record until the rest arrives; a record larger than the buffer
 * (the engine says BUFFER_UNDERFLOW with the buffer full) grows it. Plaintext out of the engine:
 * the loop's shared read buffer ({@link Link#scratch()}), copied into the reader right after each
 * unwrap, so a steady stream of reads allocates nothing. Cipher text out: one buffer per
 * connection ({@code netOut}) holding at most one record; the writer's plaintext is wrapped only
 * when it is empty, so the writer's water marks count plaintext bytes, with at most one record
 * of cipher text beyond them.
 *
 * <p><b>Delegated tasks</b> (certificate checks, key exchange) run inline on the loop: they take
 * a millisecond or two once per handshake, and running them here keeps the engine on one thread
 * with no hand-off and no thread that could outlive the loop.
 *
 * <p>Loop thread only.
 */
final class TlsLayer {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** What the layer needs from its connection. */
    interface Link {
        /** Reads cipher text from the socket without blocking; -1 at its end. */
        int read(ByteBuffer dst) throws IOException;

        /** Writes cipher text to the socket without blocking. */
        int write(ByteBuffer src) throws IOException;

        /** Half-closes the socket. */
        void shutdownOutput() throws IOException;

        /** Watches (or stops watching) for the socket to be writable; then {@link #writable()} runs. */
        void wantWritable(boolean on);

        /** Reads from the socket even if the reader paused: a close waits for the peer's close_notify. */
        void wantReadable();

        /** Plaintext for the reader (consumed from position to limit). */
        void received(ByteBuffer plaintext);

        /** The plaintext stream ended (the peer's close_notify, or the socket's end). */
        void receivedEof();

        /** The writer's buffered plaintext may go on now. */
        void writerMayWrite();

        /** Closes the socket; {@code error} is what broke the connection, or null. */
        void close(IOException error);

        /** A buffer the layer may use until it returns (the loop's read buffer). */
        ByteBuffer scratch();

        /** Runs {@code action} after {@code delay} on the loop; returns what cancels it. */
        Runnable schedule(Duration delay, Runnable action);
    }

    private final SSLEngine engine;
    private final Tls tls;
    private final Link link;
    private final Signals handshakeWaiters = new Signals();
    /** Cipher text from the socket, in write mode: {@code [0, position)} waits to be unwrapped. */
    private ByteBuffer netIn;
    /** Cipher text for the socket, in read mode: {@code [position, limit)} waits to be sent. */
    private ByteBuffer netOut;
    /** Plaintext out of the engine when the scratch buffer is too small; null until needed. */
    private ByteBuffer ownPlaintext;
    private boolean handshaken;
    private IOException handshakeFailure;
    private boolean writerWants;
    private boolean watchingWritable;
    private boolean inboundDone;
    private boolean closing;
    private boolean shutdownPending;
    private boolean ended;
    /** Cancels the running timeout (the handshake's, then the close's); null if none. */
    private Runnable timer;

    TlsLayer(SSLEngine engine, Tls tls, Link link) {
        this.engine = engine;
        this.tls = tls;
        this.link = link;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet).flip();
    }

    /** Starts the handshake and its timeout. */
    void begin() {
        timer = link.schedule(tls.handshakeTimeout(), this::handshakeTimedOut);
        try {
            engine.beginHandshake();
            pump();
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * The handshake's outcome so far: null once it ended, else a signal to wait for.
     *
     * @throws IOException the handshake's failure, unchanged
     */
    Object handshakeOutcome() throws IOException {
        if (handshaken) {
            return null;
        }
        if (handshakeFailure != null) {
            throw handshakeFailure;
        }
        return handshakeWaiters.add();
    }

    /** Whether the handshake ended. */
    boolean isHandshaken() {
        return handshaken;
    }

    /** The engine, for its session (protocol, cipher suite, ALPN). */
    SSLEngine engine() {
        return engine;
    }

    // ------------------------------------------------------------------ socket events

    /** The socket is readable. */
    void readable() {
        try {
            if (link.read(netIn) < 0) {
                socketEnded();
            } else {
                pump();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** The socket is writable. */
    void writable() {
        try {
            pump();
        } catch (IOException e) {
            fail(e);
        }
    }

    // ------------------------------------------------------------------ the writer's side

    /**
     * Wraps what it can of {@code src}: nothing during the handshake or while a record still
     * waits for the socket.
     *
     * @return how many plaintext bytes were taken
     */
    int write(ByteBuffer src) throws IOException {
        if (!handshaken || ended) {
            return 0;
        }
        if (engine.isOutboundDone()) {
            throw new SocketException("TLS session closed");
        }
        int before = src.remaining();
        while (src.hasRemaining()) {
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            } else if (!wrap(src)) {
                break;
            }
        }
        return before - src.remaining();
    }

    /** The writer has (or no longer has) plaintext waiting for {@link Link#writerMayWrite()}. */
    void writerWants(boolean on) {
        writerWants = on;
        updateInterest();
    }

    /** writeEof: sends close_notify after what was written, then half-closes the socket. */
    void shutdownOutput() throws IOException {
        engine.closeOutbound();
        shutdownPending = true;
        pump();
    }

    /**
     * Closes the TLS session: sends close_notify, then waits for the peer's (or the socket's end)
     * at most the shutdown timeout before closing the socket. Before the handshake ended there is
     * no session to close: the socket closes at once.
     */
    void close() {
        if (closing || ended) {
            return;
        }
        if (!handshaken) {
            link.close(null);
            return;
        }
        closing = true;
        timer = link.schedule(tls.shutdownTimeout(), () -> link.close(null));
        engine.closeOutbound();
        if (!inboundDone) {
            link.wantReadable();
        }
        try {
            pump();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** The connection closed: stops the timer and ends a pending handshake. */
    void ended(IOException error) {
        ended = true;
        cancelTimer();
        if (!handshaken && handshakeFailure == null) {
            handshakeFailure = error != null ? error
                    : new SocketException("connection closed before the TLS handshake ended");
        }
        handshakeWaiters.wakeAll();
    }

    // ------------------------------------------------------------------ the engine

    /**
     * Moves the engine as far as the buffered bytes allow: delegated tasks, handshake records
     * out, records in; then sends what it produced and finishes a pending half-close or close.
     */
    private void pump() throws IOException {
        for (boolean progress = true; progress && !ended; ) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> {
                    runDelegatedTasks();
                    progress = true;
                }
                case NEED_WRAP -> progress = wrap(EMPTY);
                default -> progress = unwrap();
            }
        }
        if (ended) {
            return;
        }
        boolean flushed = flush();
        if (flushed && shutdownPending && engine.isOutboundDone()) {
            shutdownPending = false;
            link.shutdownOutput();
        }
        if (flushed && closing && inboundDone && engine.isOutboundDone()) {
            link.close(null);
        } else if (flushed && handshaken && writerWants) {
            link.writerMayWrite();
        }
    }

    /** One wrap of {@code src} into the empty {@code netOut}; whether it moved anything. */
    private boolean wrap(ByteBuffer src) throws IOException {
        if (!flush()) {
            return false; // the last record still waits for the socket
        }
        netOut.clear();
        SSLEngineResult result;
        try {
            result = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) { // the session's records grew
            netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
            return true;
        }
        afterHandshakeStep(result);
        flush();
        return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
    }

    /** One unwrap of {@code netIn}; whether it moved anything. */
    private boolean unwrap() throws IOException {
        if (netIn.position() == 0 && engine.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP_AGAIN) {
            return false;
        }
        ByteBuffer plaintext = ownPlaintext != null ? ownPlaintext : link.scratch();
        plaintext.clear();
        SSLEngineResult result;
        netIn.flip();
        try {
            result = engine.unwrap(netIn, plaintext);
        } finally {
            netIn.compact();
        }
        if (plaintext.position() > 0) {
            plaintext.flip();
            link.received(plaintext);
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                growNetInIfFull();
                return false;
            }
            case BUFFER_OVERFLOW -> {
                int size = Math.max(engine.getSession().getApplicationBufferSize(), 2 * plaintext.capacity());
                ownPlaintext = ByteBuffer.allocate(size);
                return true;
            }
            case CLOSED -> {
                if (!inboundDone) {
                    inboundDone = true;
                    link.receivedEof();
                    return true;
                }
                return result.bytesConsumed() > 0;
            }
            default -> {
                afterHandshakeStep(result);
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            }
        }
    }

    /** A record longer than {@code netIn} (the peer uses larger fragments): makes room for it. */
    private void growNetInIfFull() {
        if (netIn.hasRemaining()) {
            return;
        }
        int size = Math.max(engine.getSession().getPacketBufferSize(), 2 * netIn.capacity());
        ByteBuffer bigger = ByteBuffer.allocate(size);
        netIn.flip();
        bigger.put(netIn);
        netIn = bigger;
    }

    private void afterHandshakeStep(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED && !handshaken) {
            handshaken = true;
            cancelTimer();
            handshakeWaiters.wakeAll();
        }
    }

    private void runDelegatedTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    /** Sends what {@code netOut} holds; whether it is empty now. */
    private boolean flush() throws IOException {
        while (netOut.hasRemaining() && link.write(netOut) > 0) {
            // the socket took some: offer it the rest
        }
        updateInterest();
        return !netOut.hasRemaining();
    }

    /** Writable events are wanted while cipher text waits, or the writer waits for an open session. */
    private void updateInterest() {
        boolean want = !ended && (netOut.hasRemaining() || (writerWants && handshaken && !closing));
        if (want != watchingWritable) {
            watchingWritable = want;
            link.wantWritable(want);
        }
    }

    // ------------------------------------------------------------------ ends

    /** The socket ended: before the handshake ended, a failure; after it, the end of the stream. */
    private void socketEnded() throws IOException {
        if (!handshaken) {
            throw new SSLHandshakeException("the peer closed the connection during the TLS handshake");
        }
        if (closing) { // the peer will not answer our close_notify any more
            link.close(null);
            return;
        }
        try {
            engine.closeInbound();
        } catch (SSLException truncated) {
            // no close_notify before the end: taken as the end of the stream, as asyncio does
        }
        if (!inboundDone) {
            inboundDone = true;
            link.receivedEof();
        }
    }

    private void handshakeTimedOut() {
        timer = null;
        if (!handshaken && !ended) {
            link.close(new SocketTimeoutException("TLS handshake timed out after " + tls.handshakeTimeout()));
        }
    }

    /**
     * The engine or the socket failed: the peer gets the engine's alert if it made one (so that
     * it learns why), and the connection closes with {@code e}.
     */
    private void fail(IOException e) {
        if (e instanceof SSLException && !ended) {
            try {
                engine.closeOutbound();
                for (int i = 0; i < 2 && !engine.isOutboundDone() && wrap(EMPTY); i++) {
                    // the alert record
                }
                flush();
            } catch (IOException | RuntimeException alertNotSent) {
                // the connection is failing anyway: e says why
            }
        }
        link.close(e);
    }

    private void cancelTimer() {
        Runnable t = timer;
        timer = null;
        if (t != null) {
            t.run();
        }
    }
}
