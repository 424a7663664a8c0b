package io.jcoro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The inbox's pending flag: an empty drain touches nothing, and no submission is left behind. */
class InboxTest {
    private final Inbox inbox = new Inbox();
    private final ReadyQueue ready = new ReadyQueue(16);

    private static final class Node extends Schedulable {
        @Override
        protected void run() {}
    }

    @Test
    void aDrainMovesEverySubmissionOnceOldestFirst() {
        Node a = new Node();
        Node b = new Node();
        inbox.add(a);
        inbox.add(b);
        assertEquals(2, inbox.drainTo(ready, 100));
        assertSame(a, ready.poll());
        assertSame(b, ready.poll());
        assertEquals(0, inbox.drainTo(ready, 100));
        assertTrue(inbox.isEmpty());
    }

    @Test
    void aDrainCutShortByItsCapLeavesTheRestForTheNextOne() {
        for (int i = 0; i < 5; i++) {
            inbox.add(new Node());
        }
        assertEquals(3, inbox.drainTo(ready, 3));
        assertFalse(inbox.isEmpty());
        assertEquals(2, inbox.drainTo(ready, 3));
        assertEquals(0, inbox.drainTo(ready, 3));
        assertEquals(5, ready.size());
    }

    @Test
    void parkReturnsAtOnceWhileASubmissionIsPending() {
        assertTrue(inbox.claim(Thread.currentThread()));
        inbox.add(new Node());
        assertFalse(inbox.park(this, 0)); // no timeout: would hang if it parked
        assertEquals(1, inbox.drainTo(ready, 100));
    }

    @Test
    void aSubmissionFromAnotherThreadWakesAParkedOwnerAndIsDrained() throws Exception {
        assertTrue(inbox.claim(Thread.currentThread()));
        CountDownLatch started = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            started.countDown();
            for (int i = 0; i < 10_000; i++) {
                inbox.add(new Node());
            }
        });
        producer.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        int drained = 0;
        while (drained < 10_000) {
            int moved = inbox.drainTo(ready, 64);
            drained += moved;
            if (moved == 0) {
                inbox.park(this, TimeUnit.SECONDS.toNanos(10)); // a lost wake-up would stall here
            }
        }
        producer.join();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "no park ran to its timeout");
        assertEquals(0, inbox.drainTo(ready, 64));
        assertEquals(10_000, ready.size());
    }
}
