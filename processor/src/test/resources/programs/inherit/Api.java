package programs.inherit;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** An interface of coroutines: its implementations' generated classes lower these bodies too. */
public interface Api {
    Consumer<String> log();

    /** Not inherited by implementations: an inherited body must call it qualified. */
    static String joined(ArrayDeque<String> parts) {
        return String.join(",", parts);
    }

    @Async
    default Coroutine<String> fetch(int id) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (int i = 0; i < id; i++) {
            await(sleep(5));
            parts.add(Helpers.label(i));
        }
        log().accept("fetched " + id);
        return done(joined(parts));
    }

    @Async
    default Coroutine<Integer> fails(int id) {
        await(sleep(1));
        if (id > 0) {
            throw new IllegalStateException("bad " + id);
        }
        return done(id);
    }
}
