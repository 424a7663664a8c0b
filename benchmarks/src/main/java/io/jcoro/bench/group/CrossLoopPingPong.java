package io.jcoro.bench.group;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
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

/**
 * Ping-pong across the two loops of an {@link EventLoopGroup}: two players, one per loop, pass a
 * ball through one-shot promises (each re-armed by its owner on its own loop before it passes the
 * ball on), so every hop completes a promise of the other loop and wakes that loop's thread; ns
 * per hop. {@code sameLoop}: both players on one loop of the same group, the hop without the
 * thread crossing (the {@code Coroutines.PingPong} workload run through the group).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(2 * CrossLoopPingPong.HOPS)
@State(Scope.Benchmark)
public class CrossLoopPingPong {
    static final int HOPS = 10_000;

    private EventLoopGroup group;
    private final Players players = Coro.create(Players.class);

    @Setup(Level.Trial)
    public void start() {
        group = new EventLoopGroup(2);
    }

    @TearDown(Level.Trial)
    public void stop() {
        group.close();
    }

    @Benchmark
    public void crossLoop() {
        Mailbox a = new Mailbox();
        Mailbox b = new Mailbox();
        // strict round robin: the two submissions go to the two loops; each arms its own slot first
        Promise<Void> first = group.submit(() -> players.player(a, b, HOPS, false));
        Promise<Void> second = group.submit(() -> players.player(b, a, HOPS, true));
        first.toCompletableFuture().join();
        second.toCompletableFuture().join();
    }

    @Benchmark
    public void sameLoop() {
        group.submit(() -> players.pingPong(HOPS)).toCompletableFuture().join();
    }

    /** A player's slot: the promise its owner awaits next, read by the other player's thread. */
    static final class Mailbox {
        volatile Promise<Object> slot;
    }

    /** The players: as {@code Workloads.player}, with the slot armed on the owner's loop. */
    interface Players {
        Object BALL = new Object();

        @Async
        default Coroutine<Void> player(Mailbox mine, Mailbox other, int hops, boolean serve) {
            mine.slot = new Promise<>();
            if (serve) {
                while (other.slot == null) {
                    Thread.onSpinWait(); // the other loop arms its first slot (once per invocation)
                }
                other.slot.setResult(BALL);
            }
            int i = 0;
            while (i < hops) {
                Object ball = await(mine.slot);
                mine.slot = new Promise<>();
                if (i < hops - 1 || !serve) {
                    other.slot.setResult(ball);
                }
                i++;
            }
            return done();
        }

        /** Both players on this loop. */
        @Async
        default Coroutine<Void> pingPong(int hops) {
            Mailbox a = new Mailbox();
            Mailbox b = new Mailbox();
            // gather starts its children in order: a's player arms its slot before b's serves
            await(Coro.gather(player(a, b, hops, false), player(b, a, hops, true)));
            return done();
        }
    }
}
