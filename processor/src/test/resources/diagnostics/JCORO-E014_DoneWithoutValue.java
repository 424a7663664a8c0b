package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

interface DoneWithoutValue {
    @Async
    default Coroutine<String> run() {
        await(sleep(1));
        return done(); // EXPECT: JCORO-E014 done() without a value in DoneWithoutValue.run, which returns Coroutine<java.lang.String>
    }

    @Async
    default Coroutine<? extends Number> bounded() {
        await(sleep(1));
        return done(); // EXPECT: JCORO-E014 done() without a value in DoneWithoutValue.bounded, which returns Coroutine<? extends java.lang.Number>
    }

    @Async
    default Coroutine<? super Integer> below() {
        return done(); // EXPECT: JCORO-E014 done() without a value in DoneWithoutValue.below, which returns Coroutine<? super java.lang.Integer>
    }

    // a result a Coroutine<Void> can stand for needs no value
    @Async
    default Coroutine<?> anything() {
        await(sleep(1));
        return done();
    }

    @Async
    default Coroutine<? extends Object> anyObject() {
        return done();
    }

    @Async
    default Coroutine<? super Void> atLeastVoid() {
        return done();
    }

    @Async
    default Coroutine<? extends Void> atMostVoid() {
        return done();
    }
}
