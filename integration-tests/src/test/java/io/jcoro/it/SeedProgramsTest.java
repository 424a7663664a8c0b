package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.CoroutineState;
import io.jcoro.it.seeds.CoroutineObjects;
import io.jcoro.it.seeds.CoroutinesExplained;
import io.jcoro.it.seeds.PracticalExamples;
import io.jcoro.it.seeds.ResourceManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeds 001, 002 and 003 on virtual time: the facts their traces stand for, stated directly.
 * {@link OracleTest} checks the same traces against asyncio.
 */
class SeedProgramsTest {

    // ------------------------------------------------------------ seed 001

    @Test
    void myCoroutinePausesOneSecondAndReturnsTaskComplete() {
        try (VirtualRun run = new VirtualRun()) {
            String result = run.run(run.seed(CoroutinesExplained.class).myCoroutine());

            assertEquals("Task complete", result);
            assertEquals(List.of("[0 ms] Starting work...", "[1000 ms] Finished after 1 second!"), run.lines());
            assertEquals(1000, run.elapsedMillis());
        }
    }

    @Test
    void aCoroutineThatIsNotAwaitedRunsNothingEvenWhileTheLoopRuns() {
        assertEquals(List.of(
                        "[0 ms] my_coroutine() returned a coroutine [CREATED]",
                        "[500 ms] after the loop ran 500 ms: [CREATED]",
                        "[500 ms] closed: [CLOSED]"),
                SeedScenario.FORGOTTEN_AWAIT.trace());
    }

    // ------------------------------------------------------------ seed 002

    @Test
    void sayAfterSequentialTakesThreeSeconds() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed(PracticalExamples.class).mainSequential());

            assertEquals(List.of(
                            "[0 ms] started at 00:00:00",
                            "[1000 ms] hello",
                            "[3000 ms] world",
                            "[3000 ms] finished at 00:00:03"),
                    run.lines());
            assertEquals(3000, run.elapsedMillis(), "1 s, then 2 s: the second starts when the first ends");
        }
    }

    @Test
    void sayAfterConcurrentTakesTwoSeconds() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed(PracticalExamples.class).mainConcurrent());

            assertEquals(List.of(
                            "[0 ms] started at 00:00:00",
                            "[1000 ms] hello",
                            "[2000 ms] world",
                            "[2000 ms] finished at 00:00:02"),
                    run.lines());
            assertEquals(2000, run.elapsedMillis(), "both tasks wait at once: max(1 s, 2 s)");
        }
    }

    @Test
    void concurrentFetchesTakeTheSlowestLatencyAndKeepTheUrlOrder() {
        try (VirtualRun run = new VirtualRun()) {
            List<String> responses = run.run(run.seed(PracticalExamples.class).mainFetch());

            assertEquals(List.of("data of data1", "data of data2", "data of data3"), responses,
                    "gather returns in argument order, though data1 answers last");
            assertEquals(300, run.elapsedMillis(), "max(300, 100, 200) ms, not their sum");
            List<String> lines = run.lines();
            assertEquals("[0 ms] session opened", lines.get(0));
            assertEquals("[300 ms] session closed", lines.get(lines.size() - 1));
            // each response is released (its async with left) as soon as its own fetch ends
            assertTrue(lines.indexOf("[100 ms] released https://api.example.com/data2")
                    < lines.indexOf("[200 ms] released https://api.example.com/data3"), lines::toString);
            assertTrue(lines.indexOf("[300 ms] released https://api.example.com/data1")
                    < lines.indexOf("[300 ms] data of data1"), lines::toString);
        }
    }

    @Test
    void fiveResourcesAreHeldAtOnceAndAllReleasedAfterFourSeconds() {
        try (VirtualRun run = new VirtualRun()) {
            ResourceManager manager = run.run(run.seed(PracticalExamples.class).mainResources());

            assertEquals(4000, run.elapsedMillis(), "acquire 1 s + use 2 s + release 1 s, all five at once");
            assertEquals(5, manager.peak(), "the five use_resource coroutines overlap");
            assertTrue(manager.resources().isEmpty(), "every resource is released");
            List<String> lines = run.lines();
            assertEquals(20, lines.size());
            assertTrue(lines.subList(0, 10).stream().allMatch(l -> l.startsWith("[1000 ms] ")), lines::toString);
            // the seed prints "Released resource i" twice: in release() and after it in use_resource()
            assertTrue(lines.subList(10, 20).stream().allMatch(l -> l.startsWith("[4000 ms] Released resource ")),
                    lines::toString);
        }
    }

    // ------------------------------------------------------------ seed 003

    @Test
    void sequentialAwaitsAddUpAndGatheredOnesOverlap() {
        try (VirtualRun run = new VirtualRun()) {
            assertEquals("hello", run.run(run.seed(CoroutineObjects.class).helloSequential()));
            assertEquals(300, run.elapsedMillis());
        }
        try (VirtualRun run = new VirtualRun()) {
            assertEquals(List.of("hello", "hello", "hello"), run.run(run.seed(CoroutineObjects.class).mainGather()));
            assertEquals(100, run.elapsedMillis());
        }
    }

    @Test
    void aCoroutineFunctionCallIsACoroutineObjectThatIsAwaitable() {
        try (VirtualRun run = new VirtualRun()) {
            Coroutine<String> coroutine = run.seed(CoroutineObjects.class).hello();
            assertTrue(coroutine instanceof Awaitable<?>, "isawaitable(hello()) is True");
            assertEquals(CoroutineState.CREATED, coroutine.state());
            assertEquals("hello", run.run(coroutine));
            assertEquals(CoroutineState.CLOSED, coroutine.state());
        }
    }

    @Test
    void aCoroutineObjectCanBeAwaitedOnlyOnce() {
        try (VirtualRun run = new VirtualRun()) {
            Coroutine<String> coroutine = run.seed(CoroutineObjects.class).hello();
            assertEquals("hello", run.run(coroutine));

            IllegalStateException reuse = assertThrows(IllegalStateException.class, () -> run.run(coroutine));
            assertEquals("cannot reuse already awaited coroutine", reuse.getMessage());
        }
    }
}
