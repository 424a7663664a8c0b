package io.jcoro.bench.peers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** The virtual-thread twins of the coroutine workloads: blocking code, one thread per task. */
public final class VirtualThreadPeers {
    private VirtualThreadPeers() {}

    public static void yieldResume(int tasks, int rounds) {
        Thread[] all = new Thread[tasks];
        for (int i = 0; i < tasks; i++) {
            all[i] = VThreads.start(() -> {
                for (int r = 0; r < rounds; r++) {
                    Thread.yield();
                }
            });
        }
        VThreads.joinAll(all);
    }

    public static int spawnComplete(int n) {
        Thread[] all = new Thread[n];
        int[] results = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            all[i] = VThreads.start(() -> results[k] = 1);
        }
        VThreads.joinAll(all);
        int sum = 0;
        for (int r : results) {
            sum += r;
        }
        return sum;
    }

    static final class Mailbox {
        volatile CompletableFuture<Object> slot = new CompletableFuture<>();
    }

    private static final Object BALL = new Object();

    private static void player(Mailbox mine, Mailbox other, int hops, boolean serve) {
        if (serve) {
            other.slot.complete(BALL);
        }
        for (int i = 0; i < hops; i++) {
            Object ball = mine.slot.join();
            mine.slot = new CompletableFuture<>();
            other.slot.complete(ball);
        }
    }

    public static void pingPong(int hops) {
        Mailbox a = new Mailbox();
        Mailbox b = new Mailbox();
        VThreads.joinAll(new Thread[] {
            VThreads.start(() -> player(a, b, hops, true)),
            VThreads.start(() -> player(b, a, hops, false))});
    }

    public static int fanOut(int n) {
        return spawnComplete(n);
    }

    /** n threads sleeping an hour, each interrupted, all joined. */
    public static int cancelTree(int n) {
        Thread[] all = new Thread[n];
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch asleep = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            all[i] = VThreads.start(() -> {
                asleep.countDown();
                try {
                    Thread.sleep(3_600_000L);
                } catch (InterruptedException e) {
                    cancelled.incrementAndGet();
                }
            });
        }
        try {
            asleep.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        for (Thread t : all) {
            t.interrupt();
        }
        VThreads.joinAll(all);
        return cancelled.get();
    }
}
