package io.jcoro;

import java.util.function.Consumer;

/**
 * The frame behind {@link Coro#waitFor}: asyncio 3.12's {@code wait_for}, hand-written in the
 * shape the processor generates. With a positive timeout it is
 *
 * <pre>{@code
 * try (Timeout t = new Timeout(deadline)) { return done(await(awaitable)); }
 * }</pre>
 *
 * so a coroutine runs inline on the awaiting task and, at the deadline, is cancelled where it
 * awaits, runs its clean-up, and the scope turns the cancellation into
 * {@link AsyncTimeoutException}; a task or promise is cancelled (cancelling the awaiting task
 * cancels what it awaits) and waited for until it has finished cancelling. A task or promise that
 * is done when the deadline comes (or that swallows the cancellation) gives its result. With a
 * timeout of zero or less the awaitable is wrapped in a task (a coroutine never starts), cancelled
 * and waited for at once, as asyncio does. A task of another loop is never waited for after the
 * deadline: it is sent the cancellation, and the timeout fires on time (see {@link Task}).
 */
final class WaitFor<T> extends Coroutine<T> {
    private final Awaitable<T> awaitable;
    /** Loop time of the deadline, or Long.MAX_VALUE for none; only read if {@code !immediate}. */
    private final long deadline;
    private final boolean immediate;
    private FutureCore<T> future;
    private Timeout scope;
    private Object value;
    private Throwable pending;

    WaitFor(Awaitable<T> awaitable, long deadline, boolean immediate) {
        this.awaitable = awaitable;
        this.deadline = deadline;
        this.immediate = immediate;
    }

    @Override
    @SuppressWarnings({"fallthrough", "unchecked"})
    protected Object $resume() throws Throwable {
        for (;;) {
            switch ($label) {
                case 0: {
                    if (immediate) {
                        EventLoop here = EventLoop.current();
                        future = (FutureCore<T>) Coro.ensureFuture(awaitable, here);
                        if (future.isDone()) {
                            return $return(future.result());
                        }
                        Promise<Void> finished = new Promise<>();
                        future.addCallback((Consumer<Object>) f -> finished.trySucceed(null), here);
                        future.cancel();
                        if (!future.isDone() && future.loop != here) {
                            // a task of another loop finishes cancelling there, if that loop ever
                            // runs again: the timeout does not wait for it (see Task)
                            throw new AsyncTimeoutException("timed out", new CancelledError(null, here));
                        }
                        if ($await(finished, 3)) {
                            return $SUSPENDED;
                        }
                        $label = 3;
                        continue;
                    }
                    scope = new Timeout(deadline);
                    if ($await(awaitable, 1)) {
                        return $SUSPENDED;
                    }
                }
                case 1: {
                    try {
                        value = $value();
                    } catch (Throwable t) {
                        pending = t;
                    }
                    if ($await(scope.closeAsync(pending), 2)) {
                        return $SUSPENDED;
                    }
                }
                case 2: {
                    Throwable closeFailure = null;
                    try {
                        $value();
                    } catch (Throwable f) {
                        closeFailure = f;
                    }
                    Throwable out = AsyncCloseable.afterClose(scope, pending, closeFailure);
                    if (out != null) {
                        throw out;
                    }
                    return $return((T) value);
                }
                case 3: {
                    $value();
                    try {
                        return $return(future.result());
                    } catch (CancelledError e) {
                        throw new AsyncTimeoutException("timed out", e);
                    }
                }
                default:
                    throw $badLabel();
            }
        }
    }

    @Override
    public String name() {
        return "Coro.waitFor";
    }
}
