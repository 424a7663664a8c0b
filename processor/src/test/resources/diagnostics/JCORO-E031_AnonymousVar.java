package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import static io.jcoro.Coro.*;

abstract class AnonymousVar {
    @Async
    Coroutine<Integer> run() {
        await(sleep(1));
        return done(count());
    }

    // not an @Async method: attributing the class for run() is what breaks it
    int count() {
        var counter = new Object() { int n; }; // EXPECT: JCORO-E031 'var counter' has a type that names an anonymous class
        counter.n++;
        var all = List.of(new Object() { }); // EXPECT: JCORO-E031 'var all' has a type that names an anonymous class
        Object named = new Object() { };
        return counter.n + all.size() + named.hashCode() * 0;
    }
}
