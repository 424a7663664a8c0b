package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link TraceSplice}, on Java traces as the JVM writes them for a failure thrown in
 * a generated frame, made elsewhere, or spliced before.
 */
class TraceSpliceTest {
    private static final String FRAME = "app.UsersCoroutines$FetchUser";
    private static final StackTraceElement FETCH = new StackTraceElement("app.Users", "fetchUser", "Users.java", 12);
    private static final StackTraceElement PROCESS = new StackTraceElement("app.Users", "processUser", "Users.java", 17);
    private static final StackTraceElement MAIN = new StackTraceElement("app.Users", "main", "Users.java", 30);
    private static final StackTraceElement CORO_RUN = java("io.jcoro.Coro", "run", "Coro.java", 100);
    private static final StackTraceElement APP_MAIN = java("app.App", "main", "App.java", 9);

    private static StackTraceElement java(String type, String method, String file, int line) {
        return new StackTraceElement(type, method, file, line);
    }

    /** A failure thrown by {@code fetchUser}'s frame at {@code top}, started inline by processUser's. */
    private static StackTraceElement[] thrownIn(StackTraceElement top) {
        return new StackTraceElement[] {
            java("app.Users", "validate", "Users.java", 40), // a plain method the body called
            top,
            java("io.jcoro.Coroutine", "startInline", "Coroutine.java", 437),
            java("io.jcoro.Coroutine", "$await", "Coroutine.java", 205),
            java("app.UsersCoroutines$ProcessUser", "$resume", "UsersCoroutines.java", 90),
            java("io.jcoro.Task", "drive", "Task.java", 348),
            java("io.jcoro.Task", "step", "Task.java", 317),
            java("io.jcoro.EventLoop", "runOnce", "EventLoop.java", 268),
            java("io.jcoro.EventLoop", "runUntilComplete", "EventLoop.java", 212),
            CORO_RUN,
            APP_MAIN,
        };
    }

    private static List<StackTraceElement> splice(StackTraceElement[] trace, StackTraceElement... chain) {
        return Arrays.asList(TraceSplice.splice(trace, chain, chain.length, FRAME));
    }

    @Test
    void aFrameWhoseLinesAreTheUsersKeepsTheLineThatThrewUnderTheUsersNames() {
        StackTraceElement thrower = java(FRAME, "$resume", "Users.java", 14);
        assertEquals(List.of(java("app.Users", "validate", "Users.java", 40),
                        java("app.Users", "fetchUser", "Users.java", 14), PROCESS, MAIN, CORO_RUN, APP_MAIN),
                splice(thrownIn(thrower), FETCH, PROCESS, MAIN));
    }

    @Test
    void aFrameWhoseLinesAreTheGeneratedFilesShowsItsStatesLine() {
        StackTraceElement thrower = java(FRAME, "$resume", "UsersCoroutines.java", 1044);
        assertEquals(List.of(java("app.Users", "validate", "Users.java", 40), FETCH, PROCESS, MAIN, CORO_RUN, APP_MAIN),
                splice(thrownIn(thrower), FETCH, PROCESS, MAIN));
    }

    @Test
    void aPartOfASplitResumeIsTheSameFrame() {
        StackTraceElement[] trace = thrownIn(java(FRAME, "$resume2", "UsersCoroutines.java", 2000));
        assertEquals(List.of(trace[0], FETCH, PROCESS, MAIN, CORO_RUN, APP_MAIN), splice(trace, FETCH, PROCESS, MAIN));
    }

    @Test
    void aSplicedTraceGainsTheNewlyCrossedFramesAboveTheLoopsEntry() {
        StackTraceElement[] spliced = {FETCH, PROCESS, CORO_RUN, APP_MAIN};
        assertEquals(List.of(FETCH, PROCESS, MAIN, CORO_RUN, APP_MAIN), splice(spliced, MAIN));
    }

    @Test
    void aTraceMadeOnAnotherThreadKeepsItsFramesAndGainsTheChainAtItsEnd() {
        StackTraceElement[] other = {
            java("app.App", "blocking", "App.java", 50),
            java("java.util.concurrent.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java", 1136),
            java("java.lang.Thread", "run", "Thread.java", 833),
        };
        assertEquals(List.of(other[0], other[1], other[2], PROCESS, MAIN), splice(other, PROCESS, MAIN));
    }

    @Test
    void aTraceMadeByTheLoopsOwnMachineryGainsTheChainAtItsEnd() {
        StackTraceElement[] callback = {
            java("app.App", "onTimer", "App.java", 60),
            java("io.jcoro.TimerHandle", "run", "TimerHandle.java", 40),
            java("io.jcoro.EventLoop", "runOnce", "EventLoop.java", 268),
            CORO_RUN,
            APP_MAIN,
        };
        List<StackTraceElement> expected = new ArrayList<>(Arrays.asList(callback));
        expected.add(PROCESS);
        assertEquals(expected, splice(callback, PROCESS));
    }

    @Test
    void aCancellationWithoutAJavaTraceIsItsChain() {
        assertEquals(List.of(FETCH, PROCESS), splice(new StackTraceElement[0], FETCH, PROCESS));
    }
}
