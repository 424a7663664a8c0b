package mutants;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A yield outside any switch expression, with and without an await: javac's error only, no JCORO-E023. */
abstract class YieldOutsideSwitch {
    @Async
    Coroutine<Integer> kept(int n) {
        await(sleep(1));
        if (n > 0) {
            yield 0;
        }
        return done(n);
    }

    @Async
    Coroutine<Integer> exploded(int n) {
        if (n > 0) {
            yield await(sleep(2));
        }
        return done(n);
    }
}
