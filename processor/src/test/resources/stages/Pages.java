package stages;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.Outcome;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface Pages {
    default CompletableFuture<String> page(int n) {
        return CompletableFuture.supplyAsync(() -> "page " + n);
    }

    @Async
    default Coroutine<Integer> length(String s) {
        await(yieldNow());
        return done(s.length());
    }

    @Async
    default Coroutine<List<Object>> all() {
        List<String> five = await(gather(page(1), page(2), page(3), page(4), page(5)));
        List<CompletionStage<String>> calls = new ArrayList<>();
        for (int i = 6; i <= 7; i++) {
            calls.add(page(i));
        }
        List<Outcome<String>> settled = await(gatherSettled(calls));
        List<Object> mixed = await(gather(length(five.get(0)), awaitable(page(8))));
        List<Object> all = new ArrayList<>(five);
        for (Outcome<String> o : settled) {
            all.add(((Outcome.Success<String>) o).value());
        }
        all.addAll(mixed);
        all.addAll(await(gather()));
        return done(all);
    }
}
