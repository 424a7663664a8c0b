package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface ReturnWithoutDone {
    @Async
    default Coroutine<Integer> run() {
        await(sleep(1));
        return answer(); // EXPECT: JCORO-E025 a return in an @Async body must be 'return done(...);'
    }

    @Async
    default Coroutine<Integer> answer() {
        return done(42);
    }
}
