package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** An argument of a wrong type inside a generic call: javac 25 simplifies its inference error. */
abstract class InferenceBounds {
    Coroutine<? extends Number> field;

    abstract Coroutine<Integer> value(int x);

    abstract Coroutine<Integer> poke(int a, int b);

    @Async
    Coroutine<Void> run() {
        await(poke(1, await(value(-(this.field)))));
        return done();
    }
}
