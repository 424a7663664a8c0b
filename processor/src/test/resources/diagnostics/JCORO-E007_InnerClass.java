package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

class InnerClass {
    class Inner {
        @Async
        Coroutine<Void> run() { // EXPECT: JCORO-E007 @Async method Inner.run() is in diag.InnerClass.Inner, which is not a top-level or static nested
            return done();
        }
    }
}
