package io.jcoro;

/**
 * How an awaitable ended: with a value or with a failure. {@link Coro#gatherSettled} returns one
 * per child, in argument order (asyncio's {@code gather(..., return_exceptions=True)}).
 *
 * <pre>{@code
 * for (Outcome<User> o : await(gatherSettled(fetchUser(1), fetchUser(2)))) {
 *     switch (o) {
 *         case Outcome.Success<User> s -> System.out.println(s.value());
 *         case Outcome.Failure<User> f -> System.out.println("failed: " + f.error());
 *     }
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public sealed interface Outcome<T> {

    /** The awaitable produced {@code value} (possibly null). */
    record Success<T>(T value) implements Outcome<T> {}

    /**
     * The awaitable failed with {@code error}; a cancelled child is a failure holding a
     * {@link CancelledError}.
     */
    record Failure<T>(Throwable error) implements Outcome<T> {
        /** @throws NullPointerException if {@code error} is null */
        public Failure {
            java.util.Objects.requireNonNull(error, "error");
        }
    }
}
