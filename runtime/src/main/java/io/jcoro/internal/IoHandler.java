package io.jcoro.internal;

/**
 * What a registered channel runs on the loop thread when the selector finds it ready: one
 * readiness callback per registration (a stream's, a server's), as asyncio's
 * {@code add_reader}/{@code add_writer} callbacks and Netty's {@code Unsafe.read}/{@code forceFlush}.
 */
@FunctionalInterface
public interface IoHandler {
    /**
     * @param readyOps the {@link java.nio.channels.SelectionKey} operations found ready since the
     *                 last call ({@code OP_READ}, {@code OP_WRITE}, {@code OP_CONNECT},
     *                 {@code OP_ACCEPT}, or'ed)
     */
    void ready(int readyOps);
}
