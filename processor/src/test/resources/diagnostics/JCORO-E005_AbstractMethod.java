package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface AbstractMethod {
    @Async
    Coroutine<Void> run(); // EXPECT: JCORO-E005 @Async method AbstractMethod.run() has no body
}
