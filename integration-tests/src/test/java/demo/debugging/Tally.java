package demo.debugging;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;

/**
 * A program that DebuggerTest runs under a debugger, as a user's program: the comments
 * {@code // line:name} name the lines the test sets its breakpoints on.
 */
public interface Tally {

    @Async
    default Coroutine<Integer> tally(int upTo) {       // line:tally
        int total = 0;                                  // line:start
        for (int i = 1; i <= upTo; i++) {               // line:loop
            await(sleep(1));                            // line:await
            total += i;                                 // line:add
        }
        int doubled = await(twice(total));              // line:inline
        Runnable report = () -> {                       // line:report
            System.out.println("doubled " + doubled);   // line:lambda
        };
        report.run();
        return done(doubled);                           // line:done
    }

    @Async
    default Coroutine<Integer> twice(int n) {
        return done(2 * n);                             // line:twice
    }

    @Async
    default Coroutine<Void> failLater() {
        await(sleep(1));
        throw new IllegalStateException("late");        // line:throw
    }

    static void main(String[] args) {
        Tally tally = new TallyCoroutines();
        System.out.println("tally " + Coro.run(tally.tally(2)));
        try {
            Coro.run(tally.failLater());
        } catch (IllegalStateException expected) {
            for (StackTraceElement element : expected.getStackTrace()) {
                System.out.println("at " + element);
            }
        }
    }
}
