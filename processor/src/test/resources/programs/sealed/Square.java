package programs.sealed;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/**
 * A sealed class whose generated class stays abstract (side() is left to implement): that class
 * is non-sealed, and Tile extends it.
 */
public abstract sealed class Square implements Shape permits SquareCoroutines {
    protected abstract int side();

    @Override
    public int corners() {
        return 4;
    }

    @Async
    public Coroutine<Integer> area() {
        await(sleep(2));
        return done(side() * side());
    }
}
