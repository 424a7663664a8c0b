package programs.inherit.other;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A superclass in another package than its subclass: what it names must be reachable from there. */
public abstract class Remote {
    protected int calls;

    protected String tag(int i) {
        return "r" + i;
    }

    public static final class Shared {
        private Shared() {}

        public static int twice(int n) {
            return 2 * n;
        }
    }

    @Async
    public Coroutine<String> remote(int n) {
        calls++;
        await(sleep(2));
        return done(tag(n) + ":" + calls + ":" + Shared.twice(n));
    }

    /** Names a package-private class: not lowered in a subclass of another package. */
    @Async
    public Coroutine<String> secret() {
        await(sleep(1));
        return done(Hidden.word());
    }
}
