package mutants;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/**
 * Trees javac adds to a body, which have no text in the file: a local record's implicit canonical
 * constructor (its parameter types copied from the components), a compact constructor's
 * parameters, an anonymous class's constructor. In a body the subclass inherits, where every type
 * name is written qualified: no JCORO-E023.
 */
abstract class SynthesizedTreesInInheritedBody {
    static class Holder {
        Holder(Holder other, String name) {}
    }

    static class Base {
        @Async
        Coroutine<Integer> delegating() {
            await(sleep(1));
            record Pair(int a, String b) { Pair(int a) { this(a, ""); } }
            return done(new Pair(1).a());
        }

        @Async
        Coroutine<Integer> compact() {
            await(sleep(1));
            record Range(Holder lo, String hi) { Range { hi = hi + "!"; } }
            return done(new Range(null, "x").hi().length());
        }

        @Async
        Coroutine<Integer> anonymous() {
            await(sleep(1));
            var holder = new Holder(null, "x") {};
            return done(holder == null ? 0 : 1);
        }
    }

    static class Mid extends Base {
        @Async
        Coroutine<Integer> two() {
            return done(2);
        }
    }
}
