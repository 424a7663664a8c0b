package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface PatternAcrossAwait {
    @Async
    default Coroutine<Integer> run(Object o) {
        if (o instanceof String s) { // EXPECT: JCORO-E026 pattern variable 's' is used after an await
            await(sleep(1));
            return done(s.length());
        }
        return done(0);
    }
}
