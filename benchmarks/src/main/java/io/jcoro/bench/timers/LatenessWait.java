package io.jcoro.bench.timers;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;

/** Waits for a promise (the lateness run's last timer). */
public interface LatenessWait {
    @Async
    default Coroutine<Void> until(Promise<Void> done) {
        await(done);
        return done();
    }
}
