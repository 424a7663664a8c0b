package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface WrongReturnType {
    @Async
    default String run() { // EXPECT: JCORO-E004 @Async method WrongReturnType.run() must return io.jcoro.Coroutine<T> or io.jcoro.AsyncGenerator<T>, not java.lang.String
        return "x";
    }
}
