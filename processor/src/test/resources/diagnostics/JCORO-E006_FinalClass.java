package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

final class FinalClass {
    @Async
    Coroutine<Void> run() { // EXPECT: JCORO-E006 @Async method FinalClass.run() is in final type diag.FinalClass
        return done();
    }
}
