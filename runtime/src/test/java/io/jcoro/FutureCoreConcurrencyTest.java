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
import java.util.function.IntConsumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The no-lost-wake-up invariant of {@link FutureCore}: callbacks added from several threads while
 * another completes the future each run exactly once, whichever side wins each race; of racing
 * completers exactly one wins; a waiter taken back while the future completes is either taken
 * back or woken, never both, never neither.
 */
class FutureCoreConcurrencyTest {
    private static final int ADDERS = 4;
    private static final int PER_ADDER = 2_000;
    private static final int SLOTS = ADDERS * PER_ADDER;

    @RepeatedTest(20)
    void everyWaiterAddedFromAnyThreadIsWokenExactlyOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Promise<String> p = new Promise<>(); // no loop: callbacks run on the completing thread
            AtomicIntegerArray calls = new AtomicIntegerArray(SLOTS);
            race(slot -> p.addDoneCallback(f -> calls.incrementAndGet(slot)), () -> {
                for (int spin = 0; spin < 500; spin++) {
                    Thread.onSpinWait();
                }
                p.setResult("done");
            });
            for (int i = 0; i < SLOTS; i++) {
                assertEquals(1, calls.get(i), "callback " + i);
            }
        });
    }

    @RepeatedTest(20)
    void ofRacingCompletersOneWinsAndEveryWaiterSeesItsOutcome() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Promise<Integer> p = new Promise<>();
            AtomicInteger wins = new AtomicInteger();
            AtomicIntegerArray seen = new AtomicIntegerArray(SLOTS);
            Runnable[] completers = new Runnable[4];
            for (int c = 0; c < completers.length; c++) {
                int value = c;
                completers[c] = () -> {
                    boolean won = value % 2 == 0 ? p.trySucceed(value) : p.succeed(value) != FutureCore.NOT_COMPLETED;
                    if (won) {
                        wins.incrementAndGet();
                    }
                };
            }
            race(slot -> p.addDoneCallback(f -> seen.set(slot, seen.get(slot) * 10 + 1 + f.result())), completers);
            assertEquals(1, wins.get());
            int expected = 1 + p.result(); // one call, with the winner's value
            for (int i = 0; i < SLOTS; i++) {
                assertEquals(expected, seen.get(i), "callback " + i);
            }
        });
    }

    /**
     * Rounds until one completes the future while waiters are being taken back (on a busy machine
     * the completer may only run once every adder is done, a round without that race); every
     * round must keep the invariant, and at least one must have raced.
     */
    @Test
    void aWaiterTakenBackDuringCompletionIsTakenBackOrWokenNeverBoth() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int raced = 0;
            for (int round = 0; round < 2_000 && raced < 100; round++) {
                if (takeBackRound()) {
                    raced++;
                }
            }
            assertTrue(raced > 0, "no round completed the future while waiters were taken back");
        });
    }

    /** One round of the test above; whether the completion came while waiters were taken back. */
    private static boolean takeBackRound() throws InterruptedException {
        Promise<String> p = new Promise<>();
        AtomicIntegerArray woken = new AtomicIntegerArray(SLOTS);
        AtomicIntegerArray takenBack = new AtomicIntegerArray(SLOTS);
        AtomicInteger progress = new AtomicInteger();
        race(slot -> {
            Consumer<Object> fn = f -> woken.incrementAndGet(slot);
            DoneCallback waiter = new DoneCallback(p, fn, null);
            if (!p.addWaiter(waiter)) {
                waiter.fire(); // done already: the adder acts on the outcome itself
            } else if (slot % 2 == 0 && p.removeWaiter(waiter)) {
                takenBack.incrementAndGet(slot);
            }
            progress.incrementAndGet();
        }, () -> {
            while (progress.get() < PER_ADDER) { // complete in the middle of the adding
                Thread.onSpinWait();
            }
            p.setResult("done");
        });
        int back = 0;
        for (int i = 0; i < SLOTS; i++) {
            assertEquals(1, woken.get(i) + takenBack.get(i), "waiter " + i);
            back += takenBack.get(i);
        }
        return back > 0 && back < SLOTS / 2;
    }

    /**
     * Runs {@code perSlot} for each of the {@link #SLOTS} slots, from {@link #ADDERS} threads
     * ({@link #PER_ADDER} consecutive slots each), and each of {@code others} on a thread of its
     * own, all released together; returns once all of them ended.
     */
    private static void race(IntConsumer perSlot, Runnable... others) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(ADDERS + others.length);
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < ADDERS; a++) {
            int base = a * PER_ADDER;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < PER_ADDER; i++) {
                    perSlot.accept(base + i);
                }
            }));
        }
        for (Runnable other : others) {
            threads.add(new Thread(() -> {
                await(start);
                other.run();
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
