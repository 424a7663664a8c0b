package programs.sealed.order;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** Compiled before Base: javac attributes Base, still naming BaseCoroutines unresolved, with it. */
public non-sealed class Mid extends Base {
    @Async
    public Coroutine<Integer> two() {
        await(sleep(1));
        return done(2);
    }
}
