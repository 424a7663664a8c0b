package programs.sealed;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A sealed interface with a coroutine: it permits its generated class, as JCORO-E032 asks. */
public sealed interface Shape permits Circle, ShapeCoroutines, Square, Polygon {
    default int corners() {
        return 1;
    }

    @Async
    default Coroutine<String> describe(int scale) {
        await(sleep(5));
        return done(getClass().getSimpleName() + ":" + corners() * scale);
    }
}
