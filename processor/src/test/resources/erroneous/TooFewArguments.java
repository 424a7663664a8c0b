package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Function;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

/** Generic calls with too few arguments around a lambda, inside await(...): javac 25 throws while it attributes them for the processor. */
abstract class TooFewArguments {
    static <T> Coroutine<T> lazy(Supplier<T> s, int n) {
        return null;
    }

    static <T, R> Coroutine<R> map(T t, Function<T, R> f) {
        return null;
    }

    @Async
    protected Coroutine<String> expressionLambda() {
        String s = await(lazy(() -> "a"));
        return done(s);
    }

    @Async
    protected Coroutine<String> implicitParameter() {
        String s = await(map(x -> x));
        return done(s);
    }

    @Async
    protected Coroutine<String> blockLambda() {
        return done(await(lazy(() -> { return "a"; })));
    }
}
