package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class StaticMethod {
    @Async
    static Coroutine<Void> run() { // EXPECT: JCORO-E001 @Async method StaticMethod.run() must not be static
        return done();
    }
}
