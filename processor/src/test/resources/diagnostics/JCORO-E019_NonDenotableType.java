package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface NonDenotableType {
    @Async
    default Coroutine<Integer> run() {
        var either = Math.random() > 2 ? 1 : "one"; // EXPECT: JCORO-E019 the type of 'either'
        await(sleep(1));
        return done(either.hashCode());
    }

    @Async
    default Coroutine<String> spilled() {
        return done(join(new Object() { }, await(word()))); // EXPECT: JCORO-E019 the type of 'new Object() { }'
    }

    @Async
    default Coroutine<String> word() {
        await(sleep(1));
        return done("w");
    }

    static String join(Object a, String b) {
        return a + b;
    }
}
