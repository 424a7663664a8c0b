package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface InheritedAsync<X> {
    @Async
    default Coroutine<Integer> base() {
        return done(1);
    }

    @Async
    default Coroutine<Integer> overridden() {
        return done(2);
    }
}

class InheritedAsyncImpl implements InheritedAsync<String> { // EXPECT: JCORO-W002 InheritedAsyncImpl inherits @Async method InheritedAsync.base(), which the generated InheritedAsyncImplCoroutines cannot lower (it is declared in a generic type): calling it there fails at run time
    @Async
    public Coroutine<Integer> own() {
        return done(3);
    }

    @Override
    public Coroutine<Integer> overridden() {
        return base();
    }
}

@SuppressWarnings("coro:JCORO-W002")
class InheritedAsyncQuiet implements InheritedAsync<String> {
    @Async
    public Coroutine<Integer> own() {
        return done(4);
    }
}
