package io.jcoro.it.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.ContextVar;
import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link EventLoopGroup}: where submitted work runs, how results, failures and cancellation cross
 * loops, and what {@code close()} leaves behind (nothing). Every wait is bounded.
 */
class EventLoopGroupTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private final Groups programs = Coro.create(Groups.class);

    @Test
    void submissionsGoRoundRobinEachRunningOnItsLoopsThread() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(3)) {
                assertEquals(3, new HashSet<>(group.loops()).size());
                List<Promise<String>> where = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    where.add(group.submit(() -> programs.whereAmI(5)));
                }
                List<String> slots = new ArrayList<>();
                for (Promise<String> p : where) {
                    String thread = p.toCompletableFuture().get(10, TimeUnit.SECONDS);
                    slots.add(thread.substring(thread.lastIndexOf('-') + 1));
                }
                assertEquals(List.of("0", "1", "2", "0", "1", "2"), slots);
            }
        });
    }

    @Test
    void aLoopAwaitsResultsFromTheWholeGroup() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(4)) {
                int n = 1000;
                int expected = 0;
                for (int k = 0; k < n; k++) {
                    expected += k * k;
                }
                assertEquals(expected, Coro.run(programs.fanOut(group, n)));
            }
        });
    }

    @Test
    void aFailureReachesTheAwaiterUnchanged() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(2)) {
                Promise<String> failing = group.submit(() -> programs.failLater("bad input"));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Coro.run(programs.awaitIt(failing)));
                assertEquals("bad input", e.getMessage());
                ExecutionException viaFuture = assertThrows(ExecutionException.class,
                        () -> failing.toCompletableFuture().get(10, TimeUnit.SECONDS));
                assertEquals(e, viaFuture.getCause());
            }
        });
    }

    @Test
    void aTimedOutAwaitCancelsTheSubmittedTaskOnItsLoop() {
        assertTimeoutPreemptively(BOUND, () -> {
            Queue<String> trace = new ConcurrentLinkedQueue<>();
            try (EventLoopGroup group = new EventLoopGroup(2)) {
                Promise<String> sleeper = group.submit(() -> programs.sleepAnHour(trace));
                assertThrows(AsyncTimeoutException.class,
                        () -> Coro.run(programs.awaitWithin(sleeper, 50)));
                assertTrue(sleeper.isCancelled());
                awaitCondition(() -> trace.size() == 2);
                String thread = threadOf(group.loops().get(0));
                assertEquals(List.of("started on " + thread, "finally ran on " + thread), List.copyOf(trace));
            }
        });
    }

    @Test
    void closeCancelsWhatIsLeftLetsFinallyBlocksAwaitAndJoinsTheThreads() {
        assertTimeoutPreemptively(BOUND, () -> {
            Queue<String> trace = new ConcurrentLinkedQueue<>();
            EventLoopGroup group = new EventLoopGroup(2);
            List<Promise<String>> sleepers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sleepers.add(group.submit(() -> programs.sleepAnHour(trace)));
            }
            awaitCondition(() -> trace.size() == 100);
            Set<String> threads = group.loops().stream().map(EventLoopGroupTest::threadOf).collect(Collectors.toSet());
            group.close();
            assertTrue(sleepers.stream().allMatch(Promise::isCancelled));
            assertEquals(100, trace.stream().filter(s -> s.startsWith("finally ran on ")).count());
            assertTrue(group.loops().stream().allMatch(EventLoop::isClosed));
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> threads.contains(t.getName())),
                    "a loop thread outlived close()");
            group.close(); // closing twice does nothing
        });
    }

    @Test
    void closeLosesNoResultOfSubmissionsStillInFlight() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (int round = 0; round < 20; round++) {
                EventLoopGroup group = new EventLoopGroup(2);
                List<Promise<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    int k = i;
                    results.add(group.submit(() -> programs.square(k)));
                }
                group.close();
                for (int i = 0; i < results.size(); i++) {
                    Promise<Integer> p = results.get(i);
                    assertTrue(p.isDone(), "submission " + i + " left pending by close()");
                    if (!p.isCancelled()) {
                        assertEquals(i * i, p.result());
                    }
                }
            }
        });
    }

    @Test
    void theSubmittedTaskStartsWithTheSubmittersContext() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(2)) {
                ContextVar<String> var = new ContextVar<>("request");
                assertEquals("submitted task saw: set by the submitter / submitter still sees: set by the submitter",
                        Coro.run(programs.contextProbe(group, var)));
            }
        });
    }

    @Test
    void twoLoopsPlayPingPongWithoutALostWakeUp() {
        assertTimeoutPreemptively(BOUND, () -> {
            int hops = 20_000;
            List<Promise<Integer>> a = promises(hops);
            List<Promise<Integer>> b = promises(hops);
            try (EventLoopGroup group = new EventLoopGroup(2)) {
                Promise<Integer> left = group.submit(() -> programs.pingPong(a, b, 0));
                Promise<Integer> right = group.submit(() -> programs.pingPong(b, a, 1));
                assertEquals(hops, left.toCompletableFuture().get(15, TimeUnit.SECONDS));
                assertEquals(hops, right.toCompletableFuture().get(15, TimeUnit.SECONDS));
            }
        });
    }

    @Test
    void misuseFailsWithAClearMessage() {
        assertTimeoutPreemptively(BOUND, () -> {
            assertEquals("an event loop group needs at least one loop: 0",
                    assertThrows(IllegalArgumentException.class, () -> new EventLoopGroup(0)).getMessage());
            EventLoopGroup group = new EventLoopGroup(1);
            Promise<Object> selfClose = group.submit(() -> {
                group.close();
                return null;
            });
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> selfClose.toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("an event loop group cannot be closed from one of its own loops", e.getCause().getMessage());
            Promise<Object> nothing = group.submit(() -> null);
            e = assertThrows(ExecutionException.class, () -> nothing.toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals("submit: the supplier returned null", e.getCause().getMessage());
            group.close();
            assertEquals("event loop group is closed",
                    assertThrows(IllegalStateException.class, () -> group.submit(() -> programs.square(2))).getMessage());
            assertFalse(group.loops().get(0).isRunning());
        });
    }

    private static List<Promise<Integer>> promises(int n) {
        List<Promise<Integer>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Promise<>());
        }
        return list;
    }

    /** The name of the thread running {@code loop}, read on that loop. */
    private static String threadOf(EventLoop loop) {
        Promise<String> name = new Promise<>();
        loop.callSoonThreadsafe(() -> name.setResult(Thread.currentThread().getName()));
        try {
            return name.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
