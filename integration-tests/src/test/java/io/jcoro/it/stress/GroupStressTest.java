package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.it.group.Groups;
import io.jcoro.net.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link EventLoopGroup} under load: submissions from many threads with cancellations, loops
 * awaiting each other, a million cross-loop wake-ups, and closing a group while a thousand
 * connections are busy. A lost wake-up hangs, so every case is bounded in time.
 */
@Tag("stress")
class GroupStressTest {
    private final GroupLoad programs = Coro.create(GroupLoad.class);

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void submissionsFromFourThreadsWithCancellationsAllEnd() throws Exception {
        int perThread = 50_000;
        try (EventLoopGroup group = new EventLoopGroup(4)) {
            List<Thread> submitters = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int s = 0; s < 4; s++) {
                Thread t = new Thread(() -> {
                    try {
                        List<Promise<Long>> squares = new ArrayList<>(perThread);
                        List<Promise<Long>> naps = new ArrayList<>(perThread / 10);
                        List<Boolean> cancelTaken = new ArrayList<>(perThread / 10);
                        for (int i = 0; i < perThread; i++) {
                            long k = i;
                            squares.add(group.submit(() -> programs.square(k)));
                            if (i % 10 == 0) {
                                long ms = napLength(naps.size());
                                Promise<Long> nap = group.submit(() -> programs.nap(ms));
                                naps.add(nap);
                                // a short nap may finish on its loop before the cancel comes
                                cancelTaken.add(i % 20 == 0 && nap.cancel());
                            }
                        }
                        for (int i = 0; i < perThread; i++) {
                            assertEquals((long) i * i, squares.get(i).toCompletableFuture().get(60, TimeUnit.SECONDS));
                        }
                        int cancelled = 0;
                        for (int j = 0; j < naps.size(); j++) {
                            Promise<Long> nap = naps.get(j);
                            if (cancelTaken.get(j)) {
                                assertThrows(CancellationException.class,
                                        () -> nap.toCompletableFuture().get(60, TimeUnit.SECONDS));
                                cancelled++;
                            } else {
                                assertEquals(-napLength(j), nap.toCompletableFuture().get(60, TimeUnit.SECONDS),
                                        "nap " + j + " was not cancelled and returns its length");
                            }
                        }
                        // four in five cancelled naps sleep 10 ms or more: nearly all their cancels are taken
                        assertTrue(cancelled >= naps.size() / 4, "cancels taken: " + cancelled + " of " + naps.size() / 2);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "submitter-" + s);
                submitters.add(t);
                t.start();
            }
            for (Thread t : submitters) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        }
    }

    /** The j-th nap of a submitter (one per ten squares): 0, 10, 20, 30 or 40 ms. */
    private static long napLength(int j) {
        return j * 10L % 50;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void loopsOfTheGroupAwaitEachOther() throws Exception {
        int n = 2_000;
        long expected = 0;
        for (long k = 0; k < n; k++) {
            expected += k * k;
        }
        try (EventLoopGroup group = new EventLoopGroup(4)) {
            List<Promise<Long>> fans = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                fans.add(group.submit(() -> programs.fanOut(group, n)));
            }
            for (Promise<Long> fan : fans) {
                assertEquals(expected, fan.toCompletableFuture().get(100, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionCrossLoopWakeUps() throws Exception {
        int hops = 500_000; // each side wakes the other this many times
        List<Promise<Integer>> a = new ArrayList<>(hops);
        List<Promise<Integer>> b = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            a.add(new Promise<>());
            b.add(new Promise<>());
        }
        Groups pingPong = Coro.create(Groups.class);
        try (EventLoopGroup group = new EventLoopGroup(2)) {
            Promise<Integer> left = group.submit(() -> pingPong.pingPong(a, b, 0));
            Promise<Integer> right = group.submit(() -> pingPong.pingPong(b, a, 1));
            assertEquals(hops, left.toCompletableFuture().get(100, TimeUnit.SECONDS));
            assertEquals(hops, right.toCompletableFuture().get(100, TimeUnit.SECONDS));
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closingAGroupUnderLoadEndsEveryConnection() throws Exception {
        EventLoopGroup group = new EventLoopGroup(4);
        EventLoop clients = new EventLoop();
        try {
            Server server = group.submit(() -> programs.startEcho(group)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
                group.close();
            }, "closer");
            closer.start();
            long exchanged = clients.runUntilComplete(programs.clientsUntilTheEnd(server.port(), 1_000));
            closer.join();
            assertTrue(exchanged > 1_000, "lines exchanged before the close: " + exchanged);
            System.out.printf("group close under load: 1,000 connections ended, %,d lines exchanged%n", exchanged);
        } finally {
            group.close();
            clients.close();
        }
    }
}
