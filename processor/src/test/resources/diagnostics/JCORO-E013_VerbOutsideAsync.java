package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

abstract class VerbOutsideAsync {
    @Async
    Coroutine<Integer> fetch() {
        return done(1);
    }

    int blocking() {
        return await(fetch()); // EXPECT: JCORO-E013 await can only be used in the body of an @Async method
    }

    Coroutine<Integer> notMarked() {
        return done(2); // EXPECT: JCORO-E013 done can only be used in the body of an @Async method
    }
}
