package diag;

import io.jcoro.AsyncGenerator;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

interface DoneValueInGenerator {
    @Async
    default AsyncGenerator<Integer> numbers() {
        emit(1);
        return done(2); // EXPECT: JCORO-E028 done(value) cannot end the async generator DoneValueInGenerator.numbers
    }
}
