package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class SuperInBody {
    @Async
    Coroutine<String> run() {
        await(sleep(1));
        return done(super.toString()); // EXPECT: JCORO-E017 'super' cannot be used in the body of an @Async method
    }
}
