package programs.inherit;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;
import static programs.inherit.Base.Mode.SLOW;

/** A class between: its own coroutine awaits one it inherits, and switches over an enum. */
public abstract class Base implements Api {
    protected int count;

    public enum Mode { FAST, SLOW }

    @Async
    public Coroutine<String> step(Mode mode) {
        switch (mode) {
            case FAST:
                count++;
                break;
            case SLOW:
                await(sleep(10));
                count += 10;
                break;
        }
        String slow = mode == SLOW ? "slow" : "fast";
        return done(slow + ":" + count + ":" + await(fetch(1)));
    }
}
