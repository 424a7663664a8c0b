package diag;

import io.jcoro.AsyncGenerator;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.net.Net;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import static io.jcoro.Coro.*;

interface DiscardedAwaitable {
    @Async
    default Coroutine<Void> discards() throws IOException {
        sleep(50); // EXPECT: JCORO-W004 the Awaitable that sleep returns is discarded: nothing awaits it, so the body goes on at once
        gather(one(), one()); // EXPECT: JCORO-W004 the Awaitable that gather returns is discarded: nothing awaits it
        waitFor(one(), Duration.ofSeconds(1)); // EXPECT: JCORO-W004 the Awaitable that waitFor returns is discarded
        Net.openConnection("127.0.0.1", 9); // EXPECT: JCORO-W004 the Awaitable that Net.openConnection returns is discarded
        timeout(Duration.ofSeconds(1)); // EXPECT: JCORO-W004 the Timeout that timeout returns is discarded: its scope is never closed
        numbers(); // EXPECT: JCORO-W004 the AsyncGenerator that numbers returns is discarded: nothing iterates it, so its body never runs
        one(); // EXPECT: JCORO-W001 coroutine was never awaited: the result of one is discarded
        return done();
    }

    @Async
    default Coroutine<Void> uses() {
        await(sleep(50));
        await(gather(one(), one()));
        createTask(one());
        Task<Integer> task = createTask(one());
        Awaitable<Void> pause = sleep(5);
        pause = sleep(6);
        await(pause);
        new Promise<String>();
        promise();
        CompletableFuture.completedFuture(1);
        task.cancel();
        try (var t = timeout(Duration.ofSeconds(1))) {
            await(task);
        }
        return done();
    }

    @Async
    @SuppressWarnings("coro:JCORO-W004")
    default Coroutine<Void> quiet() {
        sleep(50);
        return done();
    }

    default Promise<String> promise() {
        return new Promise<>();
    }

    @Async
    default Coroutine<Integer> one() {
        return done(1);
    }

    @Async
    default AsyncGenerator<Integer> numbers() {
        emit(1);
        return done();
    }
}
