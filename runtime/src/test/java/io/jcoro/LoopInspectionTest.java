package io.jcoro;

import static io.jcoro.Coro.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.internal.IdleHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a test kit reads and drives from outside a run: the tasks a run left, the task it runs,
 * and a virtual clock's jumps.
 */
class LoopInspectionTest {
    private final EventLoop loop = EventLoop.virtualTime();

    @Test
    void allTasksAndDumpTasksShowWhatARunLeftUnfinished() {
        Task<Object> sleeper = loop.createTask(Frames.of("sleeper", v -> sleep(Duration.ofHours(1)),
                v -> Frames.ret(null)), "sleeper");
        loop.runUntilComplete(Frames.of("main", v -> sleep(10), v -> Frames.ret(null)));
        assertEquals(Set.of(sleeper), loop.allTasks());
        assertEquals("Task 'sleeper' (sleeping)\n    at sleeper\n", loop.dumpTasks());
        loop.close();
        assertEquals("", EventLoop.virtualTime().dumpTasks());
    }

    @Test
    void runUntilCompleteOfATaskLetsItsHolderCancelIt() {
        Task<Object> task = loop.createTask(Frames.of("main", v -> sleep(Duration.ofDays(1)), v -> Frames.ret("woke")));
        loop.callLater(Duration.ofSeconds(5), () -> task.cancel("enough"));
        CancelledError cancelled = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
        assertEquals("enough", cancelled.getMessage());
        assertEquals(Duration.ofSeconds(5).toNanos(), loop.time());

        EventLoop other = EventLoop.virtualTime();
        Task<Object> foreign = other.createTask(Frames.of("foreign", v -> Frames.ret(null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(foreign));
        assertEquals("task '" + foreign.name() + "' belongs to another event loop", e.getMessage());
    }

    @Test
    void anIdleHookDecidesWhereTheVirtualClockJumps() {
        List<String> idle = new ArrayList<>();
        IdleHook.attach(loop, (now, next) -> {
            idle.add(now / 1_000_000 + "->" + next / 1_000_000);
            return Math.min(next, now + 400_000_000L); // never more than 400 ms at a time
        });
        loop.runUntilComplete(Frames.of("main", v -> sleep(1000), v -> Frames.ret(null)));
        // the hook is told the timer's own deadline, not the start of the coarse slot it waits in
        assertEquals(List.of("0->1000", "400->1000", "800->1000"), idle);
        assertEquals(1_000_000_000L, loop.time());
    }

    @Test
    void onlyAVirtualTimeLoopTakesAnIdleHook() {
        try (EventLoop real = new EventLoop()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdleHook.attach(real, (now, next) -> next));
            assertTrue(e.getMessage().startsWith("not a virtual-time loop"), e.getMessage());
        }
    }
}
