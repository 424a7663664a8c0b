package io.jcoro.bench.memory;

import io.jcoro.EventLoop;
import io.jcoro.bench.coro.Workloads;
import io.jcoro.bench.coro.WorkloadsCoroutines;
import io.jcoro.bench.floor.Fiber;
import io.jcoro.bench.floor.FloorLoop;
import io.jcoro.bench.kotlin.KotlinPeers;
import io.jcoro.bench.peers.VThreads;
import io.jcoro.bench.timers.Node;
import io.jcoro.internal.TimerWheel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per suspended coroutine, measured as the issue asks: a fixed heap (the script runs this
 * with {@code -Xms8g -Xmx8g -XX:+UseSerialGC}, so {@code System.gc()} is a full, compacting
 * collection), a full GC before and one while all N coroutines are confirmed suspended, the slope
 * between N = 100,000 and N = 1,000,000, and JOL's per-class breakdown at N = 10,000 (the
 * classes reachable from the loop or the shared awaitable, less those at N = 0).
 *
 * <pre>
 * java -cp jcoro-benchmarks.jar io.jcoro.bench.memory.MemoryFootprint SCENARIO [SMALL LARGE JOL_N]
 *   SCENARIO: jcoro-suspended jcoro-sleeping floor-suspended floor-sleeping
 *             kotlin-suspended kotlin-sleeping vt-suspended vt-sleeping
 * </pre>
 *
 * Prints one JSON object on its last line.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {}

    static int SMALL = 100_000;
    static int LARGE = 1_000_000;
    static int JOL_N = 10_000;

    /** Runs N coroutines of one scenario and returns what the measurement gave while all wait. */
    interface Scenario {
        long run(int n, ToLongFunction<Object> measure) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        if (args.length == 4) { // the smoke run's sizes
            SMALL = Integer.parseInt(args[1]);
            LARGE = Integer.parseInt(args[2]);
            JOL_N = Integer.parseInt(args[3]);
        }
        Scenario s = scenario(name);
        // warm up the code paths (and load every class) once, small
        s.run(1000, root -> 0);

        long[] small = measure(s, SMALL);
        long[] large = measure(s, LARGE);
        // the slope of the heap in use while N wait: what one more coroutine costs (the "before"
        // heaps only give the deltas, reported beside it)
        double slope = (double) (large[1] - small[1]) / (LARGE - SMALL);

        List<String[]> jol = breakdown(s);
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"jdk\":\"%s\",\"small\":%d,\"large\":%d,\"deltaSmall\":%d,"
                        + "\"deltaLarge\":%d,\"bytesPerCoroutine\":%.1f,\"jol\":[",
                name, Runtime.version().feature(), SMALL, LARGE, small[1] - small[0], large[1] - large[0], slope));
        for (int i = 0; i < jol.size(); i++) {
            String[] row = jol.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"class\":\"%s\",\"count\":%s,\"bytes\":%s}", row[0], row[1], row[2]));
        }
        json.append("]}");
        System.out.printf(Locale.ROOT, "%s: %.1f B per coroutine (slope %,d..%,d)%n", name, slope, SMALL, LARGE);
        System.out.println(json);
    }

    /** The heap in use before, and while N coroutines are suspended; both after full GCs. */
    static long[] measure(Scenario s, int n) throws Exception {
        long before = usedAfterFullGc();
        long[] during = new long[1];
        s.run(n, root -> during[0] = usedAfterFullGc());
        usedAfterFullGc(); // let the N go before the next measurement
        return new long[] {before, during[0]};
    }

    public static long usedAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Per class: instances and bytes per coroutine, from JOL at N = 10,000 less N = 0. */
    static List<String[]> breakdown(Scenario s) throws Exception {
        GraphLayout[] empty = new GraphLayout[1];
        GraphLayout[] full = new GraphLayout[1];
        s.run(JOL_N, root -> { // a first walk loads what JOL and the walk itself need
            GraphLayout.parseInstance(root);
            return 0;
        });
        s.run(0, root -> {
            empty[0] = GraphLayout.parseInstance(root);
            return 0;
        });
        s.run(JOL_N, root -> {
            full[0] = GraphLayout.parseInstance(root);
            return 0;
        });
        List<Object[]> rows = new ArrayList<>();
        for (Class<?> c : full[0].getClasses()) {
            long count = full[0].getClassCounts().count(c) - empty[0].getClassCounts().count(c);
            long bytes = full[0].getClassSizes().count(c) - empty[0].getClassSizes().count(c);
            if (bytes * 100 >= JOL_N) { // at least 0.01 B per coroutine
                rows.add(new Object[] {c.getName(), count, bytes});
            }
        }
        rows.sort(Comparator.comparingLong((Object[] r) -> (Long) r[2]).reversed());
        List<String[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new String[] {(String) r[0],
                String.format(Locale.ROOT, "%.3f", (Long) r[1] / (double) JOL_N),
                String.format(Locale.ROOT, "%.2f", (Long) r[2] / (double) JOL_N)});
        }
        return out;
    }

    static Scenario scenario(String name) {
        Workloads w = new WorkloadsCoroutines();
        switch (name) {
            case "jcoro-suspended":
                return (n, measure) -> {
                    try (EventLoop loop = new EventLoop()) {
                        return loop.runUntilComplete(w.holdParked(n, gate -> measure.applyAsLong(
                                new Object[] {EventLoop.current(), gate})));
                    }
                };
            case "jcoro-sleeping":
                return (n, measure) -> {
                    try (EventLoop loop = new EventLoop()) {
                        return loop.runUntilComplete(w.holdAsleep(n, x -> measure.applyAsLong(EventLoop.current())));
                    }
                };
            case "floor-suspended":
                return MemoryFootprint::floorSuspended;
            case "floor-sleeping":
                return MemoryFootprint::floorSleeping;
            case "kotlin-suspended":
                return (n, measure) -> KotlinPeers.parked(n, new int[1], measure);
            case "kotlin-sleeping":
                return (n, measure) -> KotlinPeers.asleep(n, new int[1], measure);
            case "vt-suspended":
                return MemoryFootprint::virtualThreadsParked;
            case "vt-sleeping":
                return MemoryFootprint::virtualThreadsAsleep;
            default:
                throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    // ---------------------------------------------------------------- floor

    /** The floor: a fiber (state + link) in the waiter list of a one-field promise. */
    static final class Waiter extends Fiber {
        int state;
        Waiter next;

        @Override
        protected void step(FloorLoop loop) {
            state = 2;
        }
    }

    static final class FloorPromise {
        Waiter waiters;
    }

    static long floorSuspended(int n, ToLongFunction<Object> measure) {
        FloorLoop loop = new FloorLoop(16);
        FloorPromise gate = new FloorPromise();
        for (int i = 0; i < n; i++) {
            Waiter w = new Waiter();
            w.state = 1;
            w.next = gate.waiters;
            gate.waiters = w;
        }
        long bytes = measure.applyAsLong(new Object[] {loop, gate});
        for (Waiter w = gate.waiters; w != null; w = w.next) {
            loop.push(w);
        }
        loop.run();
        return bytes;
    }

    /** The floor of a sleeper: its own node in the wheel, nothing else. */
    static long floorSleeping(int n, ToLongFunction<Object> measure) {
        TimerWheel wheel = new TimerWheel(1_000_000L, 0);
        for (int i = 0; i < n; i++) {
            wheel.schedule(new Node(), 3_600_000_000_000L);
        }
        return measure.applyAsLong(wheel);
    }

    // ---------------------------------------------------------------- virtual threads

    static long virtualThreadsParked(int n, ToLongFunction<Object> measure) throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicInteger reached = new AtomicInteger();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = VThreads.start(() -> {
                reached.incrementAndGet();
                gate.join();
            });
        }
        awaitWaiting(threads, reached, n);
        long bytes = measure.applyAsLong(new Object[] {gate, threads});
        gate.complete(null);
        VThreads.joinAll(threads);
        return bytes;
    }

    static long virtualThreadsAsleep(int n, ToLongFunction<Object> measure) throws Exception {
        AtomicInteger reached = new AtomicInteger();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = VThreads.start(() -> {
                reached.incrementAndGet();
                try {
                    Thread.sleep(3_600_000L);
                } catch (InterruptedException e) {
                    // released
                }
            });
        }
        awaitWaiting(threads, reached, n);
        long bytes = measure.applyAsLong(threads);
        for (Thread t : threads) {
            t.interrupt();
        }
        VThreads.joinAll(threads);
        return bytes;
    }

    /** Every thread ran to its blocking call and is parked (WAITING or TIMED_WAITING). */
    static void awaitWaiting(Thread[] threads, AtomicInteger reached, int n) throws InterruptedException {
        while (reached.get() < n) {
            Thread.sleep(10);
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(1);
            }
        }
    }
}
