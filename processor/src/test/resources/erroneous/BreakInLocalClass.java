package erroneous;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** A break and a continue with no loop or switch around them in their class: javac 17 fails an assertion in its flow analysis. */
abstract class BreakInLocalClass {
    @Async
    protected Coroutine<Integer> run(int n) {
        for (int i = 0; i < n; i++) {
            Runnable r = new Runnable() {
                @Override
                public void run() {
                    break;
                }
            };
            class Local {
                void go() {
                    continue;
                }
            }
            await(sleep(1));
        }
        return done(n);
    }
}
