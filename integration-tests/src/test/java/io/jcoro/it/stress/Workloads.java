package io.jcoro.it.stress;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongUnaryOperator;

/**
 * The coroutines the stress tests run, compiled by the processor like any user code. Counters
 * live in a {@link Tally} (loop thread only, so plain fields).
 */
public interface Workloads {

    /** What the workloads count; only the loop thread writes it. */
    final class Tally {
        long woke;
        long early;
        long late;
        long cancelled;
        long cleanedUp;
        long completions;
        /** Awaits that found their promise not done yet (so most likely suspended). */
        long pendingAtAwait;
        long sum;
        /** Used heap (after GC) when every task had been created and none had ended. */
        long usedHeapAtPeak;
        int liveTasksAtPeak;
    }

    /** Sleeps {@code millis}; on waking checks the clock: never early, at most one 1 ms tick late. */
    @Async
    default Coroutine<Void> sleeper(long millis, Tally tally) {
        long deadline = EventLoop.current().time() + millis * 1_000_000L;
        await(sleep(millis));
        long now = EventLoop.current().time();
        if (now < deadline) {
            tally.early++;
        } else if (now > deadline + 1_000_000L) {
            tally.late++;
        }
        tally.woke++;
        return done();
    }

    /**
     * Starts {@code n} sleeping tasks, the i-th for {@code delay.applyAsLong(i)} ms, all before
     * any can wake (one step of this coroutine), then awaits each.
     */
    @Async
    default Coroutine<Long> manySleepers(int n, LongUnaryOperator delay, Tally tally) {
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(sleeper(delay.applyAsLong(i), tally)));
        }
        tally.usedHeapAtPeak = Heap.settledUsed();
        tally.liveTasksAtPeak = io.jcoro.Coro.allTasks().size();
        for (int i = 0; i < n; i++) {
            await(tasks.get(i));
            tasks.set(i, null); // let each go as it is done
        }
        return done(tally.woke);
    }

    /**
     * Sleeps 10 s unless cancelled; on cancellation cleans up (every other one awaiting 1 ms in its
     * handler, so that cleanup itself suspends) and re-raises.
     */
    @Async
    default Coroutine<Void> cancellableSleeper(int i, Tally tally) {
        try {
            await(sleep(10_000));
            tally.woke++;
        } catch (CancelledError e) {
            tally.cancelled++;
            if (i % 2 == 0) {
                await(sleep(1)); // cleanup that awaits: allowed while being cancelled
            }
            tally.cleanedUp++;
            throw e;
        }
        return done();
    }

    /**
     * Starts {@code n} tasks sleeping 10 s, lets them all sleep for 1 s, cancels every one, and
     * awaits each: returns how many ended cancelled.
     */
    @Async
    default Coroutine<Long> cancelMidSleep(int n, Tally tally) {
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(cancellableSleeper(i, tally)));
        }
        await(sleep(1000)); // all are asleep now
        tally.usedHeapAtPeak = Heap.settledUsed();
        tally.liveTasksAtPeak = io.jcoro.Coro.allTasks().size();
        long cancelRequestsAccepted = 0;
        for (Task<Void> t : tasks) {
            if (t.cancel()) {
                cancelRequestsAccepted++;
            }
        }
        long endedCancelled = 0;
        for (int i = 0; i < n; i++) {
            Task<Void> t = tasks.get(i);
            try {
                await(t);
            } catch (CancelledError e) {
                if (t.isCancelled()) {
                    endedCancelled++;
                }
            }
            tasks.set(i, null);
        }
        return done(endedCancelled == cancelRequestsAccepted ? endedCancelled : -endedCancelled);
    }

    /**
     * {@code n} promises made on this loop, handed one by one to the completing threads
     * (round-robin over {@code toWorkers}; a thread completes promise {@code i} with {@code i}),
     * with at most {@code window} outstanding: promise {@code i - window + 1} is awaited right
     * after promise {@code i} is handed out. The loop runs out of work all the time, so it parks
     * and is woken by another thread's completion again and again: where a lost wake-up would
     * leave it parked forever.
     */
    @Async
    default Coroutine<Long> awaitWindowedCompletions(int n, int window,
            List<BlockingQueue<Promise<Integer>>> toWorkers, Tally tally) {
        @SuppressWarnings("unchecked")
        Promise<Integer>[] ring = new Promise[window];
        int workers = toWorkers.size();
        for (int i = 0; i < n + window - 1; i++) {
            if (i < n) {
                Promise<Integer> p = new Promise<>();
                ring[i % window] = p;
                toWorkers.get(i % workers).add(p);
            }
            int j = i - window + 1;
            if (j >= 0) {
                Promise<Integer> oldest = ring[j % window];
                if (!oldest.isDone()) {
                    tally.pendingAtAwait++;
                }
                int value = await(oldest);
                if (value != j) {
                    throw new AssertionError("promise " + j + " delivered " + value);
                }
                tally.sum += value;
                tally.completions++;
            }
        }
        return done(tally.completions);
    }

    /** Waits for {@code done}, which a loop callback completes once all expected callbacks ran. */
    @Async
    default Coroutine<Long> awaitCallbacks(Promise<Long> allRan) {
        return done(await(allRan));
    }

    /** How many tasks the running loop holds alive (this one included). */
    @Async
    default Coroutine<Integer> liveTasks() {
        return done(io.jcoro.Coro.allTasks().size());
    }
}
