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
 *
 * <h2>Stack trace</h2>
 * The error that {@code cancel()} makes records no Java stack: that stack would be the
 * canceller's, not the cancelled task's, and recording it costs more than the rest of the
 * cancellation. Its stack trace is the async chain alone: as it leaves each {@code @Async} method
 * it gains that method's line in the user's source, innermost first, as asyncio's traceback of a
 * cancelled task shows where the task was awaiting.
 *
 * <pre>
 * io.jcoro.CancelledError: shutting down
 *     at app.Users.fetchUser(Users.java:12)
 *     at app.Users.processUser(Users.java:17)
 * </pre>
 *
 * On a loop in debug mode ({@link EventLoop#setDebug}) it also records where {@code cancel()} was
 * called, above that chain. An error made with one of the public constructors records the Java
 * stack as any {@link Throwable} does.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** Whether {@link #fillInStackTrace()} records the Java stack. Unset (false) while
     *  {@code Throwable}'s constructor calls it, so the constructors below decide. */
    private boolean javaStack;

    /** A cancellation without a message. */
    public CancelledError() {
        this(null, true);
    }

    /** A cancellation carrying {@code message}, as passed to {@link Task#cancel(String)}. */
    public CancelledError(String message) {
        this(message, true);
    }

    private CancelledError(String message, boolean javaStack) {
        super(message);
        if (javaStack) {
            this.javaStack = true;
            super.fillInStackTrace(); // the JVM leaves out these constructors' own frames
        }
    }

    /**
     * The error of a cancellation requested on {@code loop} (null: none): with the Java stack only
     * if that loop is in debug mode. Any thread.
     */
    CancelledError(String message, EventLoop loop) {
        this(message, loop != null && loop.isDebug());
    }

    /**
     * Records the current Java stack, unless this error was made by {@code cancel()} outside
     * debug mode (see the class comment), in which case it does nothing.
     */
    @Override
    public Throwable fillInStackTrace() {
        return javaStack ? super.fillInStackTrace() : this;
    }
}
