package io.jcoro.net;

import io.jcoro.Awaitable;

/**
 * What a {@link Server} runs for each accepted connection, as its own task; usually a reference to
 * an {@code @Async} method. The connection is flushed and closed when the returned awaitable ends,
 * normally or not; a failure goes to the loop's exception handler, and the server goes on.
 *
 * <pre>{@code
 * @Async Coroutine<Void> echo(Connection c) throws IOException {
 *     for (String line; (line = await(c.reader().readLine())) != null; ) {
 *         c.writer().write(line + "\n");
 *         await(c.writer().drain());
 *     }
 *     return done();
 * }
 * Server server = await(Net.startServer(this::echo, "127.0.0.1", 0));
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Starts serving {@code connection}.
     *
     * @throws Exception as the {@code @Async} method it refers to declares (it is reported)
     */
    Awaitable<?> handle(Connection connection) throws Exception;
}
