package io.jcoro.bench.io.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits what arrives on one HTTP/1.1 connection into request heads, as much as a keep-alive GET
 * of the plaintext benchmark needs: bytes come in any cut ({@link #add}), each head ends at an
 * empty line, several may come in one read (pipelining) and the last may be cut short (kept for
 * the next read). A request that is not a GET, or has a body, is refused: the server then closes
 * the connection (it answers only what it understood).
 */
final class RequestHeads {
    /** {@link #add}'s answer when a request is not one this server answers. */
    static final int REFUSED = -1;
    /** The longest head kept; a longer one is refused. */
    static final int MAX_HEAD = 8 * 1024;

    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "\r\nconnection: close".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "\r\ntransfer-encoding:".getBytes(StandardCharsets.US_ASCII);

    /** The start of a head not yet complete: {@code buffer[0, size)}. */
    private byte[] buffer = new byte[256];
    private int size;
    private boolean closeAfter;

    /**
     * Takes {@code data}: how many requests it completed (each to be answered, in order), or
     * {@link #REFUSED}. After a request that asked to close, the rest is ignored.
     */
    int add(byte[] data) {
        if (closeAfter) {
            return 0;
        }
        if (size + data.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + data.length));
        }
        System.arraycopy(data, 0, buffer, size, data.length);
        int scanFrom = Math.max(0, size - 3); // an end of head may straddle the cut
        size += data.length;
        int complete = 0;
        int start = 0;
        for (int i = scanFrom; i + 3 < size; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                int end = i + 4;
                if (!answerable(start, end)) {
                    return REFUSED;
                }
                complete++;
                start = end;
                i = end - 1;
                if (closeAfter) {
                    size = 0;
                    return complete;
                }
            }
        }
        System.arraycopy(buffer, start, buffer, 0, size - start);
        size -= start;
        return size > MAX_HEAD ? REFUSED : complete;
    }

    /** Whether the last request counted asked the server to close the connection after its answer. */
    boolean closeRequested() {
        return closeAfter;
    }

    /** A GET without a body; notes a {@code Connection: close}. */
    private boolean answerable(int start, int end) {
        if (!startsWith(start, GET) || find(start, end, CONTENT_LENGTH) || find(start, end, TRANSFER_ENCODING)) {
            return false;
        }
        closeAfter = find(start, end, CONNECTION_CLOSE);
        return true;
    }

    private boolean startsWith(int at, byte[] prefix) {
        return at + prefix.length <= size && Arrays.equals(buffer, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** Whether {@code buffer[from, to)} holds {@code lowerCase}, ASCII letters compared without case. */
    private boolean find(int from, int to, byte[] lowerCase) {
        outer:
        for (int i = from; i + lowerCase.length <= to; i++) {
            for (int j = 0; j < lowerCase.length; j++) {
                byte b = buffer[i + j];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCase[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
