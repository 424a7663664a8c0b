package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.CoroutineState;
import io.jcoro.it.seeds.Fundamentals;
import io.jcoro.it.seeds.FundamentalsCoroutines;
import io.jcoro.it.seeds.Trace;
import io.jcoro.it.seeds.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 compiled by the processor and run on a virtual-time loop: what runs, in what order,
 * at what (virtual) time. {@link OracleTest} checks the same traces against Python asyncio; the
 * literal expectations here say what the traces mean without needing python3.
 */
class FundamentalsTest {

    @Test
    void simpleCoroutinePausesAtItsAwaitAndReturnsItsValue() {
        try (VirtualRun run = new VirtualRun()) {
            String result = run.run(run.seed().simpleCoroutine());

            assertEquals("Done", result);
            assertEquals(List.of("[0 ms] Coroutine started", "[1000 ms] Coroutine resumed"), run.lines());
            assertEquals(1000, run.elapsedMillis());
        }
    }

    @Test
    void callingAnAsyncMethodCreatesACoroutineAndRunsNothing() {
        try (VirtualRun run = new VirtualRun()) {
            Coroutine<User> coroutine = run.seed().fetchUser(1);

            assertEquals(CoroutineState.CREATED, coroutine.state());
            assertEquals(List.of(), run.lines());
            coroutine.close(); // never to run: closing it says so
            assertEquals(CoroutineState.CLOSED, coroutine.state());
            assertEquals(List.of(), run.lines());
        }
    }

    @Test
    void coroutineGoesThroughTheFourStatesOfTheSeed() {
        assertEquals(List.of(
                        "[0 ms] created [CREATED]",
                        "[0 ms] Coroutine started [RUNNING]",
                        "[500 ms] timer at 500 ms [SUSPENDED]",
                        "[1000 ms] Coroutine resumed [RUNNING]",
                        "[1000 ms] Done [CLOSED]"),
                SeedScenario.COROUTINE_STATES.trace());
    }

    @Test
    void fetchUserReturnsTheUserAfterHalfASecond() {
        try (VirtualRun run = new VirtualRun()) {
            User user = run.run(run.seed().fetchUser(1));

            assertEquals(new User(1, "User 1", "user1@example.com"), user);
            assertEquals(List.of("[0 ms] Fetching user 1"), run.lines());
            assertEquals(500, run.elapsedMillis());
        }
    }

    @Test
    void processUserReturnsWhatFetchUserReturnedMarkedProcessed() {
        try (VirtualRun run = new VirtualRun()) {
            User user = run.run(run.seed().processUser(2));

            User expected = new User(2, "User 2", "user2@example.com");
            expected.markProcessed();
            assertEquals(expected, user);
            assertEquals(List.of("[0 ms] Processing user 2", "[0 ms] Fetching user 2"), run.lines());
            assertEquals(500, run.elapsedMillis());
        }
    }

    @Test
    void mainProcessesTheThreeUsersConcurrentlyAndPrintsThemInOrder() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed().main());

            assertEquals(List.of(
                            "[0 ms] Processing user 1",
                            "[0 ms] Fetching user 1",
                            "[0 ms] Processing user 2",
                            "[0 ms] Fetching user 2",
                            "[0 ms] Processing user 3",
                            "[0 ms] Fetching user 3",
                            "[500 ms] Processed: User 1",
                            "[500 ms] Processed: User 2",
                            "[500 ms] Processed: User 3"),
                    run.lines());
            // three 500 ms fetches overlap: 500 ms in all, not 1500
            assertEquals(500, run.elapsedMillis());
        }
    }

    @Test
    void gatherOfThreeHundredMillisecondSleepsEndsAtOneHundredMilliseconds() {
        try (VirtualRun run = new VirtualRun()) {
            List<Integer> naps = run.run(run.seed().threeNaps());

            assertEquals(List.of(1, 2, 3), naps);
            assertEquals(100, run.elapsedMillis(), "gathered sleeps overlap: 100 ms, not 300 ms");
            List<String> lines = run.lines();
            assertEquals(List.of(
                            "[0 ms] nap 1 start",
                            "[0 ms] nap 2 start",
                            "[0 ms] nap 3 start",
                            "[100 ms] nap 1 end",
                            "[100 ms] nap 2 end",
                            "[100 ms] nap 3 end",
                            "[100 ms] naps done: [1, 2, 3]"),
                    lines);
        }
    }

    @Test
    void gatheredCoroutinesAllStartBeforeAnyEnds() {
        // the same property as above, stated without exact timestamps or tie order
        List<String> lines = SeedScenario.THREE_NAPS.trace();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(" start")) {
                starts.add(i);
            } else if (lines.get(i).endsWith(" end")) {
                ends.add(i);
            }
        }
        assertEquals(3, starts.size(), lines::toString);
        assertEquals(3, ends.size(), lines::toString);
        assertTrue(starts.get(2) < ends.get(0), () -> "a nap ended before all had started: " + lines);
    }

    @Test
    void processUserAwaitsFetchUserInlineWithoutALoopTrip() {
        // "other task ran" was ready before processUser started; it runs only once fetchUser
        // suspends in its sleep, so neither await of a coroutine went through the loop
        assertEquals(List.of(
                        "[0 ms] Processing user 7",
                        "[0 ms] Fetching user 7",
                        "[0 ms] other task ran",
                        "[500 ms] id=7 name=User 7 email=user7@example.com processed=yes"),
                SeedScenario.INLINE_AWAIT.trace());
    }

    @Test
    void gatherSettledCollectsEachFailureInPlace() {
        assertEquals(List.of(
                        "[500 ms] Task 0 succeeded",
                        "[500 ms] Task 2 succeeded",
                        "[500 ms] Task 4 succeeded",
                        "[500 ms] Task 1: Task 1 failed!",
                        "[500 ms] Task 3: Task 3 failed!",
                        "[500 ms] Successes: 3",
                        "[500 ms] Failures: 2"),
                SeedScenario.ROBUST_TASK_RUNNER.trace());
    }

    @Test
    void aFailureComesOutOfRunUntilCompleteUnchanged() {
        try (VirtualRun run = new VirtualRun()) {
            IllegalStateException failure =
                    assertThrows(IllegalStateException.class, () -> run.run(run.seed().unreliableTask(1)));

            assertEquals("Task 1 failed!", failure.getMessage());
            assertNull(failure.getCause());
            assertEquals(500, run.elapsedMillis());
        }
    }

    @Test
    void createFindsTheGeneratedClassAndItsConstructor() {
        List<String> lines = new ArrayList<>();
        Fundamentals seed = Coro.create(Fundamentals.class, (Trace) lines::add);

        assertInstanceOf(FundamentalsCoroutines.class, seed);
        Coro.run(seed.say("hello")); // nothing sleeps: no real time passes
        assertEquals(List.of("hello"), lines);
    }
}
