package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface UnresolvedType {
    @Async
    default Coroutine<Void> run() {
        await(sleep(1));
        Object o = new DoesNotExist(); // EXPECT: JCORO-E024 UnresolvedType.run() is not lowered: javac could not attribute
        return done();
    }

    @Async
    default Coroutine<String> typeError(int x) {
        await(sleep(1));
        String s = Integer.parseInt(x); // EXPECT: JCORO-E024 UnresolvedType.typeError() is not lowered: javac could not attribute Integer.parseInt(x)
        return done(s);
    }
}
