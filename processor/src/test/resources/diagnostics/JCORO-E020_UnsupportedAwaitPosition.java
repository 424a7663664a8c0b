package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface UnsupportedAwaitPosition {
    @Async
    default Coroutine<String> run() {
        Supplier<String> text = await(answer())::toString; // EXPECT: JCORO-E020 await in this position is not supported yet
        return done(text.get());
    }

    @Async
    default Coroutine<Integer> answer() {
        return done(42);
    }
}
