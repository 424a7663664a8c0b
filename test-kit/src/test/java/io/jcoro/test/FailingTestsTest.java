package io.jcoro.test;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;
import static io.jcoro.test.TestTime.advanceTimeBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * How an {@code @AsyncTest} fails: each case below is a test class meant to fail (nested, so that
 * the build does not run it by itself), run through JUnit's launcher as a build tool runs it.
 */
class FailingTestsTest {
    private static Outcomes outcomes;

    @BeforeAll
    static void runCases() {
        outcomes = Outcomes.of(Cases.class);
    }

    @JcoroTest
    @ExtendWith(RunByOutcomes.class)
    static class Cases {
        static final RuntimeException BOOM = new IllegalStateException("boom");

        @Async
        Coroutine<Void> sleepForADay() {
            await(sleep(Duration.ofDays(1))); // line: sleepForADay
            return done();
        }

        @Async
        Coroutine<Void> failSoon() {
            await(sleep(1));
            throw BOOM;
        }

        @AsyncTest
        @Async
        Coroutine<Void> passes() {
            await(sleep(Duration.ofDays(2)));
            return done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> failsItself() {
            await(sleep(5));
            throw new AssertionFailedError("its own failure");
        }

        @AsyncTest
        @Async
        Coroutine<Void> leaksATask() {
            createTask(sleepForADay(), "sleeper");
            await(sleep(10));
            return done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> leavesAFailureUnretrieved() {
            createTask(failSoon(), "failing");
            await(sleep(100));
            return done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> failsBesideAnUnretrievedFailure() {
            createTask(failSoon(), "failing");
            await(sleep(100));
            throw new AssertionFailedError("its own failure");
        }

        @AsyncTest(realTimeoutMillis = 300)
        @Async
        Coroutine<Void> hangsInRealTime() {
            await(new Promise<Void>()); // line: hangsInRealTime
            return done();
        }

        @AsyncTest(virtualTimeoutMillis = 60_000)
        @Async
        Coroutine<Void> sleepsPastItsVirtualTimeout() {
            for (int i = 0; i < 1_000_000; i++) {
                await(sleep(Duration.ofSeconds(1))); // line: sleepsPastItsVirtualTimeout
            }
            return done();
        }

        @AsyncTest(realTime = true)
        @Async
        Coroutine<Void> advancesRealTime() {
            await(advanceTimeBy(Duration.ofSeconds(1)));
            return done();
        }

        @AsyncTest
        Coroutine<Void> lacksAsync() {
            return null;
        }
    }

    /** No {@code @JcoroTest}: JUnit instantiates the class itself, whose methods are not lowered. */
    @ExtendWith(RunByOutcomes.class)
    static class WithoutJcoroTest {
        @AsyncTest
        @Async
        Coroutine<Void> runsUnlowered() {
            await(sleep(1));
            return done();
        }
    }

    @Test
    void anAsyncTestInAClassWithoutJcoroTestSaysWhatToAdd() {
        assertEquals("@AsyncTest WithoutJcoroTest.runsUnlowered() is not a lowered coroutine: add @JcoroTest to"
                + " io.jcoro.test.FailingTestsTest$WithoutJcoroTest, so that JUnit instantiates its generated class",
                Outcomes.of(WithoutJcoroTest.class).failure("runsUnlowered").getMessage());
    }

    @Test
    void aPassingTestPasses() {
        outcomes.passed("passes");
    }

    @Test
    void theTestsOwnFailureIsThrownUnchanged() {
        Throwable failure = outcomes.failure("failsItself");
        assertInstanceOf(AssertionFailedError.class, failure);
        assertEquals("its own failure", failure.getMessage());
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void aLeakedTaskFailsTheTestListingItAtItsLine() throws IOException {
        Throwable failure = outcomes.failure("leaksATask");
        assertEquals("leaksATask left tasks running (cancel or await every task a test starts):\n"
                + "Task 'sleeper' (sleeping)\n"
                + "    at io.jcoro.test.FailingTestsTest$Cases.sleepForADay(FailingTestsTest.java:"
                + lineOf("sleepForADay") + ")\n", failure.getMessage());
    }

    @Test
    void anUnretrievedTaskFailureFailsTheTestWithItAsCause() {
        Throwable failure = outcomes.failure("leavesAFailureUnretrieved");
        assertEquals("Task exception was never retrieved (task 'failing')", failure.getMessage());
        assertSame(Cases.BOOM, failure.getCause());
    }

    @Test
    void anUnretrievedFailureBesideTheTestsOwnIsSuppressedByIt() {
        Throwable failure = outcomes.failure("failsBesideAnUnretrievedFailure");
        assertEquals("its own failure", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        Throwable unretrieved = failure.getSuppressed()[0];
        assertEquals("Task exception was never retrieved (task 'failing')", unretrieved.getMessage());
        assertSame(Cases.BOOM, unretrieved.getCause());
    }

    @Test
    void aHungTestFailsAfterItsRealTimeoutWithATaskDump() throws IOException {
        assertTimedOut("hangsInRealTime", "hangsInRealTime timed out after 300 ms of real time; its tasks:\n"
                + "Task 'hangsInRealTime' (waiting for Promise[pending])\n"
                + "    at io.jcoro.test.FailingTestsTest$Cases.hangsInRealTime(FailingTestsTest.java:"
                + lineOf("hangsInRealTime") + ")\n"
                + "    awaits a Promise\n");
    }

    @Test
    void aTestFailsOnceItsClockPassesItsVirtualTimeout() throws IOException {
        assertTimedOut("sleepsPastItsVirtualTimeout",
                "sleepsPastItsVirtualTimeout timed out after 60 s of virtual time; its tasks:\n"
                + "Task 'sleepsPastItsVirtualTimeout' (sleeping)\n"
                + "    at io.jcoro.test.FailingTestsTest$Cases.sleepsPastItsVirtualTimeout(FailingTestsTest.java:"
                + lineOf("sleepsPastItsVirtualTimeout") + ")\n");
    }

    /** The test of {@code method} timed out, saying {@code message}, and its task was cancelled. */
    private static void assertTimedOut(String method, String message) {
        Throwable failure = outcomes.failure(method);
        assertInstanceOf(TimeoutException.class, failure);
        assertEquals(message, failure.getMessage());
        assertInstanceOf(CancelledError.class, failure.getCause());
    }

    @Test
    void advancingTimeNeedsVirtualTime() {
        Throwable failure = outcomes.failure("advancesRealTime");
        assertEquals("advanceTimeBy needs virtual time: this test runs with @AsyncTest(realTime = true)",
                failure.getMessage());
    }

    @Test
    void anAsyncTestWithoutAsyncSaysSo() {
        assertEquals("@AsyncTest Cases.lacksAsync() is not a coroutine: add @Async to it",
                outcomes.failure("lacksAsync").getMessage());
    }

    /** The line of this file that ends with {@code // line: marker}. */
    private static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/io/jcoro/test/FailingTestsTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// line: " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked " + marker);
    }
}
