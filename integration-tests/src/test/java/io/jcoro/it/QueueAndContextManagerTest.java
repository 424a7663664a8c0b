package io.jcoro.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's "Using Queues for Communication" and "Async Context Managers", on virtual time: the
 * facts the traces stand for, stated directly ({@link OracleTest} checks the same traces against
 * asyncio). {@link AsyncDatabaseStepsTest} has those written as coroutines themselves.
 */
class QueueAndContextManagerTest {

    // ------------------------------------------------------------ producer / consumer

    @Test
    void queueDemoProducesAndConsumesTheSeedsThreeItemsInOrder() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed().queueDemo());

            assertEquals(List.of(
                            "[0 ms] 📦 Produced: task-1",
                            "[0 ms] Processing Worker-A: task-1",
                            "[100 ms] 📦 Produced: task-2",
                            "[200 ms] Processing Worker-A: task-2",
                            "[200 ms] 📦 Produced: task-3",
                            "[400 ms] Processing Worker-A: task-3"),
                    run.lines());
            // the consumer takes 200 ms an item and then reads the None end signal
            assertEquals(600, run.elapsedMillis());
        }
    }

    @Test
    void boundedQueueMakesTheFastProducerWaitForTheSlowConsumer() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed().queueDemo(SeedScenario.BACKPRESSURE_ITEMS));

            Map<String, Long> produced = stamps(run.lines(), "📦 Produced: ");
            Map<String, Long> processed = stamps(run.lines(), "Processing Worker-A: ");
            // while the queue (maxsize 2) has room, the producer runs at its own pace: 100 ms an item
            assertEquals(0L, produced.get("task-1"));
            assertEquals(100L, produced.get("task-2"));
            assertEquals(200L, produced.get("task-3"));
            assertEquals(300L, produced.get("task-4")); // task-3 and task-4 queued: the queue is full
            // then each put waits for the consumer (200 ms an item) to take one: back-pressure
            assertEquals(processed.get("task-3"), produced.get("task-5"));
            assertEquals(processed.get("task-4"), produced.get("task-6"));
            assertEquals(List.of(0L, 200L, 400L, 600L, 800L, 1000L), new ArrayList<>(processed.values()));
            // every item is processed, in the order produced, and none before it was produced
            for (String item : SeedScenario.BACKPRESSURE_ITEMS) {
                assertTrue(processed.get(item) >= produced.get(item), item);
            }
            assertEquals(1200, run.elapsedMillis());
        }
    }

    private static Map<String, Long> stamps(List<String> lines, String marker) {
        Map<String, Long> stamps = new TreeMap<>();
        for (String line : lines) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                long millis = Long.parseLong(line.substring(1, line.indexOf(" ms]")));
                stamps.put(line.substring(at + marker.length()), millis);
            }
        }
        return stamps;
    }

    // ------------------------------------------------------------ async context manager

    @Test
    void asyncWithLeftByAnExceptionStillDisconnectsAndRethrowsItUnchanged() {
        try (VirtualRun run = new VirtualRun()) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> run.run(run.seed().failingDatabaseOperations()));

            assertEquals("bad row in orders", failure.getMessage());
            assertNull(failure.getCause());
            assertEquals(0, failure.getSuppressed().length, "the exit succeeded: nothing suppressed");
            assertEquals(List.of(
                            "[0 ms] 🔌 Connecting to OrdersDB",
                            "[300 ms] Results for: SELECT * FROM orders",
                            "[300 ms] 🔌 Disconnecting from OrdersDB"),
                    run.lines());
            assertEquals(350, run.elapsedMillis(), "the exception leaves the block after the awaited exit");
        }
    }

    @Test
    void aDatabaseUsedAfterItsBlockIsNotConnected() {
        try (VirtualRun run = new VirtualRun()) {
            IllegalStateException failure =
                    assertThrows(IllegalStateException.class, () -> run.run(run.seed().queryAfterClose()));

            assertEquals("Database not connected", failure.getMessage());
            assertEquals(List.of(
                            "[0 ms] 🔌 Connecting to UserDB",
                            "[100 ms] connected: true",
                            "[100 ms] 🔌 Disconnecting from UserDB",
                            "[150 ms] connected: false"),
                    run.lines());
        }
    }

    @Test
    void asyncWithLeftByCancellationStillDisconnects() {
        try (VirtualRun run = new VirtualRun()) {
            run.run(run.seed().cancelledDatabaseOperations());

            assertEquals(List.of(
                            "[0 ms] 🔌 Connecting to UserDB",
                            "[150 ms] 🔌 Disconnecting from UserDB",
                            "[200 ms] database task cancelled"),
                    run.lines());
        }
    }
}
