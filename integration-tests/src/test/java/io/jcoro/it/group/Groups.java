package io.jcoro.it.group;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Awaitable;
import io.jcoro.ContextVar;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** The programs the loop-group tests submit, compiled by the processor like user code. */
public interface Groups {

    /** Sleeps {@code ms}, then names the loop and thread it ran on. */
    @Async
    default Coroutine<String> whereAmI(int ms) {
        EventLoop before = EventLoop.current();
        await(sleep(ms));
        if (EventLoop.current() != before) {
            throw new AssertionError("resumed on another loop");
        }
        return done(Thread.currentThread().getName());
    }

    /** {@code return await(awaitable)}. */
    @Async
    default <T> Coroutine<T> awaitIt(Awaitable<T> awaitable) {
        return done(await(awaitable));
    }

    /** {@code return await(waitFor(awaitable, ms))}. */
    @Async
    default <T> Coroutine<T> awaitWithin(Awaitable<T> awaitable, int ms) {
        return done(await(Coro.waitFor(awaitable, java.time.Duration.ofMillis(ms))));
    }

    /** Sets {@code var} here, submits a reader of it to the group, and reports both sides. */
    @Async
    default Coroutine<String> contextProbe(EventLoopGroup group, ContextVar<String> var) {
        var.set("set by the submitter");
        String seen = await(group.submit(() -> readThenSet(var)));
        return done(seen + " / submitter still sees: " + var.get());
    }

    @Async
    default Coroutine<String> readThenSet(ContextVar<String> var) {
        String seen = var.get("unset");
        var.set("set by the submitted task");
        return done("submitted task saw: " + seen);
    }

    /** Fails after a suspension. */
    @Async
    default Coroutine<String> failLater(String message) {
        await(sleep(5));
        throw new IllegalArgumentException(message);
    }

    /** Sleeps an hour; its finally block awaits before it records that it ran. */
    @Async
    default Coroutine<String> sleepAnHour(Queue<String> trace) {
        try {
            trace.add("started on " + Thread.currentThread().getName());
            await(sleep(3_600_000));
            return done("woke");
        } finally {
            await(sleep(1));
            trace.add("finally ran on " + Thread.currentThread().getName());
        }
    }

    /** Submits {@code n} coroutines to the group from this loop and sums their results. */
    @Async
    default Coroutine<Integer> fanOut(EventLoopGroup group, int n) {
        List<Promise<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            parts.add(group.submit(() -> square(k)));
        }
        int sum = 0;
        for (int part : await(gather(parts))) {
            sum += part;
        }
        return done(sum);
    }

    @Async
    default Coroutine<Integer> square(int k) {
        if (k % 7 == 0) {
            await(sleep(0));
        }
        return done(k * k);
    }

    /**
     * Ping-pong between two loops: each hop completes a promise the other loop awaits; counts the
     * hops this side saw.
     */
    @Async
    default Coroutine<Integer> pingPong(List<Promise<Integer>> mine, List<Promise<Integer>> theirs, int first) {
        int seen = 0;
        for (int i = 0; i < mine.size(); i++) {
            if (first == 0) {
                theirs.get(i).setResult(i);
                seen += await(mine.get(i)) == i ? 1 : 0;
            } else {
                seen += await(mine.get(i)) == i ? 1 : 0;
                theirs.get(i).setResult(i);
            }
        }
        return done(seen);
    }
}
