package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface EmitInCoroutine {
    @Async
    default Coroutine<Void> run() {
        emit(1); // EXPECT: JCORO-E027 emit(...) can only be used in an @Async method that returns AsyncGenerator<T>; EmitInCoroutine.run returns io.jcoro.Coroutine<java.lang.Void>
        return done();
    }
}
