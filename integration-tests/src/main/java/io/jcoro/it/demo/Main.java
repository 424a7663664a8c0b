package io.jcoro.it.demo;

import io.jcoro.Coro;
import io.jcoro.it.seeds.Fundamentals;
import io.jcoro.it.seeds.Trace;
import io.jcoro.it.seeds.User;
import java.util.List;

/**
 * The demo: runs each scenario of seed 000 with {@link Coro#run} (a fresh event loop per run, as
 * {@code asyncio.run}) on real time, printing what the seed prints, then shows that gathered
 * sleeps overlap. Run it from the repository root with
 *
 * <pre>
 * mvn -B -q -DskipTests -Pdemo verify
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Coro.create finds the generated FundamentalsCoroutines and its (Trace) constructor
        Fundamentals seed = Coro.create(Fundamentals.class, Trace.to(System.out));
        System.out.println("jcoro demo: seed 000, \"Coroutines Fundamentals\", on real time");

        heading("simple_coroutine(): pauses one second at its await");
        String result = Coro.run(seed.simpleCoroutine());
        System.out.println(result);

        heading("fetch_user(1) and process_user(2)");
        User fetched = Coro.run(seed.fetchUser(1));
        System.out.println(fetched.describe());
        User processed = Coro.run(seed.processUser(2));
        System.out.println(processed.describe());

        heading("main(): process users 1, 2, 3 concurrently");
        long start = System.nanoTime();
        Coro.run(seed.main());
        System.out.println("(took ~" + roundedMillis(System.nanoTime() - start) + " ms: three 500 ms fetches overlap)");

        heading("robust_task_runner(): five tasks, " + Fundamentals.FAILING_TASKS + " fail, gathered settled");
        Coro.run(seed.robustTaskRunner());

        heading("gather of three coroutines that each sleep 100 ms");
        start = System.nanoTime();
        List<Integer> naps = Coro.run(seed.threeNaps());
        long took = roundedMillis(System.nanoTime() - start);
        System.out.println("gather of 3 x sleep(100 ms) took ~" + took + " ms (not 300 ms); results " + naps);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    /** Wall time rounded to 10 ms: what a person reads, not a measurement. */
    private static long roundedMillis(long nanos) {
        return Math.round(nanos / 10_000_000.0) * 10;
    }
}
