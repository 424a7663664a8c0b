package p;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;

public interface Users {
    @Async
    default Coroutine<Integer> one() {
        await(sleep(1));
        return done(1);
    }

    @Async
    default Coroutine<Integer> two() {
        return done(2);
    }
}
