package io.jcoro;

import java.util.Objects;

/**
 * An async generator: what an {@code @Async} method returning {@code AsyncGenerator<T>} returns.
 * Its body produces items with {@code emit(value)}, may await anything between them, and ends
 * with {@code return done();}. Nothing runs until the first item is asked for.
 *
 * <pre>{@code
 * @Async
 * default AsyncGenerator<Integer> ticks(int n) {
 *     for (int i = 0; i < n; i++) {
 *         await(sleep(100));
 *         emit(i);
 *     }
 *     return done();
 * }
 *
 * // consuming it (async for):
 * for (int tick : each(ticks(3))) System.out.println(tick);
 * }</pre>
 *
 * <p>Python's asynchronous-generator protocol: {@link #next()} ({@code __anext__}),
 * {@link #send(Object)} ({@code asend}), {@link #throwInto(Throwable)} ({@code athrow}) and
 * {@link #close()} ({@code aclose}) each return an awaitable of the next item; when the body has
 * finished, it fails with {@link StopAsyncIteration}. One step at a time: asking for an item
 * while the previous one is still being produced fails with {@code IllegalStateException}.
 * A generator left unfinished is closed (its {@code finally} blocks run) when {@link Coro#run}
 * shuts its loop down.
 *
 * <p>States, as {@link #state()} reports them: CREATED until the first step, RUNNING while a
 * step runs, SUSPENDED at an {@code emit} or an await, CLOSED once finished. The body is a
 * generated frame; {@link #$of} (generated-code ABI) wraps it.
 *
 * @param <T> the type of the items
 */
public final class AsyncGenerator<T> {

    /** The generated frame of the generator's body. */
    private final Coroutine<?> body;
    /** The step producing the next item, while one runs; one at a time. */
    private Step<T> running;

    private AsyncGenerator(Coroutine<?> body) {
        this.body = body;
    }

    /** Generated-code ABI: the generator around the frame of an {@code AsyncGenerator<T>} method. */
    public static <T> AsyncGenerator<T> $of(Coroutine<?> body) {
        body.started(); // an async generator never iterated is not reported, as in Python
        return new AsyncGenerator<>(Objects.requireNonNull(body, "body"));
    }

    /** The state of the generator's body (see the class comment). */
    public CoroutineState state() {
        return body.state();
    }

    /** The qualified name of the generator method, {@code "Feeds.ticks"}. */
    public String name() {
        return body.name();
    }

    /** An awaitable of the next item ({@code __anext__}); fails with {@link StopAsyncIteration} at the end. */
    public Awaitable<T> next() {
        return step(null, null);
    }

    /**
     * An awaitable of the next item, after {@code value} becomes the result of the {@code emit}
     * the generator is suspended at ({@code asend}). The first step must send null.
     */
    public Awaitable<T> send(Object value) {
        if (value != null && state() == CoroutineState.CREATED) {
            throw new IllegalStateException("can't send non-null value to a just-started async generator");
        }
        return step(value, null);
    }

    /**
     * An awaitable of the next item, after {@code error} is thrown at the {@code emit} the
     * generator is suspended at ({@code athrow}): the generator may catch it and emit again,
     * finish ({@link StopAsyncIteration}), or let it propagate (the awaitable fails with it).
     */
    public Awaitable<T> throwInto(Throwable error) {
        Objects.requireNonNull(error, "error");
        return step(null, error);
    }

    /**
     * Closes the generator ({@code aclose}): throws an exit into it at its current {@code emit} so
     * that its {@code finally} blocks run (and may await). Completes when the body has finished;
     * fails with {@code IllegalStateException} if the body emits again instead. A generator that
     * has not started, or has finished, just becomes closed.
     */
    public Awaitable<Void> close() {
        return new Closer(this);
    }

    @Override
    public String toString() {
        return "AsyncGenerator[" + name() + ", " + state() + "]";
    }

    private Awaitable<T> step(Object sent, Throwable thrown) {
        if (running != null) {
            throw new IllegalStateException("asynchronous generator is already running");
        }
        return new Step<>(this, sent, thrown);
    }

    /**
     * Runs the body from where it is, as a child of {@code step} on {@code step}'s task, with
     * {@code sent}/{@code thrown} as the outcome of its pending {@code emit}. Returns true if it
     * suspended on an await (the step suspends with it); otherwise the step's in-slots hold the
     * emitted item, or the body's end (see {@link Step}).
     */
    boolean advance(Step<T> step, Object sent, Throwable thrown) {
        CoroutineState state = body.state();
        if (state == CoroutineState.CLOSED) {
            step.deliver(null);
            return false;
        }
        if (state == CoroutineState.CREATED) {
            EventLoop loop = EventLoop.currentOrNull();
            if (loop != null) {
                loop.trackAsyncGenerator(this);
            }
            if (thrown != null) { // thrown into a generator that never ran: it ends, unstarted
                body.finish();
                if (thrown instanceof GeneratorExit) {
                    step.deliver(null);
                } else {
                    step.deliverFailure(thrown);
                }
                return false;
            }
        } else {
            if (thrown != null) {
                body.deliverFailure(thrown);
            } else {
                body.deliver(sent);
            }
        }
        running = step;
        body.caller = step;
        body.task = step.task;
        body.inlineDepth = step.inlineDepth; // the body runs nested in the step's own call
        body.markRunning();
        Object result;
        Throwable failure = null;
        try {
            result = body.$resume();
        } catch (Throwable t) {
            result = null;
            failure = Coroutine.crossed(body, t, step.task);
        }
        if (result == Coroutine.$SUSPENDED && failure == null) {
            body.markSuspended();
            return true;
        }
        body.returnToCaller(result, failure);
        return false;
    }

    /**
     * One step of the generator, awaited by whoever asked for the item; runs the body inline, so
     * that an item ready without waiting costs no loop trip. It ends with the emitted item, with
     * {@link StopAsyncIteration} when the body has finished, or with the body's failure.
     */
    static final class Step<T> extends Coroutine<T> {
        private final AsyncGenerator<T> generator;
        private Object sent;
        private Throwable thrown;

        Step(AsyncGenerator<T> generator, Object sent, Throwable thrown) {
            this.generator = generator;
            this.sent = sent;
            this.thrown = thrown;
        }

        @Override
        public String name() {
            return generator.name() + ".next";
        }

        @Override
        protected Object $resume() throws Throwable {
            if ($label == 0) {
                $label = 1;
                Object s = sent;
                Throwable t = thrown;
                sent = null;
                thrown = null;
                if (generator.advance(this, s, t)) {
                    return $SUSPENDED;
                }
            }
            generator.running = null;
            if (generator.state() == CoroutineState.CLOSED) {
                Throwable failure = $failure();
                if (failure == null || failure instanceof GeneratorExit) {
                    throw new StopAsyncIteration();
                }
                if (failure instanceof StopAsyncIteration) {
                    // as Python turns StopAsyncIteration raised by the body into RuntimeError
                    throw new IllegalStateException("async generator raised StopAsyncIteration", failure);
                }
                throw failure;
            }
            return $value();
        }
    }

    /** {@code aclose()}: throws the exit in; an emit during close is an error. */
    private static final class Closer extends Coroutine<Void> {
        private final AsyncGenerator<?> generator;

        Closer(AsyncGenerator<?> generator) {
            this.generator = generator;
        }

        @Override
        public String name() {
            return generator.name() + ".close";
        }

        @Override
        protected Object $resume() throws Throwable {
            if ($label == 0) {
                CoroutineState state = generator.state();
                if (state == CoroutineState.CREATED || state == CoroutineState.CLOSED) {
                    generator.body.close();
                    return null;
                }
                if ($await(generator.throwInto(new GeneratorExit()), 1)) {
                    return $SUSPENDED;
                }
            }
            try {
                $value();
            } catch (StopAsyncIteration finished) {
                return null;
            }
            throw new IllegalStateException("async generator ignored GeneratorExit: it emitted while being closed");
        }
    }
}
