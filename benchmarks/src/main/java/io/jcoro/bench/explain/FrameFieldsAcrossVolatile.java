package io.jcoro.bench.explain;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the fast-path await of a done promise ({@code Coroutines.FastPathDone}) costs beyond
 * CompletableFuture's {@code join()}, without jcoro: the same loop, {@code sum += value} a million
 * times, with a frame's variables in fields (as a generated frame keeps them, since they must
 * survive a suspension) or in locals, across a volatile or a plain read of the future's state.
 * A volatile read is a barrier to C2, so the fields go through memory on every iteration and the
 * loop runs at the latency of a store forwarded to the next load; locals stay in registers.
 * Each variant is written out in full, so that nothing but its reads and variables differs: a
 * shared helper would put the JIT's inlining decisions between them.
 *
 * <pre>
 * java -jar benchmarks/target/jcoro-benchmarks.jar 'FrameFieldsAcrossVolatile|FastPathDone\.(jcoro|completableFuture)$'
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
@OperationsPerInvocation(FrameFieldsAcrossVolatile.N)
public class FrameFieldsAcrossVolatile {
    static final int N = 1_000_000;

    /** A frame's state and variables, and a done future's state, read each iteration. */
    static final class Frame {
        int label;
        int i;
        int sum;
        volatile Object state = 7;
        Object plainState = 7;
    }

    private final Frame frame = new Frame();

    /** As a generated frame runs the loop: its variables in fields, the state read with acquire. */
    @Benchmark
    public int fieldsAcrossVolatile() {
        Frame f = frame;
        f.i = 0;
        f.sum = 0;
        while (f.i < N) {
            Object r = f.state;
            f.label = 2;
            f.sum += (Integer) r;
            f.i++;
            f.label = 1;
        }
        return f.sum;
    }

    /** As CompletableFuture's loop runs: the same volatile read, the variables in locals. */
    @Benchmark
    public int localsAcrossVolatile() {
        Frame f = frame;
        int i = 0;
        int sum = 0;
        while (i < N) {
            Object r = f.state;
            sum += (Integer) r;
            i++;
        }
        f.label = 1;
        return sum;
    }

    /** The fields again, with a plain read: no barrier, so C2 keeps them in registers. */
    @Benchmark
    public int fieldsAcrossPlain() {
        Frame f = frame;
        f.i = 0;
        f.sum = 0;
        while (f.i < N) {
            Object r = f.plainState;
            f.label = 2;
            f.sum += (Integer) r;
            f.i++;
            f.label = 1;
        }
        return f.sum;
    }
}
