package programs.sealed.order;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A sealed superclass with coroutines of its own, permitting its generated class. */
public abstract sealed class Base permits Mid, BaseCoroutines {
    @Async
    public Coroutine<Integer> one() {
        await(sleep(1));
        return done(1);
    }
}
