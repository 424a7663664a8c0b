package io.jcoro.bench.io.process;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import io.jcoro.process.Subprocess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Subprocess round trips on one event loop, the twin of {@code scripts/bench_subprocess.py}
 * (asyncio and uvloop): {@code spawn}, start {@code true} and await its exit, one after the other;
 * {@code cat}, one {@code cat} child, write a line, drain, read the line back, one after the other.
 * Each case runs a fifth of its count untimed first. Prints one JSON line per case: the mean
 * microseconds per operation.
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.process.SubprocessBench [SPAWNS [LINES]]    (default 500, 20000)
 * </pre>
 */
public final class SubprocessBench {
    private SubprocessBench() {}

    public static void main(String[] args) throws IOException {
        int spawns = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Coro.run(Coro.create(Cases.class).all(spawns, lines));
    }

    /** The cases, each timed after its warm-up. */
    interface Cases {
        byte[] LINE = "the quick brown fox jumps over the lazy dog\n".getBytes(StandardCharsets.US_ASCII);

        @Async
        default Coroutine<Void> all(int spawns, int lines) throws IOException {
            await(spawn(spawns / 5));
            long start = System.nanoTime();
            await(spawn(spawns));
            SubprocessBench.report("spawn", spawns, System.nanoTime() - start);
            await(cat(lines / 5));
            start = System.nanoTime();
            await(cat(lines));
            SubprocessBench.report("cat", lines, System.nanoTime() - start);
            return done();
        }

        /** {@code n} times: start {@code true}, await its exit. */
        @Async
        default Coroutine<Void> spawn(int n) throws IOException {
            for (int i = 0; i < n; i++) {
                Subprocess p = await(Subprocess.exec("true"));
                int exit = await(p.waitFor());
                if (exit != 0) {
                    throw new IOException("true exited with " + exit);
                }
            }
            return done();
        }

        /** One {@code cat}: {@code n} lines out and back, one at a time. */
        @Async
        default Coroutine<Void> cat(int n) throws IOException {
            Subprocess p = await(Subprocess.exec("cat"));
            for (int i = 0; i < n; i++) {
                p.stdin().write(LINE);
                await(p.stdin().drain());
                byte[] back = await(p.stdout().readUntil(new byte[] {'\n'}));
                if (!Arrays.equals(back, LINE)) {
                    throw new IOException("cat sent back " + new String(back, StandardCharsets.US_ASCII));
                }
            }
            p.stdin().writeEof();
            await(p.waitFor());
            return done();
        }
    }

    static void report(String name, int n, long nanos) {
        System.out.printf(Locale.ROOT, "{\"impl\":\"jcoro\",\"case\":\"%s\",\"n\":%d,\"microsPerOp\":%.2f}%n",
                name, n, nanos / 1e3 / n);
    }
}
