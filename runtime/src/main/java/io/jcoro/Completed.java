package io.jcoro;

/**
 * An awaitable already completed with a value, for the runtime's fast paths that have nothing to
 * wait for: a put into a queue with room, a get from a queue holding items, leaving a timeout
 * scope that did not expire. Awaiting it reads the value without suspending.
 *
 * <p>Unlike {@link Promise#completed}, it is made done (no compare-and-set, no swap of the
 * waiters) and looks up no running loop, and the {@code null} one, {@link #VOID}, is shared, so
 * those paths allocate nothing. Sharing is safe because nothing observable in a successful
 * future ever changes: awaiting it only reads the value, a success has no "retrieved" mark,
 * cancelling it does nothing, and a callback added to it is run at once, never stored. It is handed
 * out only as an {@link Awaitable}, and has no loop: a callback added through {@code gather},
 * {@code shield} or {@code toCompletableFuture} runs where they say, as for any done future.
 *
 * @param <T> the type of the value
 */
final class Completed<T> extends FutureCore<T> {

    /** The shared awaitable of a {@code Void} operation that completed at once. */
    static final Completed<Void> VOID = new Completed<>(null);

    Completed(T value) {
        super(null, value);
    }
}
