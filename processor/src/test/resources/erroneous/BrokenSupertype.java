package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A subclass, generic, of a type whose @Async method has no Coroutine result (JCORO-E004): it inherits the method. */
final class BrokenSupertype {
    abstract static class Base {
        @Async
        protected String name() {
            return "x";
        }

        @Async
        protected Coroutine<Integer> size() {
            return done(1);
        }
    }

    abstract static class GenericSub<T> extends Base {
        @Async
        protected Coroutine<T> first(T t) {
            await(size());
            return done(t);
        }
    }

    abstract static class Sub extends Base {
        @Async
        protected Coroutine<Integer> twice() {
            return done(2 * await(size()));
        }
    }
}
