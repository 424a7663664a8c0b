package io.jcoro.sync;

/**
 * Thrown by {@link Barrier#waitAsync()} when the barrier is aborted or reset while the task waits,
 * or is broken when it arrives: asyncio's {@code BrokenBarrierError}.
 *
 * <pre>{@code
 * try { await(barrier.waitAsync()); } catch (BrokenBarrierException e) { ... }
 * }</pre>
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
