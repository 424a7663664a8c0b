package programs.inherit;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * The type that is instantiated: SubCoroutines lowers fetch, fails and step too. Its nested
 * Helpers would capture the simple name of the package's Helpers in an inherited body.
 */
public class Sub extends Base {
    private final Consumer<String> log;

    public Sub(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public Consumer<String> log() {
        return log;
    }

    static final class Helpers {
        static String label(int i) {
            return "wrong " + i;
        }
    }

    @Async
    public Coroutine<String> run() {
        String first = await(step(Mode.FAST));
        String second = await(step(Mode.SLOW));
        return done(first + " " + second + " " + await(fetch(2)));
    }
}
