package io.jcoro;

/**
 * The end of an async generator: what awaiting {@link AsyncGenerator#next()} throws once the
 * generator's body has finished. {@code for (T x : each(gen))} stops on it.
 *
 * <pre>{@code
 * try {
 *     T item = await(gen.next());
 * } catch (StopAsyncIteration end) {
 *     // no more items
 * }
 * }</pre>
 */
public class StopAsyncIteration extends RuntimeException {
    public StopAsyncIteration() {
        super("async generator is exhausted");
    }
}
