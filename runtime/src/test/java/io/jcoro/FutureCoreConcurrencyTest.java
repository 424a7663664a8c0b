package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The no-lost-wake-up invariant of {@link FutureCore}: callbacks added from several threads while
 * another completes the future each run exactly once, whichever side wins each race.
 */
class FutureCoreConcurrencyTest {
    private static final int ADDERS = 4;
    private static final int PER_ADDER = 2_000;

    @RepeatedTest(20)
    void everyWaiterAddedFromAnyThreadIsWokenExactlyOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Promise<String> p = new Promise<>(); // no loop: callbacks run on the completing thread
            AtomicIntegerArray calls = new AtomicIntegerArray(ADDERS * PER_ADDER);
            CyclicBarrier start = new CyclicBarrier(ADDERS + 1);
            List<Thread> threads = new ArrayList<>();
            for (int a = 0; a < ADDERS; a++) {
                int base = a * PER_ADDER;
                threads.add(new Thread(() -> {
                    await(start);
                    for (int i = 0; i < PER_ADDER; i++) {
                        int slot = base + i;
                        p.addDoneCallback(f -> calls.incrementAndGet(slot));
                    }
                }));
            }
            Thread completer = new Thread(() -> {
                await(start);
                for (int spin = 0; spin < 500; spin++) {
                    Thread.onSpinWait();
                }
                p.setResult("done");
            });
            threads.add(completer);
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            for (int i = 0; i < calls.length(); i++) {
                assertEquals(1, calls.get(i), "callback " + i);
            }
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
