package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

// a permits clause that leaves out the generated class
sealed interface SealedWithoutGenerated permits Circle, SealedWithoutGenerated.Square { // EXPECT: JCORO-E032 sealed diag.SealedWithoutGenerated does not permit SealedWithoutGeneratedCoroutines, the class the processor generates for its @Async methods
    final class Square implements SealedWithoutGenerated {}

    @Async
    default Coroutine<Integer> area() {
        return done(1);
    }
}

final class Circle implements SealedWithoutGenerated {}

// no permits clause: only the classes of this file are permitted, never a generated one
abstract sealed class ImplicitPermits { // EXPECT: JCORO-E032 sealed diag.ImplicitPermits does not permit ImplicitPermitsCoroutines
    @Async
    Coroutine<Void> run() {
        return done();
    }
}

final class Leaf extends ImplicitPermits {}

// a permitted subclass that is not itself sealed is an ordinary host
sealed interface Base permits Open {}

non-sealed class Open implements Base {
    @Async
    Coroutine<Void> run() {
        return done();
    }
}
