package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

class NoConstructor { // EXPECT: JCORO-E008 diag.NoConstructor has no constructor that the generated subclass NoConstructorCoroutines can call
    private NoConstructor() {}

    @Async
    Coroutine<Void> run() {
        return done();
    }
}
