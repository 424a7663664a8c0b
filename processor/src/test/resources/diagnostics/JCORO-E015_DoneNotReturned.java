package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface DoneNotReturned {
    @Async
    default Coroutine<String> run() {
        Coroutine<String> early = done("x"); // EXPECT: JCORO-E015 done(...) must be the whole expression of a return statement
        return done(String.valueOf(early));
    }
}
