package io.jcoro.bench.timers;

import io.jcoro.EventLoop;
import io.jcoro.bench.coro.Workloads;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Timer lateness on the real clock: 10,000 timers at random delays of 1..2,000 ms; for each, how
 * long after its deadline its callback ran (negative: early). jcoro ({@code EventLoop.callLater},
 * 1 ms tick), Netty's {@code HashedWheelTimer} (1 ms tick) and a
 * {@code ScheduledThreadPoolExecutor}. Prints one JSON object per timer kind.
 *
 * <pre>java -cp jcoro-benchmarks.jar io.jcoro.bench.timers.Lateness [timers] [maxDelayMs]</pre>
 */
public final class Lateness {
    private Lateness() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int maxMs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long[] delays = new SplittableRandom(5).longs(n, 1_000_000L, maxMs * 1_000_000L + 1).toArray();
        for (int round = 0; round < 2; round++) { // the first round warms up; the second is printed
            boolean print = round == 1;
            report("jcoro", jcoro(delays), print);
            report("netty", netty(delays), print);
            report("stpe", stpe(delays), print);
        }
    }

    static long[] jcoro(long[] delays) {
        long[] late = new long[delays.length];
        try (EventLoop loop = new EventLoop()) {
            loop.runUntilComplete(new LatenessDriver(loop, delays, late).run());
        }
        return late;
    }

    /** Schedules every timer from inside the loop, then waits for the last one. */
    static final class LatenessDriver {
        final EventLoop loop;
        final long[] delays;
        final long[] late;

        LatenessDriver(EventLoop loop, long[] delays, long[] late) {
            this.loop = loop;
            this.delays = delays;
            this.late = late;
        }

        io.jcoro.Coroutine<Void> run() {
            Workloads.Countdown countdown = new Workloads.Countdown(delays.length);
            for (int i = 0; i < delays.length; i++) {
                int k = i;
                long deadline = loop.time() + delays[i];
                loop.callAt(deadline, () -> {
                    late[k] = loop.time() - deadline;
                    countdown.countDown();
                });
            }
            return WAIT.until(countdown.zero);
        }
    }

    static final LatenessWait WAIT = new LatenessWaitCoroutines();

    static long[] netty(long[] delays) throws InterruptedException {
        long[] late = new long[delays.length];
        HashedWheelTimer timer = new HashedWheelTimer(Timers.DAEMON, 1, TimeUnit.MILLISECONDS, 4096);
        CountDownLatch done = new CountDownLatch(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int k = i;
            long deadline = System.nanoTime() + delays[i];
            timer.newTimeout(t -> {
                late[k] = System.nanoTime() - deadline;
                done.countDown();
            }, delays[i], TimeUnit.NANOSECONDS);
        }
        done.await();
        timer.stop();
        return late;
    }

    static long[] stpe(long[] delays) throws InterruptedException {
        long[] late = new long[delays.length];
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, Timers.DAEMON);
        CountDownLatch done = new CountDownLatch(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int k = i;
            long deadline = System.nanoTime() + delays[i];
            stpe.schedule(() -> {
                late[k] = System.nanoTime() - deadline;
                done.countDown();
            }, delays[i], TimeUnit.NANOSECONDS);
        }
        done.await();
        stpe.shutdownNow();
        return late;
    }

    static void report(String name, long[] late, boolean print) {
        long[] s = late.clone();
        Arrays.sort(s);
        long early = Arrays.stream(s).filter(x -> x < 0).count();
        if (print) {
            System.out.printf(Locale.ROOT,
                    "{\"timer\":\"%s\",\"timers\":%d,\"early\":%d,\"minUs\":%.1f,\"p50Us\":%.1f,"
                            + "\"p99Us\":%.1f,\"maxUs\":%.1f}%n",
                    name, s.length, early, s[0] / 1e3, s[s.length / 2] / 1e3,
                    s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3);
        }
    }
}
