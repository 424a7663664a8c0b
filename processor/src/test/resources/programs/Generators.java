package programs;

import io.jcoro.AsyncGenerator;
import io.jcoro.Coroutine;
import io.jcoro.StopAsyncIteration;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** Async generators and async for; generators_twin.py is the same program in asyncio. */
public abstract class Generators {
    protected final Consumer<String> log;

    protected Generators(Consumer<String> log) {
        this.log = log;
    }

    @Async
    public AsyncGenerator<Integer> ticks(int n) {
        try {
            for (int i = 0; i < n; i++) {
                await(sleep(10));
                log.accept("tick " + i);
                emit(i);
            }
        } finally {
            log.accept("ticks finally");
            await(sleep(1));
            log.accept("ticks cleaned");
        }
        return done();
    }

    @Async
    public AsyncGenerator<String> echo() {
        String received = emit("ready");
        while (received != null) {
            received = emit("got " + received);
        }
        return done();
    }

    @Async
    public Coroutine<String> consume() {
        StringBuilder out = new StringBuilder();
        for (int t : each(ticks(3))) {
            out.append(t);
        }
        AsyncGenerator<String> e = echo();
        out.append(await(e.next())).append(await(e.send("a"))).append(await(e.send("b")));
        AsyncGenerator<Integer> g = ticks(10);
        for (int t : each(g)) {
            if (t == 1) break;
        }
        await(g.close());
        try {
            await(g.next());
        } catch (StopAsyncIteration end) {
            out.append("|exhausted");
        }
        AsyncGenerator<Integer> h = ticks(5);
        await(h.next());
        try {
            await(h.throwInto(new IllegalStateException("boom")));
        } catch (IllegalStateException ex) {
            out.append("|").append(ex.getMessage());
        }
        return done(out.toString());
    }
}
