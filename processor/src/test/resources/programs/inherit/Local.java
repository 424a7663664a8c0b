package programs.inherit;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import programs.inherit.other.Remote;
import static io.jcoro.Coro.*;

/** Inherits Remote's coroutines across packages: remote() is lowered here, secret() cannot be. */
public class Local extends Remote {
    @Async
    public Coroutine<String> run() {
        return done(await(remote(3)) + " " + await(remote(4)));
    }
}
