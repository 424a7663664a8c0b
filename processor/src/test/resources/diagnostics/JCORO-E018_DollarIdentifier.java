package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface DollarIdentifier {
    @Async
    default Coroutine<Integer> run() {
        int a$b = 1; // EXPECT: JCORO-E018 identifier 'a$b' contains '$', which is reserved for generated code
        await(sleep(1));
        Supplier<Integer> s = () -> {
            int c$d = a$b; // EXPECT: JCORO-E018 identifier 'c$d' contains '$', which is reserved for generated code
            return c$d;
        };
        return done(s.get());
    }
}
