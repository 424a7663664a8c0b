package io.jcoro.net;

import java.io.IOException;

/**
 * The stream reader's buffer limit was reached before the separator was found (asyncio's
 * {@code LimitOverrunError}). The read consumed nothing: the buffered bytes stay readable, and
 * {@link #consumed()} says how many of them a caller may skip to get past the overrun.
 */
public final class LimitOverrunError extends IOException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /** @param consumed how many buffered bytes precede the separator (or all, if not found) */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many buffered bytes precede the separator, or are buffered if it was not found. */
    public int consumed() {
        return consumed;
    }
}
