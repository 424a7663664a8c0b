package io.jcoro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The future behind {@link Coro#gather} and {@link Coro#gatherSettled}: asyncio's
 * {@code _GatheringFuture}, with {@code gather}'s done callback, ported literally from CPython
 * 3.11's {@code tasks.py}.
 *
 * <ul>
 * <li>Coroutines (and delays) are wrapped in tasks at call time: they start at the next loop
 *     iteration even if the gather is never awaited. Tasks and promises are used as they are.
 *     The same object passed twice is one child, whose result appears twice.
 * <li>Results come in argument order. Without {@code settled}, the first failure (or a child's
 *     cancellation, as a {@link CancelledError}) completes the gather at once; the other children
 *     are not cancelled and run on. With {@code settled}, every child's failure or cancellation
 *     becomes an {@link Outcome.Failure} in place.
 * <li>{@link #cancel(String)} (what cancelling the awaiting task does) cancels every child; the
 *     gather then fails with a {@link CancelledError} once all of them are done.
 * </ul>
 *
 * <p>Each child's done callback runs on this gather's loop (call_soon), so its counters need no
 * lock; without a loop the callbacks run on the completing threads and take this gather's
 * monitor. {@link #cancel} may come from any thread: its request is read under the monitor.
 */
final class Gathering extends FutureCore<List<Object>> {
    private final FutureCore<?>[] children;
    private final boolean settled;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;
    private String cancelMessage;

    private Gathering(EventLoop loop, FutureCore<?>[] children, int distinct, boolean settled) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.settled = settled;
    }

    /**
     * Starts a gather on {@code loop} (the running loop; null only if every argument is already a
     * future, in which case the first one's loop is used).
     *
     * <p>The same object passed twice is one child. A coroutine needs no lookup for that: the
     * task made for it claims it, so a later occurrence is no longer fresh, and only then are the
     * earlier arguments searched. Futures and delays carry no such mark and go through an
     * identity map, made only if some argument is one.
     */
    static Gathering start(Collection<? extends Awaitable<?>> args, boolean settled, EventLoop loop) {
        if (args.isEmpty()) {
            Gathering empty = new Gathering(loop, new FutureCore<?>[0], 0, settled);
            empty.trySucceed(new ArrayList<>());
            return empty;
        }
        Map<Awaitable<?>, FutureCore<?>> seen = null;
        FutureCore<?>[] children = new FutureCore<?>[args.size()];
        boolean[] repeat = null; // repeat[i]: children[i] is an earlier argument's child
        int distinct = 0;
        int i = 0;
        for (Awaitable<?> arg : args) {
            FutureCore<?> child;
            if (arg instanceof Coroutine<?> c && c.state() == CoroutineState.CREATED && c.task == null) {
                child = null; // fresh: not an earlier argument
            } else if (arg instanceof Coroutine<?>) {
                child = earlierChild(args, children, arg, i);
            } else {
                if (seen == null) {
                    seen = new IdentityHashMap<>();
                }
                child = seen.get(arg);
            }
            if (child == null) {
                child = ensureFuture(arg, loop);
                if (loop == null) {
                    loop = child.loop;
                }
                if (!(arg instanceof Coroutine<?>)) {
                    seen.put(arg, child);
                }
                distinct++;
            } else {
                if (repeat == null) {
                    repeat = new boolean[children.length];
                }
                repeat[i] = true;
            }
            children[i++] = child;
        }
        Gathering outer = new Gathering(loop, children, distinct, settled);
        Consumer<FutureCore<?>> onChildDone = outer::childDone;
        for (int k = 0; k < children.length; k++) {
            if (repeat == null || !repeat[k]) {
                children[k].addCallback(onChildDone, loop);
            }
        }
        return outer;
    }

    /** The child made for an earlier occurrence of {@code arg} among the first {@code count}, or null. */
    private static FutureCore<?> earlierChild(Collection<? extends Awaitable<?>> args, FutureCore<?>[] children,
            Awaitable<?> arg, int count) {
        int k = 0;
        for (Awaitable<?> earlier : args) {
            if (k == count) {
                break;
            }
            if (earlier == arg) {
                return children[k];
            }
            k++;
        }
        return null;
    }

    static FutureCore<?> ensureFuture(Awaitable<?> arg, EventLoop loop) {
        if (arg instanceof FutureCore<?> future) {
            return future;
        }
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        if (arg instanceof Coroutine<?> coroutine) {
            return loop.createTask(coroutine);
        }
        if (arg instanceof Delay delay) {
            return loop.createTask(new DelayFrame(delay));
        }
        throw new NullPointerException("gather: null awaitable");
    }

    /**
     * asyncio's {@code _GatheringFuture.cancel}: cancel the children, not this future. The monitor
     * is not held while children are cancelled (a child's completion may call back into
     * {@link #childDone} on this thread, and locks are only ever taken child first).
     */
    @Override
    public boolean cancel(String message) {
        markRetrieved();
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (FutureCore<?> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            synchronized (this) {
                cancelRequested = true;
                cancelMessage = message;
            }
        }
        return any;
    }

    /** asyncio's {@code gather._done_callback}. */
    private void childDone(FutureCore<?> child) {
        if (loop != null) {
            onChildDone(child); // on the loop's thread, as every other call
        } else {
            synchronized (this) {
                onChildDone(child);
            }
        }
    }

    private void onChildDone(FutureCore<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception(); // mark it retrieved
            }
            return;
        }
        if (!settled) {
            if (child.isCancelled()) {
                tryFail(child.peekFailure());
                child.markRetrieved();
                return;
            }
            Throwable failure = child.exception();
            if (failure != null) {
                tryFail(failure);
                return;
            }
        }
        if (finished == distinct) {
            List<Object> results = new ArrayList<>(children.length);
            for (FutureCore<?> c : children) {
                results.add(settled ? outcomeOf(c) : c.result());
            }
            boolean cancelled;
            String message;
            synchronized (this) {
                cancelled = cancelRequested;
                message = cancelMessage;
            }
            if (cancelled) {
                tryFail(new CancelledError(message, loop));
            } else {
                trySucceed(results);
            }
        }
    }

    private static Outcome<Object> outcomeOf(FutureCore<?> child) {
        child.markRetrieved();
        Throwable failure = child.peekFailure();
        return failure != null ? new Outcome.Failure<>(failure) : new Outcome.Success<>(child.result());
    }

    /** A hand-written frame that awaits one delay: what a delay passed to gather runs as. */
    private static final class DelayFrame extends Coroutine<Void> {
        private final Delay delay;

        DelayFrame(Delay delay) {
            this.delay = delay;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if ($await(delay, 1)) {
                            return $SUSPENDED;
                        }
                    }
                    case 1: {
                        $value();
                        return $return(null);
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        @Override
        public String name() {
            return "Coro." + delay;
        }
    }
}
