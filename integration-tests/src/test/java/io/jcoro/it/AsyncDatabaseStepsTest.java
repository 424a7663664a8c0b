package io.jcoro.it;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.test.TestTime.currentTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.annotations.Async;
import io.jcoro.it.seeds.AsyncDatabase;
import io.jcoro.it.seeds.Fundamentals;
import io.jcoro.test.AsyncTest;
import io.jcoro.test.JcoroTest;
import java.time.Duration;
import java.util.List;

/**
 * Seed 000's "Async Context Managers" step by step, each test a coroutine on the test kit's
 * virtual clock: the steps are awaited in turn, with assertions between them, where a plain test
 * would run the loop once per step.
 */
@JcoroTest
class AsyncDatabaseStepsTest {

    @AsyncTest
    @Async
    Coroutine<Void> enterAndExitAreTheSeedsAenterAndAexit() {
        Timeline timeline = new Timeline(EventLoop.current());
        AsyncDatabase db = AsyncDatabase.open(timeline, "UserDB");
        assertFalse(db.connected());
        Coroutine<AsyncDatabase> enter = db.enter();
        assertEquals(List.of(), timeline.lines(), "calling enter() runs nothing");
        assertEquals(db, await(enter));
        assertTrue(db.connected());
        await(Coro.create(Fundamentals.class, timeline).say("inside"));
        await(db.exit());
        assertFalse(db.connected());
        assertEquals(List.of(
                        "[0 ms] 🔌 Connecting to UserDB",
                        "[100 ms] inside",
                        "[100 ms] 🔌 Disconnecting from UserDB"),
                timeline.lines());
        return done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> asyncWithConnectsRunsTheQueryAndDisconnectsBeforeReturning() {
        Timeline timeline = new Timeline(EventLoop.current());
        String result = await(Coro.create(Fundamentals.class, timeline).databaseOperations());
        assertEquals("Results for: SELECT * FROM users", result);
        // connect 100 ms, query 200 ms, disconnect 50 ms: the value is returned after the exit
        assertEquals(List.of("[0 ms] 🔌 Connecting to UserDB", "[300 ms] 🔌 Disconnecting from UserDB"),
                timeline.lines());
        assertEquals(Duration.ofMillis(350), currentTime());
        return done();
    }
}
