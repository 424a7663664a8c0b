package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class PrivateMethod {
    @Async
    private Coroutine<Void> run() { // EXPECT: JCORO-E002 @Async method PrivateMethod.run() must not be private
        return done();
    }
}
