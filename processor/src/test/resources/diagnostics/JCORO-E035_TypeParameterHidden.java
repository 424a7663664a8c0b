package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

abstract class TypeParameterHidden<E extends Exception, T> { // EXPECT: JCORO-E035 type parameter E of TypeParameterHidden has the name of a member type of TypeParameterHidden, which hides it in the body of the generated TypeParameterHiddenCoroutines
    enum E { A, B }

    @Async
    Coroutine<E> first() {
        await(sleep(1));
        return done(E.A);
    }
}

class HiddenBase {
    interface K {}
    private interface P {}
}

abstract class InheritedHidden<K, P> extends HiddenBase { // EXPECT: JCORO-E035 type parameter K of InheritedHidden
    @Async
    Coroutine<Integer> run() {
        await(sleep(1));
        return done(1);
    }
}
