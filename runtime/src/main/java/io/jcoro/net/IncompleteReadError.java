package io.jcoro.net;

import java.io.EOFException;

/**
 * The stream ended before a read got what it needed (asyncio's {@code IncompleteReadError}):
 * {@link #partial()} holds the bytes that came, which the failed read consumed.
 */
public final class IncompleteReadError extends EOFException {
    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    private final int expected;

    /**
     * @param partial  the bytes read before the end of the stream
     * @param expected how many bytes were needed, or -1 if a separator was
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of "
                + (expected < 0 ? "undefined" : String.valueOf(expected)) + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of the stream (a copy). */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were needed, or -1 if a separator was. */
    public int expected() {
        return expected;
    }
}
