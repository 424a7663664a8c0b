package programs;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.TaskGroup;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** 'async with' whose block has no await of its own: leaving it still awaits closeAsync. */
@SuppressWarnings("try") // resources opened only to be closed
public abstract class AsyncWith {
    protected final Consumer<String> log;

    protected AsyncWith(Consumer<String> log) {
        this.log = log;
    }

    final class Res implements AsyncCloseable {
        @Override
        public Awaitable<Void> closeAsync() {
            log.accept("closeAsync");
            return Promise.completed(null);
        }
    }

    @Async
    protected Coroutine<String> child() {
        await(sleep(10));
        return done("child");
    }

    @Async
    public Coroutine<String> taskGroup() throws Exception {
        Task<String> t;
        try (TaskGroup tg = new TaskGroup()) {
            t = tg.createTask(child());
        }
        return done(t.result());
    }

    @Async
    public Coroutine<String> plainBody() {
        try (Res r = new Res()) {
            log.accept("body");
        }
        return done("after");
    }
}
