package io.jcoro.bench.coro;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The jcoro side of every coroutine benchmark, written in the DSL and lowered by the processor
 * exactly as a user's code is ({@code annotationProcessorPaths} in this module's pom). This
 * release lowers {@code await} only as a statement, an initializer, {@code x = / x += await(..)},
 * an {@code if}/{@code while} condition or {@code return done(await(..))}, and not inside
 * {@code for}: hence the {@code while} loops. Values are kept below 128 so that boxing them
 * allocates nothing, here and in the peers.
 */
public interface Workloads {

    /** The ball passed in the ping-pong. */
    Object BALL = new Object();

    // ---------------------------------------------------------------- yield/resume

    @Async
    default Coroutine<Void> yielder(int rounds) {
        int i = 0;
        while (i < rounds) {
            await(yieldNow());
            i++;
        }
        return done();
    }

    /** {@code tasks} tasks, each yielding {@code rounds} times. */
    @Async
    default Coroutine<Void> yieldResume(int tasks, int rounds) {
        TaskArray<Void> all = new TaskArray<>(tasks);
        int i = 0;
        while (i < tasks) {
            all.set(i, createTask(yielder(rounds)));
            i++;
        }
        i = 0;
        while (i < tasks) {
            await(all.get(i));
            i++;
        }
        return done();
    }

    // ---------------------------------------------------------------- spawn+complete

    @Async
    default Coroutine<Integer> one() {
        return done(1);
    }

    /** {@code n} tasks created, run, completed, and their results read. */
    @Async
    default Coroutine<Integer> spawnComplete(int n) {
        TaskArray<Integer> all = new TaskArray<>(n);
        int i = 0;
        while (i < n) {
            all.set(i, createTask(one()));
            i++;
        }
        int sum = 0;
        i = 0;
        while (i < n) {
            sum += await(all.get(i));
            i++;
        }
        return done(sum);
    }

    // ---------------------------------------------------------------- fast-path await

    /** {@code n} awaits of a promise that is already done. */
    @Async
    default Coroutine<Integer> awaitDone(Promise<Integer> done, int n) {
        int sum = 0;
        int i = 0;
        while (i < n) {
            sum += await(done);
            i++;
        }
        return done(sum);
    }

    /** A coroutine with a suspension point it does not take (as the Kotlin twin). */
    @Async
    default Coroutine<Integer> immediate(int i) {
        if (i < 0) {
            await(yieldNow());
        }
        return done(i & 127);
    }

    /** {@code n} awaits of a coroutine that completes without suspending. */
    @Async
    default Coroutine<Integer> awaitImmediate(int n) {
        int sum = 0;
        int i = 0;
        while (i < n) {
            sum += await(immediate(i));
            i++;
        }
        return done(sum);
    }

    // ---------------------------------------------------------------- await chain

    /** {@code depth} nested coroutine calls; the innermost yields once, so the whole chain
     *  suspends and is resumed. */
    @Async
    default Coroutine<Integer> chain(int depth) {
        if (depth == 0) {
            await(yieldNow());
            return done(0);
        }
        int below = await(chain(depth - 1));
        return done(below + 1);
    }

    @Async
    default Coroutine<Integer> chains(int depth, int times) {
        int sum = 0;
        int i = 0;
        while (i < times) {
            sum += await(chain(depth));
            i++;
        }
        return done(sum);
    }

    // ---------------------------------------------------------------- a failure through a chain

    /** {@code depth} nested coroutine calls whose innermost yields once, then throws. */
    @Async
    default Coroutine<Integer> failing(int depth) {
        if (depth == 0) {
            await(yieldNow());
            throw new IllegalStateException("bottom");
        }
        int below = await(failing(depth - 1));
        return done(below + 1);
    }

    /** {@code times} failing chains, each caught at the top with its trace read; the frames seen. */
    @Async
    default Coroutine<Integer> failures(int depth, int times) {
        int frames = 0;
        int i = 0;
        while (i < times) {
            try {
                await(failing(depth));
            } catch (IllegalStateException e) {
                frames += e.getStackTrace().length;
            }
            i++;
        }
        return done(frames);
    }

    // ---------------------------------------------------------------- ping-pong

    /** A one-shot slot, re-armed by its owner after each hop. */
    final class Mailbox {
        public Promise<Object> slot = new Promise<>();
    }

    @Async
    default Coroutine<Void> player(Mailbox mine, Mailbox other, int hops, boolean serve) {
        if (serve) {
            other.slot.setResult(BALL);
        }
        int i = 0;
        while (i < hops) {
            Object ball = await(mine.slot);
            mine.slot = new Promise<>();
            other.slot.setResult(ball);
            i++;
        }
        return done();
    }

    /** Two tasks passing a ball through promises: {@code 2 * hops} hand-offs. */
    @Async
    default Coroutine<Void> pingPong(int hops) {
        Mailbox a = new Mailbox();
        Mailbox b = new Mailbox();
        Task<Void> ta = createTask(player(a, b, hops, true));
        Task<Void> tb = createTask(player(b, a, hops, false));
        await(ta);
        await(tb);
        return done();
    }

    // ---------------------------------------------------------------- gather fan-out

    @Async
    default Coroutine<Integer> child(int i) {
        return done(i & 127);
    }

    /** gather of {@code n} child coroutines (each becomes a task, as asyncio's gather does). */
    @Async
    default Coroutine<Integer> fanOut(int n) {
        List<Coroutine<Integer>> children = new ArrayList<>(n);
        int i = 0;
        while (i < n) {
            children.add(child(i));
            i++;
        }
        List<Integer> results = await(gather(children));
        return done(results.size());
    }

    // ---------------------------------------------------------------- cancel tree, sleeping

    @Async
    default Coroutine<Void> sleeper(long millis) {
        await(sleep(millis));
        return done();
    }

    /** Spawns {@code n} children sleeping an hour, then returns with all of them asleep. */
    @Async
    default Coroutine<Void> spawnSleepers(TaskArray<Void> kids) {
        int i = 0;
        while (i < kids.length()) {
            kids.set(i, createTask(sleeper(3_600_000L)));
            i++;
        }
        await(yieldNow()); // the children ran before us: all of them sleep now
        return done();
    }

    /** Cancels every child; returns once every one of them has ended. */
    @Async
    default Coroutine<Integer> cancelAll(TaskArray<Void> kids) {
        kids.cancelAll();
        await(yieldNow()); // the children wake with CancelledError and end before we resume
        return done(kids.countCancelled());
    }

    /** The whole cycle: spawn {@code n} sleeping children, cancel them, wait until all ended. */
    @Async
    default Coroutine<Integer> cancelTree(int n) {
        TaskArray<Void> kids = new TaskArray<>(n);
        await(spawnSleepers(kids));
        int cancelled = await(cancelAll(kids));
        return done(cancelled);
    }

    // ---------------------------------------------------------------- sleep storm

    /** Counts finished sleepers; the last one completes {@link #zero}. */
    final class Countdown {
        public int left;
        public final Promise<Void> zero = new Promise<>();

        public Countdown(int n) {
            left = n;
        }

        public void countDown() {
            if (--left == 0) {
                zero.setResult(null);
            }
        }
    }

    @Async
    default Coroutine<Void> sleepThenCount(long millis, Countdown countdown) {
        await(sleep(millis));
        countdown.countDown();
        return done();
    }

    /** One task per entry of {@code millis}, each sleeping that long; ends when all have. */
    @Async
    default Coroutine<Void> sleepStorm(long[] millis) {
        Countdown countdown = new Countdown(millis.length);
        int i = 0;
        while (i < millis.length) {
            createTask(sleepThenCount(millis[i], countdown));
            i++;
        }
        await(countdown.zero);
        return done();
    }

    // ---------------------------------------------------------------- memory

    /** Parks on {@code gate}; {@code counter} confirms it got there. */
    @Async
    default Coroutine<Void> parked(Promise<Void> gate, int[] counter) {
        counter[0]++;
        await(gate);
        return done();
    }

    @Async
    default Coroutine<Void> asleep(int[] counter) {
        counter[0]++;
        await(sleep(3_600_000L));
        return done();
    }

    /**
     * Spawns {@code n} tasks parked on one promise, lets each of them reach its await, confirms it,
     * and returns what {@code measure} says while all of them are suspended.
     */
    @Async
    default Coroutine<Long> holdParked(int n, ToLongFunction<Object> measure) {
        Promise<Void> gate = new Promise<>();
        int[] counter = new int[1];
        int i = 0;
        while (i < n) {
            createTask(parked(gate, counter));
            i++;
        }
        await(yieldNow()); // every task ran up to its await
        Suspended.confirm(counter[0], n);
        long bytes = measure.applyAsLong(gate);
        gate.setResult(null);
        return done(bytes);
    }

    /** As {@link #holdParked}, with every task in {@code await(sleep(1 hour))}. */
    @Async
    default Coroutine<Long> holdAsleep(int n, ToLongFunction<Object> measure) {
        int[] counter = new int[1];
        int i = 0;
        while (i < n) {
            createTask(asleep(counter));
            i++;
        }
        await(yieldNow());
        Suspended.confirm(counter[0], n);
        long bytes = measure.applyAsLong(counter);
        return done(bytes);
    }
}
