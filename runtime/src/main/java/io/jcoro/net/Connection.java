package io.jcoro.net;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.EventLoop;
import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TCP connection on the event loop: asyncio's transport and stream pair in one object, a
 * {@link StreamReader} and a {@link StreamWriter} over one non-blocking {@link SocketChannel}.
 *
 * <pre>{@code
 * try (Connection c = await(Net.openConnection("127.0.0.1", 8888))) {
 *     c.writer().write("ping\n");
 *     String reply = await(c.reader().readLine());
 * }                                  // flushes and closes, on every path
 * }</pre>
 *
 * <pre>
 *  state       how it got there                    socket events
 *  CONNECTING  Net.openConnection, before connect  OP_CONNECT wakes the connecting task
 *  OPEN        connected, or accepted by a Server  OP_READ feeds the reader (unless paused by
 *                                                  flow control or at EOF), OP_WRITE flushes
 *  CLOSED      closeAsync() flushed, abort(), or   none: the channel is closed; the reader gets
 *              an I/O error broke it               the end of the stream (or the error)
 * </pre>
 *
 * <p>Reads and plaintext writes go through one direct buffer per loop
 * ({@link IoSelector#ioBuffer()}): the bytes read are copied from it into the reader's own
 * buffer, the bytes written into it on their way to the socket.
 *
 * <p><b>TLS.</b> A connection made with a {@link Tls}, or upgraded by {@link #startTls}, sends its
 * bytes through a {@link TlsLayer} between the socket and the reader and writer; reads, writes,
 * flow control and closing keep their plaintext meaning (the writer's marks count plaintext
 * bytes), and {@link #closeAsync()} sends {@code close_notify} and waits, bounded, for the
 * peer's. Loop thread only.
 */
public final class Connection implements AsyncCloseable {
    private final IoSelector io;
    private final SocketChannel channel;
    private final IoRegistration registration;
    private final StreamReader reader;
    private final StreamWriter writer;
    private final Signals connected = new Signals();
    /** Tasks in {@link #startTls} waiting for the plaintext writer to empty. */
    private final Signals plaintextFlushed = new Signals();
    /** The TLS layer, from the start of the handshake on; null for a plaintext connection. */
    private TlsLayer tls;
    /** Whether TLS was asked for (the layer comes once the writer is empty). */
    private boolean tlsRequested;
    private SocketAddress localAddress;
    private SocketAddress remoteAddress;
    private boolean inputEnded;
    private boolean closed;

    /** A connection over {@code channel}, connected or with a connect pending; registers it. */
    Connection(IoSelector io, SocketChannel channel) throws IOException {
        this.io = io;
        this.channel = channel;
        Transport transport = new Transport();
        this.reader = new StreamReader(transport);
        this.writer = new StreamWriter(transport);
        boolean pending = channel.isConnectionPending();
        this.registration = io.register(channel, pending ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ,
                this::ready);
        if (!pending) {
            learnAddresses();
        }
    }

    /** The stream of bytes from the peer. */
    public StreamReader reader() {
        io.checkThread(this);
        return reader;
    }

    /** The stream of bytes to the peer. */
    public StreamWriter writer() {
        io.checkThread(this);
        return writer;
    }

    /** This end's address (known after the connection is made; kept after it is closed). */
    public SocketAddress localAddress() {
        return localAddress;
    }

    /** The peer's address (known after the connection is made; kept after it is closed). */
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Whether the connection was closed (flushed, aborted, or broken). */
    public boolean isClosed() {
        return closed;
    }

    /** Flushes what is buffered, then closes; see {@link StreamWriter#closeAsync()}. */
    @Override
    public Awaitable<Void> closeAsync() {
        io.checkThread(this);
        return writer.closeAsync();
    }

    /** Closes at once, dropping unsent data; the reader gets the end of the stream. */
    public void abort() {
        io.checkThread(this);
        close(null);
    }

    /**
     * Upgrades this plaintext connection to TLS (STARTTLS), as asyncio's
     * {@code StreamWriter.start_tls}: once what the writer buffered is sent as plaintext, the
     * handshake starts; the awaitable completes when it ended, or fails with its
     * {@code SSLException} (the connection is then closed). From then on reads and writes go
     * through TLS. Bytes the reader buffered before the call stay there and are read as
     * plaintext, as asyncio does: the protocol must not let the peer start its handshake before
     * this side read its last plaintext byte. A cancelled {@code startTls} aborts the connection,
     * as asyncio closes the transport: it is neither plaintext nor TLS any more.
     *
     * @throws IllegalStateException if TLS was already started on this connection
     */
    public Awaitable<Void> startTls(Tls tls) throws IOException {
        io.checkThread(this);
        Objects.requireNonNull(tls, "tls");
        if (tlsRequested) {
            throw new IllegalStateException("TLS was already started on " + this);
        }
        tlsRequested = true;
        return new Retry<>("Connection.startTls", () -> {
            if (this.tls == null) {
                if (closed) {
                    throw new SocketException("connection closed");
                }
                if (writer.bufferSize() > 0) {
                    return plaintextFlushed.add();
                }
                if (inputEnded) {
                    throw new SSLHandshakeException("the peer closed the connection before the TLS handshake");
                }
                beginTls(tls);
            }
            return this.tls.handshakeOutcome();
        }, this::abort);
    }

    /** The TLS session's protocol ("TLSv1.3", ...), or null for a plaintext connection or before the handshake ended. */
    public String tlsProtocol() {
        return tls != null && tls.isHandshaken() ? tls.engine().getSession().getProtocol() : null;
    }

    /** The ALPN protocol the TLS handshake chose, or null (none, plaintext, or before the handshake ended). */
    public String applicationProtocol() {
        String chosen = tls != null && tls.isHandshaken() ? tls.engine().getApplicationProtocol() : null;
        return chosen == null || chosen.isEmpty() ? null : chosen;
    }

    @Override
    public String toString() {
        return "Connection[" + localAddress + " -> " + remoteAddress + (closed ? ", closed" : "") + "]";
    }

    // ------------------------------------------------------------------ connecting (Net)

    /**
     * One try of finishing the connect: this connection once made, or a signal to wait for.
     *
     * @throws IOException the connect's failure ({@code ConnectException}), unchanged
     */
    Object finishConnect() throws IOException {
        if (!channel.isConnectionPending()) {
            return this;
        }
        if (!channel.finishConnect()) {
            return connected.add();
        }
        learnAddresses();
        registration.interestOps(SelectionKey.OP_READ);
        return this;
    }

    /** Starts the TLS handshake (a TLS connect or accept, or startTls). */
    void beginTls(Tls config) {
        tlsRequested = true;
        String host = remoteAddress instanceof InetSocketAddress inet ? inet.getHostString() : null;
        int port = remoteAddress instanceof InetSocketAddress inet ? inet.getPort() : -1;
        tls = new TlsLayer(config.newEngine(host, port), config, new Link());
        tls.begin();
    }

    /**
     * The handshake's outcome so far: null once it ended, or a signal to wait for.
     *
     * @throws IOException the handshake's failure, unchanged
     */
    Object tlsOutcome() throws IOException {
        return tls.handshakeOutcome();
    }

    // ------------------------------------------------------------------ socket events

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            registration.interestOps(0); // finishConnect, in the connecting task, sets OP_READ
            connected.wakeAll();
            return;
        }
        if ((ops & SelectionKey.OP_READ) != 0 && !closed) {
            if (tls != null) {
                tls.readable();
            } else {
                readable();
            }
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && !closed) {
            if (tls != null) {
                tls.writable();
            } else {
                writer.flush();
            }
        }
    }

    private void readable() {
        ByteBuffer buffer = io.ioBuffer();
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close(e);
            return;
        }
        if (n < 0) {
            inputEnded();
        } else {
            buffer.flip();
            reader.feed(buffer);
        }
    }

    private void inputEnded() {
        inputEnded = true;
        registration.removeInterest(SelectionKey.OP_READ);
        reader.feedEof();
    }

    private void learnAddresses() throws IOException {
        localAddress = channel.getLocalAddress();
        remoteAddress = channel.getRemoteAddress();
    }

    /** Closes the channel; {@code error} is what broke it, or null. */
    private void close(IOException error) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registration.close();
        } catch (IOException ignored) {
            // closed anyway; what broke it, if anything, is error
        }
        if (error != null) {
            reader.fail(error);
        } else {
            reader.feedEof();
        }
        writer.closed(error);
        connected.wakeAll();
        plaintextFlushed.wakeAll();
        if (tls != null) {
            tls.ended(error);
        }
    }

    /** The reader's and writer's view of the channel. */
    private final class Transport implements StreamReader.Flow, StreamWriter.Sink {
        @Override
        public void pauseReading() {
            registration.removeInterest(SelectionKey.OP_READ);
        }

        @Override
        public void resumeReading() {
            if (!inputEnded && !closed) {
                registration.addInterest(SelectionKey.OP_READ);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return tls != null ? tls.write(src) : io.write(channel, src);
        }

        @Override
        public void wantWritable(boolean on) {
            if (tls != null) {
                tls.writerWants(on);
                return;
            }
            watchWritable(on);
            if (!on) {
                plaintextFlushed.wakeAll();
            }
        }

        @Override
        public void shutdownOutput() throws IOException {
            if (tls != null) {
                tls.shutdownOutput();
            } else {
                channel.shutdownOutput();
            }
        }

        @Override
        public void closeNow() {
            if (tls != null) {
                tls.close();
            } else {
                close(null);
            }
        }

        @Override
        public void fatal(IOException e) {
            close(e);
        }
    }

    private void watchWritable(boolean on) {
        if (on) {
            registration.addInterest(SelectionKey.OP_WRITE);
        } else {
            registration.removeInterest(SelectionKey.OP_WRITE);
        }
    }

    /** The TLS layer's view of the socket, the reader and the writer. */
    private final class Link implements TlsLayer.Link {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public void wantWritable(boolean on) {
            watchWritable(on);
        }

        @Override
        public void wantReadable() {
            if (!inputEnded && !closed) {
                registration.addInterest(SelectionKey.OP_READ);
            }
        }

        @Override
        public void received(ByteBuffer plaintext) {
            reader.feed(plaintext);
        }

        @Override
        public void receivedEof() {
            inputEnded();
        }

        @Override
        public void writerMayWrite() {
            writer.flush();
        }

        @Override
        public void close(IOException error) {
            Connection.this.close(error);
        }

        @Override
        public ByteBuffer scratch() {
            return io.ioBuffer();
        }

        @Override
        public Runnable schedule(Duration delay, Runnable action) {
            return EventLoop.current().callLater(delay, action)::cancel;
        }
    }
}
