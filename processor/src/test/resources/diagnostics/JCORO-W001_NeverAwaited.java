package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface NeverAwaited {
    @Async
    default Coroutine<Void> run() {
        fetch(); // EXPECT: JCORO-W001 coroutine was never awaited: the result of fetch is discarded
        await(sleep(1));
        return done();
    }

    @Async
    @SuppressWarnings("coro:JCORO-W001")
    default Coroutine<Void> quiet() {
        fetch();
        return done();
    }

    @Async
    default Coroutine<Void> fetch() {
        return done();
    }
}
