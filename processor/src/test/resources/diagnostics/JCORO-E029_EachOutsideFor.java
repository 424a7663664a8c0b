package diag;

import io.jcoro.AsyncGenerator;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface EachOutsideFor {
    @Async
    default AsyncGenerator<Integer> numbers() {
        emit(1);
        return done();
    }

    @Async
    default Coroutine<Integer> run() {
        Iterable<Integer> all = each(numbers()); // EXPECT: JCORO-E029 each(...) can only be the iterable of an enhanced for
        return done(all.hashCode());
    }
}
