package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface UnsupportedStatement {
    @Async
    default Coroutine<Void> run() {
        assert await(check()) : "checked"; // EXPECT: JCORO-E021 await inside 'assert' is not supported yet
        return done();
    }

    @Async
    default Coroutine<Boolean> check() {
        return done(true);
    }
}
