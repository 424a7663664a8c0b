package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class FinalMethod {
    @Async
    final Coroutine<Void> run() { // EXPECT: JCORO-E003 @Async method FinalMethod.run() must not be final
        return done();
    }
}
