package io.jcoro.sync;

/**
 * A {@link Semaphore} that refuses to be released more times than it was acquired: asyncio's
 * {@code BoundedSemaphore}, which raises {@code ValueError}; here an
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * BoundedSemaphore s = new BoundedSemaphore(2);
 * s.release();                                  // IllegalStateException: released too many times
 * }</pre>
 */
public class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with {@code value} permits, which is also its bound. */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Gives a permit back.
     *
     * @throws IllegalStateException if that would make more permits than the bound
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        releaseOne();
    }
}
