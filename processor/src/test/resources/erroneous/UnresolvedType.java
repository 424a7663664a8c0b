package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A body with an error of its own: javac reports it, and the processor adds nothing. */
interface UnresolvedType {
    @Async
    default Coroutine<Void> run() {
        await(sleep(1));
        Object o = new DoesNotExist();
        return done();
    }

    @Async
    default Coroutine<String> typeError(int x) {
        await(sleep(1));
        String s = Integer.parseInt(x);
        return done(s);
    }
}
