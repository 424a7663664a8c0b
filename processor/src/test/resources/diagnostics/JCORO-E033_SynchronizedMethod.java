package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

class SynchronizedMethod {
    @Async
    synchronized Coroutine<Void> run() { // EXPECT: JCORO-E033 @Async method SynchronizedMethod.run() must not be synchronized: its monitor cannot be held across a suspension
        await(sleep(1));
        return done();
    }

    @Async
    public synchronized Coroutine<Integer> noAwait() { // EXPECT: JCORO-E033 @Async method SynchronizedMethod.noAwait() must not be synchronized
        return done(1);
    }

    // a synchronized block that holds no await keeps its monitor, as in plain Java
    @Async
    Coroutine<Boolean> block() {
        boolean held;
        synchronized (this) {
            held = Thread.holdsLock(this);
        }
        await(sleep(1));
        return done(held);
    }
}
