package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Task#cancel()} is thread-safe while the task's loop starts and stops again and again
 * (here 300 times): every task ends, cancelled or with its result, and nothing goes wrong on the
 * loop (no "node is null", no "step of Task while done"). The longer run is in the stress profile
 * ({@code io.jcoro.it.stress.CrossThreadCancelStressTest}).
 */
class CrossThreadCancelTest {

    /** Yields and sleeps a few times, then returns {@code i}. */
    private static Coroutine<Object> restless(int i) {
        return Frames.of("restless", v -> Coro.yieldNow(), v -> Coro.sleep(i % 3), v -> Coro.yieldNow(),
                v -> Coro.sleep(1), v -> Frames.ret(i));
    }

    @Test
    void cancellingFromAnotherThreadWhileTheLoopStartsAndStopsLosesNoTask() throws Throwable {
        EventLoop loop = new EventLoop();
        List<String> reports = Frames.trace();
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        ConcurrentLinkedQueue<Task<?>> toCancel = new ConcurrentLinkedQueue<>();
        List<Task<?>> all = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            while (!stop.get()) {
                Task<?> t = toCancel.poll();
                if (t == null) {
                    Thread.onSpinWait();
                } else {
                    t.cancel();
                }
            }
        }, "canceller");
        canceller.start();
        List<Object> settled;
        try {
            settled = OnThread.call(0, () -> {
                for (int round = 0; round < 300; round++) {
                    for (int j = 0; j < 20; j++) {
                        Task<Object> t = loop.createTask(restless(j));
                        all.add(t);
                        if (j % 2 == 0) {
                            toCancel.add(t);
                        }
                    }
                    loop.runUntilComplete(Frames.of("tick", v -> Coro.yieldNow(), v -> Frames.ret(null)));
                }
                return loop.runUntilComplete(Frames.of("all", v -> Coro.gatherSettled(all), Frames::ret));
            });
        } finally {
            stop.set(true);
            canceller.join();
        }
        assertEquals(List.of(), reports);
        assertEquals(all.size(), settled.size());
        for (int i = 0; i < all.size(); i++) {
            Task<?> t = all.get(i);
            assertTrue(t.isDone());
            assertTrue(t.isCancelled() || ((Integer) t.result()) == i % 20, t::toString);
        }
        loop.close();
    }
}
