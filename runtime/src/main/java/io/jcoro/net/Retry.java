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
 * cancelled while it waits has consumed nothing: the bytes stay for the next read. An operation
 * that must undo something when it fails or is cancelled gives an {@code onFailure} action.
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
    /** Runs when the operation fails or is cancelled; null: nothing to undo. */
    private final Runnable onFailure;

    Retry(String name, Attempt attempt) {
        this(name, attempt, null);
    }

    Retry(String name, Attempt attempt, Runnable onFailure) {
        this.name = name;
        this.attempt = attempt;
        this.onFailure = onFailure;
    }

    @Override
    protected Object $resume() throws Throwable {
        if (onFailure == null) {
            return body();
        }
        try {
            return body();
        } catch (Throwable t) {
            onFailure.run();
            throw t;
        }
    }

    @SuppressWarnings({"unchecked", "fallthrough"})
    private Object body() throws Throwable {
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
