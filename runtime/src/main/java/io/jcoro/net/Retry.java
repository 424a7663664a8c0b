package io.jcoro.net;

import io.jcoro.Coroutine;

/**
 * The frame of every waiting stream operation: try it; if it cannot complete yet it hands back a
 * {@link Signals.Signal} to await, then tries again. Hand-written in the processor's frame shape,
 * as an {@code @Async} method would be:
 *
 * <pre>{@code
 * for (;;) {
 *     Object outcome = attempt.attempt();     // the result, or a Signal
 *     if (!(outcome instanceof Signal s)) return done((T) outcome);
 *     await(s);                               // the cancellation point
 * }
 * }</pre>
 *
 * <p>An attempt takes what it returns from the stream only when it completes, so a task
 * cancelled while it waits has consumed nothing: the bytes stay for the next read.
 *
 * @param <T> the type of the result
 */
final class Retry<T> extends Coroutine<T> {

    /** One try of the operation. */
    @FunctionalInterface
    interface Attempt {
        /** @return the operation's result, or a {@link Signals.Signal} to wait for */
        Object attempt() throws Throwable;
    }

    private static final int TRY = 0;
    private static final int WOKEN = 1;

    private final String name;
    private final Attempt attempt;

    Retry(String name, Attempt attempt) {
        this.name = name;
        this.attempt = attempt;
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"})
    protected Object $resume() throws Throwable {
        for (;;) {
            switch ($label) {
                case TRY: {
                    Object outcome = attempt.attempt();
                    if (!(outcome instanceof Signals.Signal signal)) {
                        return $return((T) outcome);
                    }
                    if ($await(signal, WOKEN)) {
                        return $SUSPENDED;
                    }
                }
                case WOKEN: {
                    $value();
                    $label = TRY;
                    continue;
                }
                default:
                    throw $badLabel();
            }
        }
    }

    @Override
    public String name() {
        return name;
    }
}
