package programs;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/** Failures crossing awaits, and task dumps: both name these lines (see the LINE markers). */
public abstract class Observed {
    /** The throw shares the await's line: the innermost frame is at it, by the throw or by its state. */
    @Async
    protected Coroutine<Integer> inner() {
        await(sleep(5)); throw new IllegalStateException("deep"); // LINE inner
    }

    @Async
    protected Coroutine<Integer> middle() {
        int v = await(inner()); // LINE middle
        return done(v);
    }

    @Async
    public Coroutine<Integer> outer() {
        return done(await(middle()) + 1); // LINE outer
    }

    @Async
    public Coroutine<String> dump() {
        Task<Integer> running = createTask(middle(), "worker");
        await(sleep(1)); // LINE dump
        String text = Coro.dumpTasks();
        running.cancel();
        return done(text);
    }
}
