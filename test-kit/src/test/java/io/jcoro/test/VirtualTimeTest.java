package io.jcoro.test;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;
import static io.jcoro.test.TestTime.advanceTimeBy;
import static io.jcoro.test.TestTime.advanceUntilIdle;
import static io.jcoro.test.TestTime.currentTime;
import static io.jcoro.test.TestTime.runCurrent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** The kit's virtual clock, used as a user uses it: this class is itself an {@code @JcoroTest}. */
@JcoroTest
class VirtualTimeTest {
    final List<String> log = new ArrayList<>();
    boolean prepared;

    @BeforeEach
    void prepare() {
        prepared = true;
    }

    @Async
    Coroutine<Void> logAfter(Duration delay, String what) {
        await(sleep(delay));
        log.add(what + " at " + currentTime().toMillis() + " ms");
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> anHourOfSleepsTakesLessThanASecond() {
        long start = System.nanoTime();
        for (int i = 0; i < 3600; i++) {
            await(sleep(Duration.ofSeconds(1)));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Duration.ofHours(1), currentTime());
        assertTrue(wall.compareTo(Duration.ofSeconds(1)) < 0, () -> "an hour of sleeps took " + wall);
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> runsOnTheInstanceBeforeEachPrepared() {
        assertTrue(prepared);
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> advanceTimeByWakesWhatIsDueBeforeTheTargetInOrder() {
        createTask(logAfter(Duration.ofSeconds(3), "c"));
        createTask(logAfter(Duration.ofSeconds(1), "a"));
        createTask(logAfter(Duration.ofSeconds(2), "b"));
        await(advanceTimeBy(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(2), currentTime());
        assertEquals(List.of("a at 1000 ms"), log, "what is due at 2 s exactly waits for runCurrent");
        await(runCurrent());
        assertEquals(Duration.ofSeconds(2), currentTime());
        assertEquals(List.of("a at 1000 ms", "b at 2000 ms"), log);
        await(advanceUntilIdle());
        assertEquals(Duration.ofSeconds(3), currentTime());
        assertEquals(List.of("a at 1000 ms", "b at 2000 ms", "c at 3000 ms"), log);
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> advanceTimeByWithNothingDueStillMovesTheClock() {
        await(advanceTimeBy(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), currentTime());
        await(advanceTimeBy(Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), currentTime());
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> runCurrentRunsReadyTasksWithoutMovingTheClock() {
        Promise<String> answer = new Promise<>();
        createTask(logAfter(Duration.ZERO, "now"));
        createTask(logAfter(Duration.ofMillis(1), "later"));
        answer.setResult("x");
        await(runCurrent());
        assertEquals(Duration.ZERO, currentTime());
        assertEquals(List.of("now at 0 ms"), log);
        await(advanceUntilIdle());
        assertEquals(List.of("now at 0 ms", "later at 1 ms"), log);
        return done();
    }

    @AsyncTest(realTime = true)
    @Async
    Coroutine<Void> realTimeSleepsTakeRealTime() {
        long start = System.nanoTime();
        await(sleep(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(30).toNanos());
        assertTrue(currentTime().compareTo(Duration.ofMillis(30)) >= 0, () -> "currentTime " + currentTime());
        return done();
    }
}
