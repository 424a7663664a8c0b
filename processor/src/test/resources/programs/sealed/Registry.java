package programs.sealed;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A sealed member type permits its generated class, named after its nesting (here by its qualified name). */
public final class Registry {
    private Registry() {}

    public sealed interface Lookup permits programs.sealed.Registry_LookupCoroutines {
        @Async
        default Coroutine<String> find(String key) {
            await(sleep(1));
            return done("found " + key);
        }
    }
}
