package io.jcoro;

/**
 * A resource closed by awaiting: the target of {@code async with}. In an {@code @Async} body,
 * {@code try (R r = ...) { ... }} with {@code R} an {@code AsyncCloseable} awaits
 * {@code r.closeAsync(pending)} when the block is left, on every path (normal, exception,
 * cancellation), {@code pending} being the exception leaving the block (null if none).
 *
 * <pre>{@code
 * final class Connection implements AsyncCloseable {
 *     @Override public Awaitable<Void> closeAsync() { return sendGoodbye(); }   // a coroutine
 * }
 *
 * @Async default Coroutine<String> query(String sql) {
 *     try (Connection c = await(connect())) {
 *         return done(await(c.query(sql)));
 *     }                                             // awaits c.closeAsync(pending) here
 * }
 * }</pre>
 *
 * <h2>How a failing close combines with the pending exception</h2>
 * <ul>
 * <li>{@code closeAsync} completes normally: {@code pending} (if any) goes on, unless
 *     {@link #absorbs(Throwable)} says the resource absorbed it (Python's {@code __aexit__}
 *     returning true; {@link TaskGroup#cancel()} needs it).
 * <li>{@code closeAsync} fails with an exception that references {@code pending} (as its cause,
 *     or as a member, at any depth, of an {@link ExceptionGroup}), or with {@code pending} itself:
 *     that exception replaces {@code pending}. This is how {@link TaskGroup} folds the body's
 *     failure into its group and how {@link Timeout} turns the cancellation into
 *     {@link AsyncTimeoutException}.
 * <li>{@code closeAsync} fails otherwise: that failure is added to {@code pending} as suppressed,
 *     as plain try-with-resources does (or is thrown, if nothing was pending).
 * </ul>
 * {@link #afterClose} implements these rules, for generated code and hand-written frames.
 *
 * <p>{@link #close()} is redeclared without checked exceptions only so that plain javac accepts
 * the try-with-resources; generated code never calls it. Outside an {@code @Async} body (where a
 * try-with-resources calls it), the default {@code close()} throws
 * {@link IllegalStateException}: an async resource must be closed by awaiting.
 */
public interface AsyncCloseable extends AutoCloseable {

    /** Closes the resource; the returned awaitable completes when it is closed. */
    Awaitable<Void> closeAsync();

    /**
     * Closes the resource, knowing the exception that is leaving the block ({@code null} if
     * none). The default ignores it and calls {@link #closeAsync()}.
     */
    default Awaitable<Void> closeAsync(Throwable pending) {
        return closeAsync();
    }

    /**
     * Whether, {@link #closeAsync(Throwable)} having completed normally, the resource absorbed
     * {@code pending} so that the block ends normally. Asked only with a non-null
     * {@code pending}, after the close completed. Default: false.
     */
    default boolean absorbs(Throwable pending) {
        return false;
    }

    /**
     * Only for a plain try-with-resources outside an {@code @Async} body, where nothing can be
     * awaited: always throws.
     *
     * @throws IllegalStateException always: use the resource in an {@code @Async} method's
     *                               try-with-resources (or await {@link #closeAsync()})
     */
    @Override
    default void close() {
        throw new IllegalStateException(getClass().getName() + " is an AsyncCloseable: use it in a"
                + " try-with-resources of an @Async method (which awaits closeAsync), or await"
                + " closeAsync() yourself; close() cannot close it without awaiting");
    }

    /**
     * What leaves a try-with-resources block once {@code resource.closeAsync(pending)} ended:
     * the rules of the class comment. Returns the exception to throw, or null to go on normally.
     *
     * <pre>{@code
     * // generated code, after: $await(r.closeAsync(pending), N)
     * Throwable closeFailure = null;
     * try { $value(); } catch (Throwable f) { closeFailure = f; }
     * Throwable out = AsyncCloseable.afterClose(r, pending, closeFailure);
     * if (out != null) throw out;
     * }</pre>
     */
    static Throwable afterClose(AsyncCloseable resource, Throwable pending, Throwable closeFailure) {
        if (closeFailure == null) {
            return pending != null && resource.absorbs(pending) ? null : pending;
        }
        if (pending == null || references(closeFailure, pending)) {
            return closeFailure;
        }
        pending.addSuppressed(closeFailure);
        return pending;
    }

    private static boolean references(Throwable failure, Throwable pending) {
        return failure == pending || failure.getCause() == pending
                || failure instanceof ExceptionGroup group && group.contains(pending);
    }
}
