package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The no-lost-wake-up invariant of {@link FutureCore}: callbacks added from several threads while
 * another completes the future each run exactly once, whichever side wins each race; of racing
 * completers exactly one wins; a waiter taken back while the future completes is either taken
 * back or woken, never both, never neither.
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

    @RepeatedTest(20)
    void ofRacingCompletersOneWinsAndEveryWaiterSeesItsOutcome() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Promise<Integer> p = new Promise<>();
            int completers = 4;
            AtomicInteger wins = new AtomicInteger();
            AtomicIntegerArray seen = new AtomicIntegerArray(ADDERS * PER_ADDER);
            CyclicBarrier start = new CyclicBarrier(ADDERS + completers);
            List<Thread> threads = new ArrayList<>();
            for (int a = 0; a < ADDERS; a++) {
                int base = a * PER_ADDER;
                threads.add(new Thread(() -> {
                    await(start);
                    for (int i = 0; i < PER_ADDER; i++) {
                        int slot = base + i;
                        p.addDoneCallback(f -> seen.set(slot, seen.get(slot) * 10 + 1 + f.result()));
                    }
                }));
            }
            for (int c = 0; c < completers; c++) {
                int value = c;
                threads.add(new Thread(() -> {
                    await(start);
                    boolean won = value % 2 == 0 ? p.trySucceed(value) : p.succeed(value) != FutureCore.NOT_COMPLETED;
                    if (won) {
                        wins.incrementAndGet();
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, wins.get());
            int expected = 1 + p.result(); // one call, with the winner's value
            for (int i = 0; i < seen.length(); i++) {
                assertEquals(expected, seen.get(i), "callback " + i);
            }
        });
    }

    @RepeatedTest(20)
    void aWaiterTakenBackDuringCompletionIsTakenBackOrWokenNeverBoth() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Promise<String> p = new Promise<>();
            AtomicIntegerArray woken = new AtomicIntegerArray(ADDERS * PER_ADDER);
            AtomicIntegerArray takenBack = new AtomicIntegerArray(ADDERS * PER_ADDER);
            AtomicInteger progress = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(ADDERS + 1);
            List<Thread> threads = new ArrayList<>();
            for (int a = 0; a < ADDERS; a++) {
                int base = a * PER_ADDER;
                threads.add(new Thread(() -> {
                    await(start);
                    for (int i = 0; i < PER_ADDER; i++) {
                        int slot = base + i;
                        Consumer<Object> fn = f -> woken.incrementAndGet(slot);
                        DoneCallback waiter = new DoneCallback(p, fn, null);
                        if (!p.addWaiter(waiter)) {
                            waiter.fire(); // done already: the adder acts on the outcome itself
                        } else if (i % 2 == 0 && p.removeWaiter(waiter)) {
                            takenBack.incrementAndGet(slot);
                        }
                        progress.incrementAndGet();
                    }
                }));
            }
            threads.add(new Thread(() -> {
                await(start);
                while (progress.get() < PER_ADDER) { // complete in the middle of the adding
                    Thread.onSpinWait();
                }
                p.setResult("done");
            }));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            int back = 0;
            for (int i = 0; i < woken.length(); i++) {
                assertEquals(1, woken.get(i) + takenBack.get(i), "waiter " + i);
                back += takenBack.get(i);
            }
            assertTrue(back > 0, "no waiter was taken back before the completion");
            assertTrue(back < ADDERS * PER_ADDER / 2, "every waiter was taken back: no race");
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
