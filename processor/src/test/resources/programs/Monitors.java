package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * A synchronized block that holds no await keeps its monitor in an @Async body, as in plain Java
 * (a synchronized @Async method is refused, JCORO-E033); nothing holds it across the await.
 */
public abstract class Monitors {
    protected final Consumer<String> log;
    protected final Object lock = new Object();

    protected Monitors(Consumer<String> log) {
        this.log = log;
    }

    @Async
    public Coroutine<String> guarded(int mode) {
        boolean inside;
        synchronized (this) {
            inside = Thread.holdsLock(this);
            log.accept("this held " + inside);
        }
        await(sleep(mode));
        log.accept("after await " + Thread.holdsLock(this) + " " + Thread.holdsLock(lock));
        synchronized (lock) {
            log.accept("lock held " + Thread.holdsLock(lock) + " " + Thread.holdsLock(this));
        }
        return done(inside + " " + Thread.holdsLock(this));
    }

    public String guardedPlain(int mode) {
        boolean inside;
        synchronized (this) {
            inside = Thread.holdsLock(this);
            log.accept("this held " + inside);
        }
        log.accept("after await " + Thread.holdsLock(this) + " " + Thread.holdsLock(lock));
        synchronized (lock) {
            log.accept("lock held " + Thread.holdsLock(lock) + " " + Thread.holdsLock(this));
        }
        return inside + " " + Thread.holdsLock(this);
    }
}
