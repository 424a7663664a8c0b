package demo;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;

/** Compiled by PlainJavacTest with plain javac and only the processor jar on -processorpath. */
public interface Countdown {

    @Async
    default Coroutine<Integer> countdown(String name, int from) {
        int n = from;
        while (n > 0) {
            System.out.println(name + " " + n);
            await(sleep(10));
            n--;
        }
        return done(from);
    }

    @Async
    default Coroutine<Void> race() {
        List<Integer> results = await(gather(countdown("A", 3), countdown("B", 2)));
        System.out.println("done " + results);
        return done();
    }
}
