package io.jcoro.net;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

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
 * <p>Reads go through one direct buffer per loop ({@link IoSelector#readBuffer()}), from which
 * the bytes are copied into the reader's own buffer: no allocation per read. Loop thread only.
 */
public final class Connection implements AsyncCloseable {
    private final IoSelector io;
    private final SocketChannel channel;
    private final IoRegistration registration;
    private final StreamReader reader;
    private final StreamWriter writer;
    private final Signals connected = new Signals();
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
        return reader;
    }

    /** The stream of bytes to the peer. */
    public StreamWriter writer() {
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
        return writer.closeAsync();
    }

    /** Closes at once, dropping unsent data; the reader gets the end of the stream. */
    public void abort() {
        close(null);
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

    // ------------------------------------------------------------------ socket events

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            registration.interestOps(0); // finishConnect, in the connecting task, sets OP_READ
            connected.wakeAll();
            return;
        }
        if ((ops & SelectionKey.OP_READ) != 0) {
            readable();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && !closed) {
            writer.flush();
        }
    }

    private void readable() {
        ByteBuffer buffer = io.readBuffer();
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close(e);
            return;
        }
        if (n < 0) {
            inputEnded = true;
            registration.removeInterest(SelectionKey.OP_READ);
            reader.feedEof();
        } else {
            buffer.flip();
            reader.feed(buffer);
        }
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
            return channel.write(src);
        }

        @Override
        public void wantWritable(boolean on) {
            if (on) {
                registration.addInterest(SelectionKey.OP_WRITE);
            } else {
                registration.removeInterest(SelectionKey.OP_WRITE);
            }
        }

        @Override
        public void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public void closeNow() {
            close(null);
        }

        @Override
        public void fatal(IOException e) {
            close(e);
        }
    }
}
