package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Promise, the completion core's API, and awaiting CompletionStages. */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class PromiseTest {
    private final EventLoop loop = EventLoop.virtualTime();

    @Test
    void resultAndExceptionFollowAsyncio() {
        Promise<String> p = new Promise<>();
        assertFalse(p.isDone());
        assertEquals("result is not set", assertThrows(IllegalStateException.class, p::result).getMessage());
        assertEquals("exception is not set", assertThrows(IllegalStateException.class, p::exception).getMessage());
        p.setResult(null);
        assertTrue(p.isDone());
        assertNull(p.result());
        assertNull(p.exception());
        assertThrows(IllegalStateException.class, () -> p.setResult("again"));
        assertThrows(IllegalStateException.class, () -> p.setException(new RuntimeException()));
        assertFalse(p.cancel());
    }

    @Test
    void aFailureIsRethrownUnchangedEvenIfChecked() {
        Promise<String> p = new Promise<>();
        IOException io = new IOException("disk");
        p.setException(io);
        Exception thrown = assertThrows(Exception.class, p::result);
        assertSame(io, thrown);
        assertSame(io, p.exception());
        assertFalse(p.isCancelled());
        assertThrows(NullPointerException.class, () -> new Promise<>().setException(null));
    }

    @Test
    void aCancelledPromiseThrowsCancelledErrorFromResultAndException() {
        Promise<String> p = new Promise<>();
        assertTrue(p.cancel("why"));
        assertTrue(p.isCancelled());
        assertTrue(p.isDone());
        assertEquals("why", assertThrows(CancelledError.class, p::result).getMessage());
        assertThrows(CancelledError.class, p::exception);
        assertFalse(p.cancel());
    }

    @Test
    void doneCallbacksOfAPromiseWithoutALoopRunOnTheCompletingThread() {
        Promise<Integer> p = new Promise<>();
        StringBuilder seen = new StringBuilder();
        p.addDoneCallback(f -> seen.append("first ").append(f.result()));
        p.addDoneCallback(f -> seen.append(", second"));
        p.setResult(1);
        p.addDoneCallback(f -> seen.append(", late"));
        assertEquals("first 1, second, late", seen.toString());
    }

    @Test
    void toCompletableFutureMirrorsTheOutcome() throws Exception {
        Promise<String> ok = new Promise<>();
        CompletableFuture<String> okView = ok.toCompletableFuture();
        assertFalse(okView.isDone());
        ok.setResult("v");
        assertEquals("v", okView.get());

        Promise<String> failed = new Promise<>();
        failed.setException(new IOException("x"));
        ExecutionException ee = assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get());
        assertInstanceOf(IOException.class, ee.getCause());

        Promise<String> cancelled = new Promise<>();
        CompletableFuture<String> view = cancelled.toCompletableFuture();
        cancelled.cancel("stop");
        assertTrue(view.isCancelled());
        assertThrows(CancellationException.class, view::join);
        // join() may wrap it (JDK 19+); the stored exception carries the CancelledError as cause
        Throwable stored = view.handle((value, error) -> error).join();
        assertInstanceOf(CancellationException.class, stored);
        assertInstanceOf(CancelledError.class, stored.getCause());
        assertEquals("stop", stored.getMessage());
    }

    @Test
    void aTaskAsCompletableFuture() throws Exception {
        CompletableFuture<Object>[] view = new CompletableFuture[1];
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    Task<Object> t = Coro.createTask(Frames.of("t", x -> Coro.sleep(5), x -> Frames.ret("done")));
                    view[0] = t.toCompletableFuture();
                    return t;
                },
                Frames::ret));
        assertEquals("done", view[0].get());
    }

    private Coroutine<Object> awaitStage(CompletionStage<?> stage) {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(stage, 1)) return $SUSPENDED;
                    }
                    case 1: {
                        return $return($value());
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    @Test
    void awaitOfAnAlreadyCompletedCompletableFuture() {
        assertEquals("ready", loop.runUntilComplete(awaitStage(CompletableFuture.completedFuture("ready"))));
        IOException io = new IOException("io");
        assertSame(io, assertThrows(IOException.class,
                () -> loop.runUntilComplete(awaitStage(CompletableFuture.failedFuture(io)))));
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(awaitStage(cancelled)));
    }

    @Test
    void awaitOfACompletableFutureCompletedLaterOnAnotherThread() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (EventLoop real = new EventLoop()) {
                CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> "computed");
                assertEquals("computed", real.runUntilComplete(awaitStage(later.thenApply(s -> s))));
                IOException io = new IOException("async failure");
                CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> {
                    throw new CompletionException(io);
                });
                assertSame(io, assertThrows(IOException.class,
                        () -> real.runUntilComplete(awaitStage(failing.thenApply(s -> s)))));
            }
        });
    }

    @Test
    void awaitOfAPendingCompletableFutureCompletedOnTheLoop() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        loop.callLater(Duration.ofMillis(3), () -> cf.complete("later"));
        assertEquals("later", loop.runUntilComplete(awaitStage(cf)));
        assertEquals(3_000_000L, loop.time());
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheCompletableFuture() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Task<Object>[] t = new Task[1];
        loop.runUntilComplete(Frames.of("main",
                v -> {
                    t[0] = Coro.createTask(awaitStage(cf));
                    loop.callLater(Duration.ofMillis(1), t[0]::cancel);
                    return Coro.gatherSettled(t[0]);
                },
                Frames::ret));
        assertTrue(t[0].isCancelled());
        assertTrue(cf.isCancelled());
    }

    @Test
    void manyTasksAwaitOnePromise() {
        List<Object> results = loop.runUntilComplete(Frames.of("main",
                v -> {
                    Promise<String> shared = new Promise<>();
                    loop.callLater(Duration.ofMillis(1), () -> shared.setResult("s"));
                    List<Awaitable<Object>> waiters = new java.util.ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        waiters.add(Frames.of("w" + i, x -> shared, Frames::ret));
                    }
                    return Coro.gather(waiters);
                },
                Frames::ret));
        assertEquals(100, results.size());
        assertTrue(results.stream().allMatch("s"::equals));
    }

    /** A future's value that is itself a future or a task is a value like any other. */
    @Test
    void aValueThatIsAFutureOrATaskIsDeliveredAsItIs() throws Exception {
        Promise<Object> inner = new Promise<>();
        Promise<Object> outer = new Promise<>();
        outer.setResult(inner);
        assertTrue(outer.isDone());
        assertFalse(inner.isDone());
        assertSame(inner, outer.result());
        assertNull(outer.exception());
        assertSame(inner, outer.toCompletableFuture().get());
        assertEquals("Promise[result=Promise[pending]]", outer.toString());
        assertSame(inner, Promise.completed(inner).result());

        List<Object> seen = loop.runUntilComplete(Frames.of("main",
                v -> {
                    Task<Object> made = Coro.createTask(Frames.of("made", x -> Frames.ret("inner")));
                    Task<Object> maker = Coro.createTask(Frames.of("maker", x -> Frames.ret(made)));
                    Promise<Object> late = new Promise<>();
                    loop.callLater(Duration.ofMillis(1), () -> late.setResult(maker));
                    return Coro.gather(maker, late, outer); // done and pending, awaited and gathered
                },
                Frames::ret));
        Task<?> maker = (Task<?>) seen.get(1);
        assertSame(maker.result(), seen.get(0));
        assertEquals("inner", ((Task<?>) seen.get(0)).result());
        assertSame(inner, seen.get(2));
        assertFalse(inner.isDone());
    }
}
