package io.jcoro;

/**
 * The lifecycle of a {@link Coroutine}, as Python's {@code inspect.getcoroutinestate} reports it.
 *
 * <pre>
 *   CREATED --first resume--> RUNNING --awaits something pending--> SUSPENDED
 *      |                        |  ^                                    |
 *      | close()                |  +----------- resumed ----------------+
 *      v                        v
 *    CLOSED &lt;--- returns or throws
 * </pre>
 */
public enum CoroutineState {
    /** Made by calling an {@code @Async} method; nothing of its body has run. */
    CREATED,
    /** Its body is executing on the loop thread. */
    RUNNING,
    /** Paused at an {@code await} of something not yet done. */
    SUSPENDED,
    /** Finished: returned, threw, or was closed before it started. */
    CLOSED
}
