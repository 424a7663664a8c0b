package io.jcoro;

/**
 * Anything {@code await} accepts: a {@link Coroutine}, a {@link Task}, a {@link Promise}, or one
 * of the runtime's own awaitables (such as what {@link Coro#sleep(long)} returns).
 *
 * <pre>{@code
 * Awaitable<User> pending = createTask(fetchUser(1));
 * User user = await(pending);
 * }</pre>
 *
 * <p>The set of implementations is closed: the runtime knows how to suspend on each of them
 * without allocating. To make a value awaitable, complete a {@link Promise} with it; to await a
 * {@link java.util.concurrent.CompletionStage}, pass it to {@code await} (or to {@code gather})
 * directly, or adapt it with {@link Coro#awaitable} to gather it with awaitables.
 *
 * @param <T> the type of the value the await produces
 */
public sealed interface Awaitable<T> permits Coroutine, FutureCore, Delay {}
