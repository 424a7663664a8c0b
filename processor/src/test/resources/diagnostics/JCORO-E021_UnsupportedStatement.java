package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface UnsupportedStatement {
    @Async
    default Coroutine<Void> run() {
        for (int i = 0; i < 3; i++) { // EXPECT: JCORO-E021 a 'for' statement containing an await is not supported yet
            await(sleep(1));
        }
        return done();
    }
}
