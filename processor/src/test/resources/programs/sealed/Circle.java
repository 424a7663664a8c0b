package programs.sealed;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A permitted subclass open to extension hosts coroutines like any class. */
public non-sealed class Circle implements Shape {
    @Override
    public int corners() {
        return 0;
    }

    @Async
    public Coroutine<Double> area(double radius) {
        await(sleep(1));
        return done(Math.PI * radius * radius);
    }
}
