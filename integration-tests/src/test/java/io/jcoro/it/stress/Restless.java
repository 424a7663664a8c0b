package io.jcoro.it.stress;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gatherSettled;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.toThread;
import static io.jcoro.Coro.yieldNow;

import io.jcoro.Coroutine;
import io.jcoro.Outcome;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.List;

/** The tasks of {@link CrossThreadCancelStressTest}: every kind of wait a task can be in. */
public interface Restless {

    /** Yields, sleeps, awaits another thread, in an order that depends on {@code i}; returns it. */
    @Async
    default Coroutine<Integer> restless(int i) {
        for (int k = 0; k < 6; k++) {
            int step = i + k;
            switch (step % 3) {
                case 0 -> await(yieldNow());
                case 1 -> await(sleep(step % 2));
                default -> await(toThread(() -> step));
            }
        }
        return done(i);
    }

    /** One short run of the loop. */
    @Async
    default Coroutine<Void> tick() {
        await(yieldNow());
        return done();
    }

    /** Waits for every task. */
    @Async
    default Coroutine<List<Object>> settle(List<Task<Integer>> tasks) {
        List<Outcome<Integer>> outcomes = await(gatherSettled(tasks));
        return done(List.copyOf(outcomes));
    }
}
