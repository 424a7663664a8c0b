package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.testing.OrderedExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sleeps, timers and virtual time. Python twin of the orderings: twins/ordering.py and
 * twins/gather.py.
 */
@SuppressWarnings("fallthrough")
class SleepAndTimeTest extends OrderedExecution {
    private static final long MS = 1_000_000L;
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    /** {@code async def nap(tag, ms): trace(f"start {tag}"); await sleep(ms); trace(f"end {tag}"); return tag} */
    private Coroutine<String> nap(String tag, long ms) {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        trace.add("start " + tag);
                        if ($await(sleep(ms), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        $value();
                        trace.add("end " + tag + " at " + loop.time() / MS);
                        return $return(tag);
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    @Test
    void threeGatheredSleepsOf100msTake100msOfVirtualTime() {
        long start = loop.time();
        List<Void> result = loop.runUntilComplete(Frames.of("main",
                v -> gather(sleep(100), sleep(Duration.ofMillis(100)), sleep(100)),
                Frames::ret));
        assertEquals(3, result.size());
        assertEquals(100 * MS, loop.time() - start);
    }

    @Test
    void gatheredNapsWakeInDeadlineOrderAndReturnInArgumentOrder() {
        List<String> result = loop.runUntilComplete(Frames.of("main",
                v -> gather(nap("a", 300), nap("b", 100), nap("c", 200)),
                Frames::ret));
        assertEquals(List.of("a", "b", "c"), result);
        // python3 gather.py: order: ['start a', 'start b', 'start c', 'end b', 'end c', 'end a', ...]
        assertEquals(List.of("start a", "start b", "start c",
                "end b at 100", "end c at 200", "end a at 300"), trace);
        assertEquals(300 * MS, loop.time());
    }

    @Test
    void sequentialSleepsAddUp() {
        loop.runUntilComplete(Frames.of("main", v -> nap("x", 100), v -> nap("y", 250), Frames::ret));
        assertEquals(350 * MS, loop.time());
        assertEquals(List.of("start x", "end x at 100", "start y", "end y at 350"), trace);
    }

    @Test
    void aWokenSleeperRunsOneIterationAfterItsTimerAsInAsyncio() {
        // python3 ordering.py: sleeper_vs_timers: ['timer A', 'timer B', 'sleeper woke', ...]
        Coroutine<Object> sleeper = Frames.of("s", v -> sleep(100), v -> {
            trace.add("sleeper woke");
            return Frames.ret(null);
        });
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    loop.callLater(Duration.ofMillis(100), () -> trace.add("timer A"));
                    createTask(sleeper);
                    return Coro.yieldNow();
                },
                v -> {
                    loop.callLater(Duration.ofMillis(100), () -> trace.add("timer B"));
                    return sleep(200);
                },
                Frames::ret));
        assertEquals(List.of("timer A", "timer B", "sleeper woke"), trace);
    }

    @Test
    void timersFireInDeadlineOrderThenFifo() {
        expect(1);
        loop.callLater(Duration.ofMillis(20), () -> expect(5));
        loop.callAt(10 * MS, () -> expect(3));
        loop.callLater(Duration.ofMillis(10), () -> expect(4));
        loop.callLater(Duration.ofMillis(-5), () -> expect(2)); // negative: as soon as possible
        loop.runUntilComplete(Frames.of("main", v -> sleep(30), Frames::ret));
        finish(6);
    }

    @Test
    void cancelledTimerHandleNeverRuns() {
        TimerHandle later = loop.callLater(Duration.ofMillis(50), () -> trace.add("later"));
        TimerHandle soon = loop.callSoon(() -> trace.add("soon"));
        assertEquals(50 * MS, later.when());
        later.cancel();
        soon.cancel();
        later.cancel(); // twice is fine
        assertTrue(later.isCancelled());
        assertFalse(later.inWheel());
        loop.runUntilComplete(Frames.of("main", v -> sleep(100), Frames::ret));
        assertEquals(List.of(), trace);
    }

    @Test
    void negativeSleepIsAYield() {
        loop.runUntilComplete(Frames.of("main", v -> sleep(-5), v -> sleep(Duration.ofMillis(-1)), Frames::ret));
        assertEquals(0, loop.time());
    }

    @Test
    void hugeSleepSaturatesAndCanBeCancelled() {
        Coroutine<Object> forever = Frames.of("forever", v -> sleep(Duration.ofDays(365L * 1000)), Frames::ret);
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    Task<Object> t = createTask(forever);
                    loop.callLater(Duration.ofSeconds(1), t::cancel);
                    return Coro.gatherSettled(t);
                },
                v -> {
                    trace.add(String.valueOf(((List<?>) v).get(0).getClass().getSimpleName()));
                    return Frames.ret(null);
                }));
        assertEquals(List.of("Failure"), trace);
        assertEquals(1000 * MS, loop.time());
    }
}
