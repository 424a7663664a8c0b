package io.jcoro.bench.queue;

import io.jcoro.EventLoop;
import io.jcoro.bench.kotlin.KotlinPeers;
import io.jcoro.bench.peers.VThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
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

/** Producer/consumer through a queue of capacity 1, 100,000 items; per item. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g",
    "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
@OperationsPerInvocation(QueueHandOff.ITEMS)
@State(Scope.Thread)
public class QueueHandOff {
    static final int ITEMS = 100_000;
    final QueueWorkloads workloads = new QueueWorkloadsCoroutines();
    EventLoop loop;

    @Setup(Level.Trial)
    public void open() {
        loop = new EventLoop();
    }

    @TearDown(Level.Trial)
    public void close() {
        loop.close();
    }

    @Benchmark
    public int jcoro() {
        return loop.runUntilComplete(workloads.handOff(ITEMS));
    }

    @Benchmark
    public int kotlin() {
        return KotlinPeers.queueHandOff(ITEMS);
    }

    @Benchmark
    public void virtualThreads() {
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
        Integer item = 7;
        Thread producer = VThreads.start(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    q.put(item);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread consumer = VThreads.start(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    q.take();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        VThreads.joinAll(new Thread[] {producer, consumer});
    }
}
