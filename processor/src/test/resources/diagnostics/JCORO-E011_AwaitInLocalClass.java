package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface AwaitInLocalClass {
    @Async
    default Coroutine<Void> run() {
        Runnable later = new Runnable() {
            @Override
            public void run() {
                await(sleep(1)); // EXPECT: JCORO-E011 await cannot be used inside an anonymous or local class
            }
        };
        return done();
    }
}
