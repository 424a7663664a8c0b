package io.jcoro.bench;

import io.jcoro.EventLoop;
import io.jcoro.Promise;
import io.jcoro.bench.coro.TaskArray;
import io.jcoro.bench.coro.Workloads;
import io.jcoro.bench.coro.WorkloadsCoroutines;
import io.jcoro.bench.floor.FloorLoop;
import io.jcoro.bench.floor.FloorWorkloads;
import io.jcoro.bench.kotlin.KotlinPeers;
import io.jcoro.bench.peers.CompletableFuturePeers;
import io.jcoro.bench.peers.LoopExecutor;
import io.jcoro.bench.peers.VirtualThreadPeers;
import io.jcoro.internal.TimerWheel;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kotlinx.coroutines.CompletableDeferredKt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The coroutine workloads, one nested class per row of docs/benchmarks.md. In each, {@code jcoro}
 * runs the DSL code of {@link Workloads} on an {@link EventLoop}, {@code floor} the hand-written
 * {@link FloorWorkloads}, and the peers their twins; every method reports nanoseconds per
 * operation of the row (a yield, a task, a level, a hop, a child), with {@code -prof gc} giving
 * bytes per operation. Every fork has a fixed 4 GiB heap and one carrier thread for virtual
 * threads (one loop thread, as ours).
 */
public final class Coroutines {
    private Coroutines() {}

    /** The state every workload shares: a loop for jcoro, one for the floor, one for CF. */
    @State(Scope.Thread)
    public static class Loops {
        final Workloads workloads = new WorkloadsCoroutines();
        EventLoop loop;
        final FloorLoop floor = new FloorLoop(1024);
        final LoopExecutor cfLoop = new LoopExecutor();

        @Setup(Level.Trial)
        public void open() {
            loop = new EventLoop();
        }

        @TearDown(Level.Trial)
        public void close() {
            loop.close();
        }
    }

    // ------------------------------------------------------------------------------------------

    /** {@code await(yieldNow())} round trips: 1,000 tasks x 1,000 yields; per yield. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(YieldResume.TASKS * YieldResume.ROUNDS)
    public static class YieldResume {
        static final int TASKS = 1000;
        static final int ROUNDS = 1000;

        @Benchmark
        public void jcoro(Loops s) {
            s.loop.runUntilComplete(s.workloads.yieldResume(TASKS, ROUNDS));
        }

        @Benchmark
        public void floor(Loops s) {
            FloorWorkloads.yieldResume(s.floor, TASKS, ROUNDS);
        }

        @Benchmark
        public void kotlin() {
            KotlinPeers.yieldResume(TASKS, ROUNDS);
        }

        @Benchmark
        public void virtualThreads() {
            VirtualThreadPeers.yieldResume(TASKS, ROUNDS);
        }

        @Benchmark
        public void completableFuture(Loops s) {
            CompletableFuturePeers.yieldResume(s.cfLoop, TASKS, ROUNDS);
        }
    }

    /** createTask + run + complete + result, 10,000 tasks per batch; per task. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(SpawnComplete.N)
    public static class SpawnComplete {
        static final int N = 10_000;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.spawnComplete(N));
        }

        @Benchmark
        public int floor(Loops s) {
            return FloorWorkloads.spawnComplete(s.floor, FloorWorkloads.spawnSlots(N));
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.spawnComplete(N);
        }

        @Benchmark
        public int virtualThreads() {
            return VirtualThreadPeers.spawnComplete(N);
        }

        @Benchmark
        public int completableFuture(Loops s) {
            return CompletableFuturePeers.spawnComplete(s.cfLoop, N);
        }
    }

    /** Await of an awaitable that is already done, 1,000,000 times in one coroutine; per await. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(FastPathDone.N)
    @State(Scope.Thread)
    public static class FastPathDone {
        static final int N = 1_000_000;
        Promise<Integer> promise;
        final CompletableFuture<Integer> future = CompletableFuture.completedFuture(7);
        final kotlinx.coroutines.CompletableDeferred<Integer> deferred =
                CompletableDeferredKt.CompletableDeferred(7);
        final FloorWorkloads.Done floorDone = new FloorWorkloads.Done(7);

        @Setup
        public void setUp() {
            promise = new Promise<>();
            promise.setResult(7);
        }

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.awaitDone(promise, N));
        }

        @Benchmark
        public int floor() {
            return FloorWorkloads.awaitDone(floorDone, N);
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.awaitDone(deferred, N);
        }

        @Benchmark
        public int completableFuture() {
            return CompletableFuturePeers.awaitDone(future, N);
        }
    }

    /** Await of a coroutine that completes without suspending, 1,000,000 times; per await. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(FastPathCoroutine.N)
    public static class FastPathCoroutine {
        static final int N = 1_000_000;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.awaitImmediate(N));
        }

        @Benchmark
        public int floor() {
            return FloorWorkloads.awaitImmediate(N);
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.awaitImmediate(N);
        }

        @Benchmark
        public int completableFuture() {
            return CompletableFuturePeers.awaitImmediate(N);
        }
    }

    /** Nested coroutine calls 100 deep whose innermost yields once, 1,000 chains; per level. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(AwaitChain.DEPTH * AwaitChain.TIMES)
    public static class AwaitChain {
        static final int DEPTH = 100;
        static final int TIMES = 1000;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.chains(DEPTH, TIMES));
        }

        @Benchmark
        public int floor(Loops s) {
            return FloorWorkloads.chains(s.floor, DEPTH, TIMES);
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.chains(DEPTH, TIMES);
        }

        @Benchmark
        public int completableFuture(Loops s) {
            return CompletableFuturePeers.chains(s.cfLoop, DEPTH, TIMES);
        }
    }

    /**
     * A failure thrown after the innermost of 1,000 nested coroutine calls suspended, caught at the
     * top and its trace read; 100 times; per level crossed. Floor: plain recursion that throws (the
     * synchronous chain, its trace filled by the JVM).
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(FailureChain.DEPTH * FailureChain.TIMES)
    public static class FailureChain {
        static final int DEPTH = 1000;
        static final int TIMES = 100;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.failures(DEPTH, TIMES));
        }

        @Benchmark
        public int floor() {
            return FloorWorkloads.failures(DEPTH, TIMES);
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.failures(DEPTH, TIMES);
        }
    }

    /**
     * The same failure through 100,000 levels, once; per level. The same cost per level as
     * {@link FailureChain}'s shows a failure's cost growing linearly with the chain.
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(DeepFailureChain.DEPTH)
    public static class DeepFailureChain {
        static final int DEPTH = 100_000;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.failures(DEPTH, 1));
        }
    }

    /** Two tasks handing a ball to each other through promises, 200,000 hand-offs; per hop. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(2 * PingPong.HOPS)
    public static class PingPong {
        static final int HOPS = 100_000;

        @Benchmark
        public void jcoro(Loops s) {
            s.loop.runUntilComplete(s.workloads.pingPong(HOPS));
        }

        @Benchmark
        public void floor(Loops s) {
            FloorWorkloads.pingPong(s.floor, HOPS);
        }

        @Benchmark
        public void kotlin() {
            KotlinPeers.pingPong(HOPS);
        }

        @Benchmark
        public void virtualThreads() {
            VirtualThreadPeers.pingPong(HOPS);
        }

        @Benchmark
        public void completableFuture(Loops s) {
            CompletableFuturePeers.pingPong(s.cfLoop, HOPS);
        }
    }

    /** gather of 10,000 child coroutines; per child. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(GatherFanOut.N)
    public static class GatherFanOut {
        static final int N = 10_000;

        @Benchmark
        public int jcoro(Loops s) {
            return s.loop.runUntilComplete(s.workloads.fanOut(N));
        }

        @Benchmark
        public int floor(Loops s) {
            return FloorWorkloads.fanOut(s.floor, N);
        }

        @Benchmark
        public int kotlin() {
            return KotlinPeers.fanOut(N);
        }

        @Benchmark
        public int virtualThreads() {
            return VirtualThreadPeers.fanOut(N);
        }

        @Benchmark
        public int completableFuture(Loops s) {
            return CompletableFuturePeers.fanOut(s.cfLoop, N);
        }
    }

    /**
     * The whole cycle: spawn 10,000 children that sleep an hour, cancel every one, wait until all
     * ended; per child. Peers: Kotlin (launch/delay/cancel), virtual threads (sleep/interrupt).
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
    @OperationsPerInvocation(CancelTree.N)
    @State(Scope.Thread)
    public static class CancelTree {
        static final int N = 10_000;
        final TimerWheel floorWheel = new TimerWheel(1_000_000L, 0);

        @Benchmark
        public int jcoro(Loops s) {
            return check(s.loop.runUntilComplete(s.workloads.cancelTree(N)));
        }

        @Benchmark
        public int floor(Loops s) {
            return FloorWorkloads.cancelTree(s.floor, floorWheel, N);
        }

        @Benchmark
        public int kotlin() {
            return check(KotlinPeers.cancelTree(N));
        }

        @Benchmark
        public int virtualThreads() {
            return check(VirtualThreadPeers.cancelTree(N));
        }

        static int check(int cancelled) {
            if (cancelled != N) {
                throw new IllegalStateException("cancelled " + cancelled + " of " + N);
            }
            return cancelled;
        }
    }

    /**
     * Only the cancel phase of {@link CancelTree}: the children are put to sleep, untimed, before
     * each invocation. (Its own loop: a state handed to a {@code Level.Invocation} setup is not
     * the instance the benchmark method gets.)
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(CancelTree.N)
    @State(Scope.Thread)
    public static class CancelOnly {
        final Workloads workloads = new WorkloadsCoroutines();
        EventLoop loop;
        TaskArray<Void> kids;

        @Setup(Level.Trial)
        public void open() {
            loop = new EventLoop();
        }

        @TearDown(Level.Trial)
        public void close() {
            loop.close();
        }

        @Setup(Level.Invocation)
        public void spawn() {
            kids = new TaskArray<>(CancelTree.N);
            loop.runUntilComplete(workloads.spawnSleepers(kids));
        }

        @Benchmark
        public int jcoro() {
            return CancelTree.check(loop.runUntilComplete(workloads.cancelAll(kids)));
        }
    }

    /** 1,000,000 tasks each sleeping 1..1000 ms, on virtual time; per task. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @OperationsPerInvocation(SleepStorm.N)
    @State(Scope.Thread)
    public static class SleepStorm {
        static final int N = 1_000_000;
        final long[] millis = new SplittableRandom(42).longs(N, 1, 1001).toArray();

        @Benchmark
        public void jcoro(Loops s) {
            try (EventLoop virtual = EventLoop.virtualTime()) {
                virtual.runUntilComplete(s.workloads.sleepStorm(millis));
            }
        }

        @Benchmark
        public int floor() {
            return FloorWorkloads.sleepStorm(millis);
        }

        @Benchmark
        public void kotlin() {
            KotlinPeers.sleepStorm(millis);
        }
    }
}
