package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class PrivateMember {
    private int count;

    @Async
    Coroutine<Integer> run() {
        await(sleep(1));
        return done(count); // EXPECT: JCORO-E016 the body of PrivateMember.run uses private member 'count', which the generated subclass cannot reach
    }
}
