package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

class LocalTypeNamedLikeGenerated {
    @Async
    Coroutine<Integer> run() {
        class LocalTypeNamedLikeGeneratedCoroutines { // EXPECT: JCORO-E034 local class 'LocalTypeNamedLikeGeneratedCoroutines' has the name of LocalTypeNamedLikeGeneratedCoroutines, the class the processor generates to hold this body
            int n = 1;
        }
        await(sleep(1));
        return done(1);
    }

    @Async
    Coroutine<Integer> nested() {
        Runnable r = () -> {
            record LocalTypeNamedLikeGeneratedCoroutines(int n) {} // EXPECT: JCORO-E034 local record 'LocalTypeNamedLikeGeneratedCoroutines'
        };
        r.run();
        await(sleep(1));
        return done(2);
    }

    // any other name is fine, and so is this name outside @Async bodies
    @Async
    Coroutine<Integer> other() {
        await(sleep(1));
        class Helper {
            int n = 3;
        }
        return done(new Helper().n);
    }

    void plain() {
        class LocalTypeNamedLikeGeneratedCoroutines {
        }
        new LocalTypeNamedLikeGeneratedCoroutines();
    }
}
