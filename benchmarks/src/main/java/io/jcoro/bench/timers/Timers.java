package io.jcoro.bench.timers;

import io.jcoro.EventLoop;
import io.jcoro.TimerHandle;
import io.jcoro.internal.TimerWheel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.agrona.DeadlineTimerWheel;
import org.apache.kafka.server.util.timer.SystemTimer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The timer rows: jcoro's {@link TimerWheel} against the timer structures of the peers. */
public final class Timers {
    private Timers() {}

    static final long MS = 1_000_000L;
    /** Every timer of schedule+cancel is 1 h ahead, spread over 10 s: none fires during a run,
     *  also in the peers that run on the real clock, so the population stays as set. */
    static final long AHEAD = 3_600_000L * MS;
    static final long SPREAD = 10_000L * MS;
    static final int DELTAS = 4096;

    static final ThreadFactory DAEMON = r -> {
        Thread t = new Thread(r, "timer-peer");
        t.setDaemon(true);
        return t;
    };

    static long[] deltas(long seed) {
        return new SplittableRandom(seed).longs(DELTAS, AHEAD, AHEAD + SPREAD).toArray();
    }

    /**
     * Schedule one timer and cancel it, with {@code pending} other timers in the structure; per
     * schedule+cancel pair. jcoro: the wheel the loop uses, with the node reused (as a task's own
     * node is); {@code jcoroLoop}: the public {@code callLater} + {@code TimerHandle.cancel}.
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @State(Scope.Thread)
    public static class ScheduleCancel {
        @Param({"1000", "100000", "1000000"})
        public int pending;

        final long[] deltas = deltas(7);
        int i;

        TimerWheel wheel;
        final Node probe = new Node();
        EventLoop loop;
        DeadlineTimerWheel agrona;
        HashedWheelTimer netty;
        SystemTimer kafka;
        ScheduledThreadPoolExecutor stpe;
        HeapTimers heap;
        long start;

        @Setup(Level.Trial)
        public void fill(org.openjdk.jmh.infra.BenchmarkParams params) {
            String which = params.getBenchmark();
            SplittableRandom r = new SplittableRandom(11);
            start = System.nanoTime();
            Runnable noop = () -> { };
            for (int k = 0; k < pending; k++) {
                long d = r.nextLong(AHEAD, AHEAD + SPREAD);
                if (which.endsWith(".jcoro")) {
                    if (wheel == null) {
                        wheel = new TimerWheel(MS, 0);
                    }
                    wheel.schedule(new Node(), d);
                } else if (which.endsWith(".jcoroLoop")) {
                    if (loop == null) {
                        loop = new EventLoop();
                    }
                    loop.callLater(Duration.ofNanos(d), noop);
                } else if (which.endsWith(".agrona")) {
                    if (agrona == null) {
                        agrona = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, 0, 1 << 20, 4096);
                    }
                    agrona.scheduleTimer(d);
                } else if (which.endsWith(".netty")) {
                    if (netty == null) {
                        netty = new HashedWheelTimer(DAEMON, 1, TimeUnit.MILLISECONDS, 4096, false, -1);
                    }
                    netty.newTimeout(NOOP_TASK, d, TimeUnit.NANOSECONDS);
                } else if (which.endsWith(".kafka")) {
                    if (kafka == null) {
                        kafka = new SystemTimer("bench");
                    }
                    kafka.add(new KafkaTask(d / MS));
                } else if (which.endsWith(".stpe")) {
                    if (stpe == null) {
                        stpe = new ScheduledThreadPoolExecutor(1, DAEMON);
                        stpe.setRemoveOnCancelPolicy(true);
                    }
                    stpe.schedule(noop, d, TimeUnit.NANOSECONDS);
                } else if (which.endsWith(".heap")) {
                    if (heap == null) {
                        heap = new HeapTimers();
                    }
                    heap.schedule(d);
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            if (netty != null) {
                netty.stop();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (stpe != null) {
                stpe.shutdownNow();
            }
            if (loop != null) {
                loop.close();
            }
        }

        private long next() {
            return deltas[i++ & (DELTAS - 1)];
        }

        @Benchmark
        public void jcoro() {
            wheel.schedule(probe, next());
            wheel.cancel(probe);
        }

        @Benchmark
        public void jcoroLoop() {
            loop.callLater(Duration.ofNanos(next()), NOOP).cancel();
        }

        @Benchmark
        public boolean agrona() {
            return agrona.cancelTimer(agrona.scheduleTimer(next()));
        }

        @Benchmark
        public boolean netty() {
            return netty.newTimeout(NOOP_TASK, next(), TimeUnit.NANOSECONDS).cancel();
        }

        @Benchmark
        public void kafka() {
            KafkaTask t = new KafkaTask(next() / MS);
            kafka.add(t);
            t.cancel();
        }

        @Benchmark
        public boolean stpe() {
            ScheduledFuture<?> f = stpe.schedule(NOOP, next(), TimeUnit.NANOSECONDS);
            return f.cancel(false);
        }

        @Benchmark
        public void heap() {
            heap.cancel(heap.schedule(next()));
        }
    }

    static final Runnable NOOP = () -> { };
    static final TimerTask NOOP_TASK = (Timeout t) -> { };

    static final class KafkaTask extends org.apache.kafka.server.util.timer.TimerTask {
        KafkaTask(long delayMs) {
            super(delayMs);
        }

        @Override
        public void run() {
        }
    }

    /**
     * Schedule 4,096 timers and fire them all, on a fake clock that jumps to the next timer (as
     * {@code EventLoop.virtualTime()}); per timer. {@code near}: deadlines 1..4,096 ms ahead
     * (levels 0-1 of jcoro's wheel, one turn of Agrona's); {@code allLevels}: log-uniform from
     * 1 ms to 2^40 ms (35 years), every level up to 4 (Agrona, whose poll moves one tick per call,
     * cannot cover that). Netty, Kafka and the executor only run on the real clock: not here.
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(Expire.BATCH)
    @State(Scope.Thread)
    public static class Expire {
        static final int BATCH = 4096;
        static final long LATE = Long.MAX_VALUE / 4;

        @Param({"near", "allLevels"})
        public String spread;

        long[] deltas;
        TimerWheel wheel = new TimerWheel(MS, 0);
        final Node[] nodes = new Node[BATCH];
        long now;
        final HeapTimers heap = new HeapTimers();
        long heapNow;
        int fired;
        final TimerWheel.Expiry expiry = n -> fired++;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(3);
            deltas = new long[BATCH];
            for (int k = 0; k < BATCH; k++) {
                deltas[k] = spread.equals("near")
                        ? r.nextLong(1, 4097) * MS
                        : (long) Math.pow(2, r.nextDouble(0, 40)) * MS;
                nodes[k] = new Node();
            }
        }

        @Benchmark
        public int jcoro() {
            if (now > LATE) { // keep base + 2^40 ms far from overflow: start a new wheel at 0
                wheel = new TimerWheel(MS, 0);
                now = 0;
            }
            long base = now;
            for (int k = 0; k < BATCH; k++) {
                wheel.schedule(nodes[k], base + deltas[k]);
            }
            fired = 0;
            while (wheel.size() > 0) {
                now = wheel.nextPollTime();
                wheel.poll(now, expiry);
            }
            return check(fired);
        }

        @Benchmark
        public int heap() {
            if (heapNow > LATE) {
                heapNow = 0;
            }
            long base = heapNow;
            for (int k = 0; k < BATCH; k++) {
                heap.schedule(base + deltas[k]);
            }
            int n = 0;
            while (heap.size() > 0) {
                heapNow = heap.next();
                n += heap.poll(heapNow);
            }
            return check(n);
        }

        static int check(int n) {
            if (n != BATCH) {
                throw new IllegalStateException("fired " + n + " of " + BATCH);
            }
            return n;
        }
    }

    /**
     * {@link Expire} with {@code spread = near} for Agrona's {@code DeadlineTimerWheel} (tick
     * 2^20 ns, 4,096 spokes: one turn covers the batch). Its poll moves one tick per call, so
     * deadlines over all levels (years away) are out of its reach: that row is "n/a".
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(Expire.BATCH)
    @State(Scope.Thread)
    public static class ExpireNearAgrona {
        final long[] deltas = new long[Expire.BATCH];
        final DeadlineTimerWheel agrona = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, 0, 1 << 20, 4096);
        long now;
        int fired;
        final DeadlineTimerWheel.TimerHandler handler = (unit, t, id) -> {
            fired++;
            return true;
        };

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(3);
            for (int k = 0; k < Expire.BATCH; k++) {
                deltas[k] = r.nextLong(1, 4097) * MS; // the same draws as Expire's near
            }
        }

        @Benchmark
        public int agrona() {
            long base = now;
            long last = base;
            for (int k = 0; k < Expire.BATCH; k++) {
                long deadline = base + deltas[k];
                agrona.scheduleTimer(deadline);
                last = Math.max(last, deadline);
            }
            fired = 0;
            now = last;
            while (agrona.timerCount() > 0) {
                agrona.poll(now, handler, Integer.MAX_VALUE);
            }
            return Expire.check(fired);
        }
    }
}
