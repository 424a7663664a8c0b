package io.jcoro;

/**
 * Thrown by {@link Coro#waitFor} and at the end of a {@link Coro#timeout} block when the deadline
 * passed: asyncio's {@code TimeoutError}. Its cause is the {@link CancelledError} that interrupted
 * the awaited operation.
 *
 * <pre>{@code
 * try {
 *     String page = await(waitFor(fetch(url), Duration.ofSeconds(5)));
 * } catch (AsyncTimeoutException e) {
 *     // fetch was cancelled and has finished its clean-up
 * }
 * }</pre>
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout with {@code message} and the cancellation it came from (may be null). */
    public AsyncTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A timeout with {@code message}. */
    public AsyncTimeoutException(String message) {
        super(message);
    }
}
