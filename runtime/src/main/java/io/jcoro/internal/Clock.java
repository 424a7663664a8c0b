package io.jcoro.internal;

/**
 * The event loop's source of time, injected so that tests run on virtual time.
 * Monotonic nanoseconds; the origin is arbitrary.
 */
public interface Clock {
    long nanoTime();
}
