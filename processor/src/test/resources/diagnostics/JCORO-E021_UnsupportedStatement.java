package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface UnsupportedStatement {
    @Async
    default Coroutine<Void> run() {
        try { // EXPECT: JCORO-E021 a 'try' statement containing an await is not supported yet
            await(sleep(1));
        } finally {
            System.out.println("done");
        }
        return done();
    }
}
