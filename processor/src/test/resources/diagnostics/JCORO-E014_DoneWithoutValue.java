package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface DoneWithoutValue {
    @Async
    default Coroutine<String> run() {
        await(sleep(1));
        return done(); // EXPECT: JCORO-E014 done() without a value in DoneWithoutValue.run, which returns Coroutine<java.lang.String>
    }
}
