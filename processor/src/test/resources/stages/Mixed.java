package stages;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public interface Mixed {
    @Async
    default Coroutine<Integer> one() {
        return done(1);
    }

    @Async
    default Coroutine<Integer> both() {
        CompletableFuture<Integer> stage = CompletableFuture.completedFuture(2);
        List<Integer> two = await(gather(one(), stage));
        return done(two.size());
    }
}
