package io.jcoro.net;

import io.jcoro.Awaitable;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The writing half of a stream (asyncio's {@code StreamWriter}): {@code write} never suspends; it
 * hands the bytes to the socket at once if it can take them and buffers the rest, which the loop
 * sends when the socket is writable. {@link #drain()} is the back-pressure: it waits while more
 * than the high mark is buffered, until the buffer is back to the low mark.
 *
 * <pre>{@code
 * writer.write("hello\n");
 * await(writer.drain());          // several tasks may drain at once
 * }</pre>
 *
 * <pre>
 *  state    how it got there                      write          drain
 *  OPEN     new                                   buffers        waits above the high mark
 *  EOF      writeEof() (sent once flushed)        IllegalState   as OPEN
 *           (an open connection)
 *  CLOSING  closeAsync() with data buffered       buffers (*)    as OPEN
 *  CLOSED   flushed and closed, abort(), or the   dropped (**)   fails: the connection's error,
 *           connection broke                                     or "connection closed"
 * </pre>
 * (*) sent before the close, as asyncio's transport does. (**) as asyncio does: a handler that
 * writes while its server closes the connection is not failed by the write; the next
 * {@code drain} says why nothing was sent.
 *
 * <p>Loop thread only.
 */
public final class StreamWriter {
    static final int DEFAULT_HIGH = 64 * 1024;
    static final int DEFAULT_LOW = 16 * 1024;
    /** Buffered bytes go in chunks of at least this size, so that many small writes coalesce. */
    private static final int CHUNK = 4096;

    /** What the writer asks of its transport. */
    interface Sink {
        /** Writes what the socket takes now, without blocking. */
        int write(ByteBuffer src) throws IOException;

        /** Asks for (or stops asking for) a call to {@link StreamWriter#flush()} when writable. */
        void wantWritable(boolean on);

        void shutdownOutput() throws IOException;

        /** Closes the transport now. */
        void closeNow();

        /** A write failed: the connection is broken. */
        void fatal(IOException e);
    }

    private final Sink sink;
    /** What the socket has not taken yet, {@link #pending} bytes; made at the first such write. */
    private ArrayDeque<ByteBuffer> queue;
    private final Signals drainers = new Signals();
    private final Signals closeWaiters = new Signals();
    private long pending;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_LOW;
    private boolean eofRequested;
    private boolean closing;
    private boolean closed;
    private IOException error;
    /** The connection broke with bytes still buffered: a close reports that they were lost. */
    private boolean lostData;

    StreamWriter(Sink sink) {
        this.sink = sink;
    }

    /** Buffers {@code data} (sending what the socket takes at once); never suspends. */
    public void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Buffers the remaining bytes of {@code data} (consuming them); never suspends. */
    public void write(ByteBuffer data) {
        if (closed || !data.hasRemaining()) {
            data.position(data.limit()); // closed or broken: dropped; the next drain says why
            return;
        }
        if (eofRequested) {
            throw new IllegalStateException("write after writeEof()");
        }
        if (pending == 0) {
            try {
                sink.write(data);
            } catch (IOException e) {
                sink.fatal(e);
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            sink.wantWritable(true);
        }
        enqueue(data);
    }

    /** Buffers {@code text} encoded as UTF-8; never suspends. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits while more than the high mark is buffered, until the buffer is down to the low mark;
     * completes at once otherwise. Fails with the connection's error if it broke, or with a
     * {@link SocketException} if it was closed.
     */
    public Awaitable<Void> drain() throws IOException {
        return new Retry<>("StreamWriter.drain", () -> {
            if (error != null) {
                throw error;
            }
            if (closed) {
                throw new SocketException("connection closed");
            }
            return pending > high ? drainers.add() : null;
        });
    }

    /** Sets the marks {@link #drain()} uses (default 64 KiB and 16 KiB). */
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") >= 0");
        }
        this.high = high;
        this.low = low;
        wakeDrainersIfLow();
    }

    /** How many bytes are buffered, not yet taken by the socket. */
    public long bufferSize() {
        return pending;
    }

    /**
     * Half-closes: once the buffered bytes are sent, the peer reads the end of the stream; this
     * side can still read. Acts at once; calling it again does nothing.
     */
    public void writeEof() {
        if (eofRequested || closing || closed) {
            return;
        }
        eofRequested = true;
        if (pending == 0) {
            shutdownOutput();
        }
    }

    /**
     * Sends what is buffered, then closes the connection; completes when it is closed. Fails
     * with the connection's error if it broke before the buffered bytes were sent.
     */
    public Awaitable<Void> closeAsync() {
        startClose();
        return new Retry<>("StreamWriter.closeAsync", () -> {
            if (!closed) {
                return closeWaiters.add();
            }
            if (lostData) {
                throw error;
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "StreamWriter[" + pending + " bytes buffered" + (closed ? ", closed" : closing ? ", closing" : "")
                + (eofRequested ? ", eof" : "") + (error != null ? ", " + error : "") + "]";
    }

    // ------------------------------------------------------------------ the transport's side

    /** Closes once what is buffered is sent, without waiting for it. */
    void startClose() {
        if (!closed && !closing) {
            closing = true;
            if (pending == 0) {
                sink.closeNow();
            }
        }
    }

    /** The socket is writable: sends what it takes; then the pending half-close or close. */
    void flush() {
        try {
            for (ByteBuffer head; pending > 0 && (head = queue.peek()) != null; ) {
                int n = sink.write(head);
                pending -= n;
                if (head.hasRemaining()) {
                    wakeDrainersIfLow();
                    return; // the socket is full: the next writable event goes on
                }
                queue.poll();
            }
        } catch (IOException e) {
            sink.fatal(e);
            return;
        }
        sink.wantWritable(false);
        wakeDrainersIfLow();
        if (closing) {
            sink.closeNow();
        } else if (eofRequested) {
            shutdownOutput();
        }
    }

    /** The transport closed (flushed, aborted, or broken with {@code e}, else null). */
    void closed(IOException e) {
        if (closed) {
            return;
        }
        closed = true;
        if (e != null) {
            error = e;
            lostData = pending > 0;
        }
        queue = null;
        pending = 0;
        drainers.wakeAll();
        closeWaiters.wakeAll();
    }

    private void shutdownOutput() {
        try {
            sink.shutdownOutput();
        } catch (IOException e) {
            sink.fatal(e);
        }
    }

    private void wakeDrainersIfLow() {
        if (pending <= low) {
            drainers.wakeAll();
        }
    }

    /** Copies the remaining bytes of {@code data} to the tail chunk, or to a new one. */
    private void enqueue(ByteBuffer data) {
        int n = data.remaining();
        if (queue == null) {
            queue = new ArrayDeque<>(2);
        }
        ByteBuffer tail = queue.peekLast();
        if (tail != null && tail.capacity() - tail.limit() >= n) {
            int position = tail.position();
            tail.position(tail.limit()).limit(tail.limit() + n);
            tail.put(data).position(position);
        } else {
            ByteBuffer chunk = ByteBuffer.allocate(Math.max(CHUNK, n));
            chunk.put(data).flip();
            queue.add(chunk);
        }
        pending += n;
    }
}
