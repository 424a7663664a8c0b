package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The thread-safe operations of a task's loop ({@code Task.cancel()}, {@code TimerHandle.cancel()},
 * {@code callSoonThreadsafe}) against a loop that starts and stops again and again, on a real
 * clock: two other threads call them while the loop thread creates tasks on the idle loop and runs
 * it briefly, for 15 s. Every task ends, cancelled or with its result; the loop reports nothing
 * (before: "node is null", "step of Task while done", and a task lost for good).
 */
@Tag("stress")
class CrossThreadCancelStressTest {
    private static final long RUN_NANOS = 15_000_000_000L;

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancelsFromOtherThreadsWhileTheLoopStartsAndStops() throws Exception {
        EventLoop loop = new EventLoop();
        List<String> reports = Collections.synchronizedList(new ArrayList<>());
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        Restless restless = Coro.create(Restless.class);
        ConcurrentLinkedQueue<Task<?>> toCancel = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Task<?>> toPoke = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] callbacks = new long[1];
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
        Thread poker = new Thread(() -> {
            while (!stop.get()) {
                Task<?> t = toPoke.poll();
                if (t == null) {
                    Thread.onSpinWait();
                } else if (!loop.isClosed()) {
                    loop.callSoonThreadsafe(() -> callbacks[0]++).cancel();
                    loop.callSoonThreadsafe(() -> callbacks[0]++);
                }
            }
        }, "poker");
        canceller.start();
        poker.start();
        List<Task<Integer>> all = new ArrayList<>();
        long rounds = 0;
        try {
            long end = System.nanoTime() + RUN_NANOS;
            while (System.nanoTime() < end) {
                for (int j = 0; j < 32; j++) {
                    Task<Integer> t = loop.createTask(restless.restless(j));
                    all.add(t);
                    (j % 2 == 0 ? toCancel : toPoke).add(t);
                }
                loop.runUntilComplete(restless.tick());
                rounds++;
            }
        } finally {
            stop.set(true);
            canceller.join();
            poker.join();
        }
        List<Object> settled = loop.runUntilComplete(restless.settle(all));
        loop.close();
        System.out.printf("[stress] cancelsFromOtherThreadsWhileTheLoopStartsAndStops: %,d starts and stops, %,d tasks,"
                + " %,d callbacks%n", rounds, all.size(), callbacks[0]);
        assertEquals(List.of(), reports);
        assertEquals(all.size(), settled.size());
        long cancelled = 0;
        for (int i = 0; i < all.size(); i++) {
            Task<Integer> t = all.get(i);
            assertTrue(t.isDone(), t::toString);
            if (t.isCancelled()) {
                cancelled++;
            } else {
                assertEquals(i % 32, t.result());
            }
        }
        assertTrue(cancelled > 0 && cancelled <= all.size() / 2, "cancelled " + cancelled);
    }
}
