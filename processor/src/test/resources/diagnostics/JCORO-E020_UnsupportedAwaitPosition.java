package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface UnsupportedAwaitPosition {
    @Async
    default Coroutine<Integer> run(int k) {
        int n = switch (k) {
            case 1 -> await(answer()); // EXPECT: JCORO-E020 await in this position is not supported yet
            default -> 0;
        };
        return done(n);
    }

    @Async
    default Coroutine<Integer> answer() {
        return done(42);
    }
}
