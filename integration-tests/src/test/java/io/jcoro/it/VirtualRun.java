package io.jcoro.it;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.it.seeds.Fundamentals;
import java.util.List;

/**
 * One run of seed code on a fresh virtual-time loop: sleeps cost no real time, and the clock
 * jumps from timer to timer, so a trace's timestamps are exact.
 *
 * <pre>{@code
 * try (VirtualRun run = new VirtualRun()) {
 *     String result = run.run(run.seed().simpleCoroutine());
 *     assertEquals(List.of("[0 ms] Coroutine started", "[1000 ms] Coroutine resumed"), run.lines());
 * }
 * }</pre>
 */
final class VirtualRun implements AutoCloseable {
    private final EventLoop loop = EventLoop.virtualTime();
    private final Timeline timeline = new Timeline(loop);
    // the generated FundamentalsCoroutines mirrors Fundamentals' protected constructor
    private final Fundamentals seed = Coro.create(Fundamentals.class, timeline);

    EventLoop loop() {
        return loop;
    }

    Timeline timeline() {
        return timeline;
    }

    /** The seed, logging to this run's timeline. */
    Fundamentals seed() {
        return seed;
    }

    /**
     * Another seed type, logging to this run's timeline: {@code Coro.create(type, timeline)}
     * (its generated class mirrors a {@code (Trace)} constructor).
     */
    <S> S seed(Class<S> type) {
        return Coro.create(type, timeline);
    }

    /** {@code loop.run_until_complete(coroutine)}. */
    <T> T run(Coroutine<T> coroutine) {
        return loop.runUntilComplete(coroutine);
    }

    /** What the harness itself prints (the seed's top-level {@code print}s). */
    void log(String line) {
        timeline.line(line);
    }

    List<String> lines() {
        return timeline.lines();
    }

    long elapsedMillis() {
        return timeline.elapsedMillis();
    }

    @Override
    public void close() {
        loop.close();
    }
}
