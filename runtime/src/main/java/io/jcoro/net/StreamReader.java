package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.internal.StreamSeam;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reading half of a stream (asyncio's {@code StreamReader}): bytes the transport received,
 * buffered until a task reads them.
 *
 * <pre>{@code
 * String request = await(connection.reader().readLine());    // null at end of stream
 * byte[] header = await(connection.reader().readExactly(4));
 * }</pre>
 *
 * <p>Every read is a cancellation point, and a cancelled read consumes nothing: the bytes it was
 * waiting for stay for the next read. At most one task may wait for data at a time
 * ({@link IllegalStateException} otherwise, as asyncio's {@code RuntimeError}). After a
 * transport error the buffered bytes are still read first; then each read fails with that
 * error, unchanged.
 *
 * <p><b>Buffer and flow control.</b> The buffer is one array per stream that grows to what is
 * buffered and is reused (compacted) as reads consume it, so a steady stream of reads allocates
 * only the arrays it returns. Bytes that arrive while nothing is buffered get an array of their
 * exact size, and a read that takes all of it is given that array itself: an echo or a
 * pass-through copies each message once on the heap, and a stream whose last read took all that
 * came holds no array while it waits. When more than twice the limit (64 KiB by default) is
 * buffered the transport stops reading from the socket, and resumes once reads bring it back to
 * the limit or a task waits for more, as asyncio's {@code StreamReaderProtocol} does. Loop thread
 * only.
 */
public final class StreamReader {
    static {
        StreamSeam.install(new StreamSecrets()); // how io.jcoro.process builds its pipes' streams
    }

    static final int DEFAULT_LIMIT = 64 * 1024;
    /** The smallest buffer: an idle connection keeps its buffer, sized to what it was sent. */
    private static final int MIN_BUFFER = 64;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    /** What the reader asks of its transport: stop and resume reading from the socket. */
    interface Flow {
        void pauseReading();

        void resumeReading();
    }

    private final Flow flow;
    private final Signals waiters = new Signals();
    private byte[] buf = EMPTY;
    /** The buffered bytes are {@code buf[start, end)}. */
    private int start;
    private int end;
    /** Bytes consumed since the stream began: tells a separator search that its offset is stale. */
    private long consumedTotal;
    private int limit = DEFAULT_LIMIT;
    private boolean paused;
    private boolean eof;
    private IOException error;

    StreamReader(Flow flow) {
        this.flow = flow;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Reads 1 to {@code max} bytes, waiting until at least one is there; an empty array at the end
     * of the stream (and for {@code max == 0}).
     */
    public Awaitable<byte[]> read(int max) throws IOException {
        checkNotNegative(max);
        return new Retry<>("StreamReader.read", () -> {
            int n = buffered();
            if (n > 0 || max == 0) {
                return take(Math.min(n, max));
            }
            return endOrWait(EMPTY);
        });
    }

    /**
     * Reads exactly {@code n} bytes; fails with {@link IncompleteReadError} (which consumes and
     * holds the bytes that came) if the stream ends first.
     */
    public Awaitable<byte[]> readExactly(int n) throws IOException {
        checkNotNegative(n);
        return new Retry<>("StreamReader.readExactly", () -> {
            if (buffered() >= n) {
                return take(n);
            }
            if (error == null && eof) {
                throw new IncompleteReadError(take(buffered()), n);
            }
            return endOrWait(null);
        });
    }

    /**
     * Reads up to and including {@code separator}. Fails with {@link LimitOverrunError},
     * consuming nothing, if the limit is reached first; with {@link IncompleteReadError}, which
     * consumes and holds what was buffered, if the stream ends first.
     */
    public Awaitable<byte[]> readUntil(byte[] separator) throws IOException {
        if (separator.length == 0) {
            throw new IllegalArgumentException("separator should be at least one-byte string");
        }
        byte[] sep = separator.clone();
        return new Retry<>("StreamReader.readUntil", new SeparatorSearch(sep) {
            @Override
            Object found(int length) {
                return take(length);
            }

            @Override
            Object ended() throws IncompleteReadError {
                throw new IncompleteReadError(take(buffered()), -1);
            }
        });
    }

    /**
     * Reads one line, decoded as UTF-8, without its {@code \n} or {@code \r\n}; the last line may
     * lack its {@code \n}; null at the end of the stream. {@link LimitOverrunError} (consuming
     * nothing) if a line is longer than the limit.
     */
    public Awaitable<String> readLine() throws IOException {
        return new Retry<>("StreamReader.readLine", new SeparatorSearch(NEWLINE) {
            @Override
            Object found(int length) {
                int textLength = length - 1;
                if (textLength > 0 && buf[start + textLength - 1] == '\r') {
                    textLength--;
                }
                String line = new String(buf, start, textLength, StandardCharsets.UTF_8);
                skip(length);
                return line;
            }

            @Override
            Object ended() {
                int n = buffered();
                if (n == 0) {
                    return null;
                }
                String last = new String(buf, start, n, StandardCharsets.UTF_8);
                skip(n);
                return last;
            }
        });
    }

    /** Whether the stream ended and every byte was read. */
    public boolean atEof() {
        return eof && buffered() == 0;
    }

    /** Sets the buffer limit of {@link #readUntil} and {@link #readLine} (and of flow control). */
    public void setLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** The buffer limit. */
    public int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "StreamReader[" + buffered() + " bytes" + (eof ? ", eof" : "")
                + (error != null ? ", " + error : "") + (paused ? ", paused" : "") + "]";
    }

    // ------------------------------------------------------------------ the transport's side

    /** The transport received {@code data} (consumed from its position to its limit). */
    void feed(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ensureRoom(n);
        data.get(buf, end, n);
        end += n;
        if (!paused && buffered() > 2 * limit) {
            paused = true;
            flow.pauseReading();
        }
        waiters.wakeAll();
    }

    /** The peer closed its side: reads get what is buffered, then the end of the stream. */
    void feedEof() {
        eof = true;
        waiters.wakeAll();
    }

    /** The transport broke: reads get what is buffered, then {@code e}. */
    void fail(IOException e) {
        if (error == null && !eof) {
            error = e;
        }
        eof = true;
        waiters.wakeAll();
    }

    /** How many bytes are buffered. */
    int buffered() {
        return end - start;
    }

    // ------------------------------------------------------------------ internals

    /** Nothing to return yet: the stream's end, its error, or a signal to wait for. */
    private Object endOrWait(byte[] atEof) throws IOException {
        if (error != null) {
            throw error;
        }
        if (eof) {
            return atEof;
        }
        if (!waiters.isEmpty()) {
            throw new IllegalStateException("read called while another task is already waiting for data");
        }
        if (paused) { // a read that needs more than the flow-control mark must still get it
            paused = false;
            flow.resumeReading();
        }
        return waiters.add();
    }

    private byte[] take(int n) {
        byte[] out;
        if (n == buf.length) { // all of it, filling it exactly: the buffer itself, no copy
            out = buf;
            buf = EMPTY;
        } else {
            out = n == 0 ? EMPTY : Arrays.copyOfRange(buf, start, start + n);
        }
        skip(n);
        return out;
    }

    private void skip(int n) {
        start += n;
        consumedTotal += n;
        if (start == end) {
            start = end = 0;
        }
        if (paused && buffered() <= limit) {
            paused = false;
            flow.resumeReading();
        }
    }

    /**
     * Makes room for {@code n} more bytes: an empty buffer too small becomes an array of exactly
     * {@code n} (a read that takes them all gets that array, not a copy); else compacts if that
     * suffices, else grows (doubling).
     */
    private void ensureRoom(int n) {
        if (end + n <= buf.length) {
            return;
        }
        int size = buffered();
        if (size == 0) {
            buf = new byte[n];
        } else if (size + n <= buf.length) {
            System.arraycopy(buf, start, buf, 0, size);
        } else {
            byte[] bigger = new byte[Math.max(MIN_BUFFER, Integer.highestOneBit(size + n - 1) << 1)];
            System.arraycopy(buf, start, bigger, 0, size);
            buf = bigger;
        }
        start = 0;
        end = size;
    }

    private static void checkNotNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count: " + n);
        }
    }

    /**
     * readUntil and readLine: finds the separator in the buffer, going on from where the last
     * attempt stopped (asyncio's offset), within the limit.
     */
    private abstract class SeparatorSearch implements Retry.Attempt {
        private final byte[] sep;
        /** Offset from {@code start} before which no match begins, valid while {@link #mark} holds. */
        private int searched;
        private long mark = -1;

        SeparatorSearch(byte[] sep) {
            this.sep = sep;
        }

        /** Consumes the {@code length} bytes up to and including the separator. */
        abstract Object found(int length) throws IOException;

        /** The stream ended without a separator. */
        abstract Object ended() throws IOException;

        @Override
        public Object attempt() throws IOException {
            if (mark != consumedTotal) { // another read consumed meanwhile: search again
                searched = 0;
                mark = consumedTotal;
            }
            int at = indexOf(searched);
            if (at >= 0) {
                int length = at + sep.length;
                if (length > limit) {
                    throw new LimitOverrunError("Separator is found, but chunk is longer than limit", at);
                }
                return found(length);
            }
            int n = buffered();
            if (n > limit) {
                throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", n);
            }
            searched = Math.max(0, n - sep.length + 1);
            if (error == null && eof) {
                return ended();
            }
            return endOrWait(null);
        }

        /** The offset from {@code start} of the first separator at or after {@code from}, or -1. */
        private int indexOf(int from) {
            int last = end - sep.length;
            outer:
            for (int i = start + from; i <= last; i++) {
                for (int j = 0; j < sep.length; j++) {
                    if (buf[i + j] != sep[j]) {
                        continue outer;
                    }
                }
                return i - start;
            }
            return -1;
        }
    }
}
