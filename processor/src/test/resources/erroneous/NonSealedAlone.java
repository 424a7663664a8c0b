package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** non-sealed without a sealed supertype: javac 17 checks it before it knows the class's file. */
non-sealed interface NonSealedAlone {
    @Async
    default Coroutine<Void> run() {
        await(sleep(1));
        return done();
    }
}
