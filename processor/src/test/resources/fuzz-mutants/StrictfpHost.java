package mutants;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/**
 * A strictfp class: javac reports its constructors and methods as strictfp too, and a mirrored
 * constructor may not be (the generated file did not compile). Valid Java: no error at all.
 */
@SuppressWarnings("strictfp")
strictfp abstract class StrictfpHost {
    protected StrictfpHost(double scale) {
    }

    StrictfpHost() {
    }

    @Async
    public Coroutine<Double> half(double x) {
        await(sleep(1));
        return done(x / 2);
    }
}
