package io.jcoro;

/**
 * Thrown at a task's current {@code await} when the task is cancelled, and by {@code result()} of
 * a cancelled {@link Task} or {@link Promise}. Like asyncio's {@code CancelledError} it is not an
 * {@link Exception}, so {@code catch (Exception e)} does not swallow a cancellation:
 *
 * <pre>{@code
 * try {
 *     await(sleep(Duration.ofSeconds(10)));
 * } catch (Exception e) {
 *     // not reached when the task is cancelled
 * } finally {
 *     cleanUp();                            // runs, and may await
 * }
 * }</pre>
 *
 * <p>A coroutine that catches it and returns normally completes its task normally (see
 * {@link Task#cancel()}). A coroutine that lets it escape ends its task cancelled.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message. */
    public CancelledError() {
        super();
    }

    /** A cancellation carrying {@code message}, as passed to {@link Task#cancel(String)}. */
    public CancelledError(String message) {
        super(message);
    }
}
