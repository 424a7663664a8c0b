package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface AwaitInSynchronized {
    @Async
    default Coroutine<Void> run() {
        synchronized (this) {
            await(sleep(1)); // EXPECT: JCORO-E012 await cannot be used inside a synchronized block
        }
        return done();
    }
}
