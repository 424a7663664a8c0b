package io.jcoro.bench.queue;

import static io.jcoro.Coro.*;

import io.jcoro.AsyncQueue;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;

/**
 * Queue hand-off through {@code AsyncQueue(1)} (SPEC.md: {@code put}, {@code get} awaitables).
 * Compiled only once {@code io.jcoro.AsyncQueue} exists (the {@code no-async-queue} profile of
 * this module's pom excludes this package until then).
 */
public interface QueueWorkloads {
    Integer ITEM = 7;

    @Async
    default Coroutine<Void> producer(AsyncQueue<Integer> q, int items) {
        int i = 0;
        while (i < items) {
            await(q.put(ITEM));
            i++;
        }
        return done();
    }

    @Async
    default Coroutine<Integer> consumer(AsyncQueue<Integer> q, int items) {
        int sum = 0;
        int i = 0;
        while (i < items) {
            sum += await(q.get());
            i++;
        }
        return done(sum);
    }

    @Async
    default Coroutine<Integer> handOff(int items) {
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        Task<Void> p = createTask(producer(q, items));
        int sum = await(consumer(q, items));
        await(p);
        return done(sum);
    }
}
