package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface AwaitInLambda {
    @Async
    default Coroutine<Void> run() {
        Supplier<Object> later = () -> await(sleep(1)); // EXPECT: JCORO-E010 await cannot be used inside a lambda in an @Async method
        return done();
    }
}
