package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface UnresolvedType {
    @Async
    default Coroutine<Void> run() {
        await(sleep(1));
        Object o = new DoesNotExist(); // EXPECT: JCORO-E024 UnresolvedType.run() refers to a type that could not be resolved
        return done();
    }
}
