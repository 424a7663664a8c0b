package io.jcoro;

import static io.jcoro.Coro.awaitable;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.gatherSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * gather and gatherSettled over {@link CompletionStage}s, and {@link Coro#awaitable}: asyncio's
 * {@code gather} over futures made by {@code wrap_future}. Each stage is one child, so the
 * semantics are gather's own: argument order, first failure, cancellation reaching the stages.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class GatherStagesTest {
    private final EventLoop loop = EventLoop.virtualTime();

    private static List<CompletableFuture<String>> pending(int n) {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(new CompletableFuture<>());
        }
        return futures;
    }

    @Test
    void fiveStagesCompletedByAnotherThreadInReverseComeBackInArgumentOrder() throws Exception {
        List<CompletableFuture<String>> f = pending(5);
        Thread completer = new Thread(() -> {
            for (int i = 4; i >= 0; i--) {
                f.get(i).complete("response " + i);
            }
        });
        try (EventLoop real = new EventLoop()) {
            List<Object> result = real.runUntilComplete(Frames.of("main", v -> {
                Awaitable<List<String>> all = gather(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4));
                completer.start();
                return all;
            }, Frames::ret));
            assertEquals(List.of("response 0", "response 1", "response 2", "response 3", "response 4"), result);
        }
        completer.join();
    }

    @Test
    void theIterableFormTakesAnyCollectionOfStages() {
        List<CompletableFuture<String>> f = List.of(CompletableFuture.completedFuture("a"),
                CompletableFuture.supplyAsync(() -> "b"));
        Object result = loop.runUntilComplete(Frames.of("main", v -> gather(f), Frames::ret));
        assertEquals(List.of("a", "b"), result);
    }

    @Test
    void theFirstFailureIsRethrownUnwrappedFromItsCompletionException() {
        List<CompletableFuture<String>> f = pending(2);
        CompletionStage<String> failing = f.get(0).thenApply(s -> {
            throw new IllegalArgumentException("bad " + s);
        });
        IOException io = new IOException("refused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.runUntilComplete(Frames.of("main", v -> {
                    loop.callLater(Duration.ofMillis(5), () -> f.get(0).complete("x"));
                    loop.callLater(Duration.ofMillis(10), () -> f.get(1).completeExceptionally(io));
                    return gather(failing, f.get(1));
                }, Frames::ret)));
        assertEquals("bad x", e.getMessage());
        assertEquals(5_000_000L, loop.time(), "the gather failed at the first failure, not at the end");
    }

    @Test
    void gatherSettledTurnsAStageFailureIntoAnOutcomeInPlace() {
        IOException io = new IOException("refused");
        List<Outcome<String>> result = loop.runUntilComplete(Frames.of("main", v -> gatherSettled(
                CompletableFuture.completedFuture("ok"), CompletableFuture.failedFuture(io)), Frames::ret));
        assertEquals(new Outcome.Success<>("ok"), result.get(0));
        assertSame(io, ((Outcome.Failure<String>) result.get(1)).error());
        assertEquals(List.of(), loop.runUntilComplete(Frames.of("main", v -> gatherSettled(), Frames::ret)));
    }

    @Test
    void cancellingTheTaskAwaitingTheGatherCancelsEveryStage() {
        List<CompletableFuture<String>> f = pending(2);
        Coroutine<Object> waiter = Frames.of("waiter", v -> gather(f), Frames::ret);
        List<Outcome<Object>> outcome = loop.runUntilComplete(Frames.of("main", v -> {
            Task<Object> w = createTask(waiter);
            loop.callLater(Duration.ofMillis(100), w::cancel);
            return gatherSettled(w);
        }, Frames::ret));
        assertInstanceOf(CancelledError.class, ((Outcome.Failure<Object>) outcome.get(0)).error());
        assertTrue(f.get(0).isCancelled() && f.get(1).isCancelled(), "both stages were cancelled");
    }

    @Test
    void theSameStageTwiceIsOneChildWhoseResultAppearsTwice() {
        CompletableFuture<String> f = new CompletableFuture<>();
        Object result = loop.runUntilComplete(Frames.of("main", v -> {
            Awaitable<List<String>> g = gather(f, f);
            f.complete("once");
            return g;
        }, Frames::ret));
        assertEquals(List.of("once", "once"), result);
    }

    @Test
    void awaitableLetsAStageStandAmongCoroutinesAndTasks() {
        CompletableFuture raw = new CompletableFuture();
        Object result = loop.runUntilComplete(Frames.of("main", v -> {
            loop.callLater(Duration.ofMillis(5), () -> raw.complete("stage"));
            Coroutine<Object> coroutine = Frames.of("c", w -> Frames.ret("coroutine"));
            return gather(coroutine, awaitable(raw), createTask(Frames.of("t", w -> Frames.ret("task"))));
        }, Frames::ret));
        assertEquals(List.of("coroutine", "stage", "task"), result);
        // a raw CompletableFuture is no Awaitable: it picks the stage overload, unambiguously
        assertEquals(List.of("stage"), loop.runUntilComplete(Frames.of("main", v -> gather(raw), Frames::ret)));
    }

    @Test
    void aNullStageIsRejectedAtTheCall() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> gather(CompletableFuture.completedFuture("a"), null));
        assertEquals("gather: null stage", e.getMessage());
    }
}
