package io.jcoro.it.stress;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.Locale;

/**
 * Recursion through awaits and Errors in bodies, compiled by the processor; run by
 * {@link DeepRecursionStressTest} in a fresh JVM with the default stack, as {@code main}:
 * {@code sum N}, {@code fail N} or {@code overflow}. Prints one line of results.
 */
public interface Recursion {

    /** {@code n + (n - 1) + ... + 0}, one await per level; yields at the bottom. */
    @Async
    default Coroutine<Long> sum(int n) {
        if (n == 0) {
            await(yieldNow());
            return done(0L);
        }
        long rest = await(sum(n - 1));
        return done(n + rest);
    }

    /** Fails at the bottom; the failure crosses every level. */
    @Async
    default Coroutine<Long> sumThenFail(int n) {
        if (n == 0) {
            throw new IllegalStateException("bottom");
        }
        return done(n + await(sumThenFail(n - 1)));
    }

    /** A body that overflows the stack in plain Java, after one suspension. */
    @Async
    default Coroutine<Integer> overflow() {
        await(sleep(1));
        return done(deeper(0));
    }

    /** Plain recursion without end. */
    static int deeper(int n) {
        return deeper(n + 1) + 1;
    }

    static void main(String[] args) {
        Recursion r = Coro.create(Recursion.class);
        long started = System.nanoTime();
        String result;
        switch (args[0]) {
            case "sum" -> result = "sum=" + Coro.run(r.sum(Integer.parseInt(args[1])));
            case "fail" -> {
                try {
                    Coro.run(r.sumThenFail(Integer.parseInt(args[1])));
                    result = "no failure";
                } catch (IllegalStateException e) {
                    result = "failed, trace=" + e.getStackTrace().length;
                }
            }
            case "overflow" -> {
                try {
                    Coro.run(r.overflow());
                    result = "no failure";
                } catch (StackOverflowError e) {
                    // the JDK's stack-trace code still works after the first overflow of this JVM
                    result = "StackOverflowError, then a trace of " + new Throwable().getStackTrace().length;
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println(result + String.format(Locale.ROOT, " in %.2f s", (System.nanoTime() - started) / 1e9));
    }
}
