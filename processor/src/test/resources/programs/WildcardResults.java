package programs;

import io.jcoro.AsyncGenerator;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * Coroutines and generators whose result is a wildcard, each with a plain twin: the value each
 * completes with reaches the awaiting code whatever its run-time class.
 */
public abstract class WildcardResults {
    protected final Consumer<String> log;

    protected WildcardResults(Consumer<String> log) {
        this.log = log;
    }

    @Async
    public Coroutine<?> anything(int mode) {
        await(sleep(1));
        log.accept("anything " + mode);
        switch (mode) {
            case 0: return done("text");
            case 1: return done(42);
            case 2: return done(List.of(1, 2));
            case 3: return done(null);
            default: throw new IllegalArgumentException("mode " + mode);
        }
    }

    public Object anythingPlain(int mode) {
        log.accept("anything " + mode);
        switch (mode) {
            case 0: return "text";
            case 1: return 42;
            case 2: return List.of(1, 2);
            case 3: return null;
            default: throw new IllegalArgumentException("mode " + mode);
        }
    }

    @Async
    public Coroutine<? extends Number> number(int mode) {
        Number half = mode > 1 ? await(number(mode / 2)) : Integer.valueOf(mode);
        log.accept("half " + half);
        return done(mode % 2 == 0 ? half.doubleValue() * 2 : half.longValue() * 2 + 1);
    }

    public Number numberPlain(int mode) {
        Number half = mode > 1 ? numberPlain(mode / 2) : Integer.valueOf(mode);
        log.accept("half " + half);
        return mode % 2 == 0 ? half.doubleValue() * 2 : half.longValue() * 2 + 1;
    }

    /** A body may complete a {@code ? super Integer} result with any supertype of Integer. */
    @Async
    public Coroutine<? super Integer> lower(int mode) {
        await(sleep(1));
        if (mode == 0) return done(mode + 1);
        if (mode == 1) return done((Number) 2.5);
        return done((Object) ("object " + mode));
    }

    public Object lowerPlain(int mode) {
        if (mode == 0) return mode + 1;
        if (mode == 1) return (Number) 2.5;
        return (Object) ("object " + mode);
    }

    @Async
    public Coroutine<?> nothing(int mode) {
        await(sleep(mode));
        log.accept("nothing " + mode);
        return done();
    }

    public Object nothingPlain(int mode) {
        log.accept("nothing " + mode);
        return null;
    }

    @Async
    public <T> Coroutine<? extends List<T>> twice(T item) {
        await(sleep(1));
        return done(List.of(item, item));
    }

    @Async
    public <T extends Comparable<T>> Coroutine<? super T> larger(T a, T b) {
        await(sleep(1));
        return done(a.compareTo(b) >= 0 ? a : b);
    }

    /** Awaits wildcard results, keeping them across later awaits, from generic methods too. */
    @Async
    public Coroutine<String> awaiting(int mode) {
        var any = await(anything(mode % 4));
        Number n = await(number(mode));
        Object low = await(lower(mode % 3));
        List<String> pair = await(twice("p" + mode));
        Object max = await(larger(mode, 3));
        await(nothing(mode));
        return done(any + " " + n + " " + low + " " + pair + " " + max);
    }

    public String awaitingPlain(int mode) {
        var any = anythingPlain(mode % 4);
        Number n = numberPlain(mode);
        Object low = lowerPlain(mode % 3);
        List<String> pair = List.of("p" + mode, "p" + mode);
        Object max = Integer.compare(mode, 3) >= 0 ? mode : 3;
        nothingPlain(mode);
        return any + " " + n + " " + low + " " + pair + " " + max;
    }

    @Async
    public AsyncGenerator<?> mixed(int mode) {
        emit(mode);
        await(sleep(1));
        emit("two");
        if (mode > 1) emit(List.of(mode));
        return done();
    }

    @Async
    public AsyncGenerator<? extends CharSequence> texts(int mode) {
        for (int i = 0; i < mode; i++) {
            await(sleep(1));
            emit(i % 2 == 0 ? "s" + i : new StringBuilder("b").append(i));
        }
        return done();
    }

    @Async
    public Coroutine<List<String>> generators(int mode) {
        List<String> seen = new ArrayList<>();
        for (Object item : each(mixed(mode))) {
            log.accept("item " + item);
            seen.add(String.valueOf(item));
        }
        for (CharSequence text : each(texts(mode))) {
            seen.add(text + ":" + text.length());
        }
        return done(seen);
    }

    public List<String> generatorsPlain(int mode) {
        List<String> seen = new ArrayList<>();
        List<Object> items = new ArrayList<>(List.of(mode, "two"));
        if (mode > 1) items.add(List.of(mode));
        for (Object item : items) {
            log.accept("item " + item);
            seen.add(String.valueOf(item));
        }
        for (int i = 0; i < mode; i++) {
            CharSequence text = i % 2 == 0 ? "s" + i : new StringBuilder("b").append(i);
            seen.add(text + ":" + text.length());
        }
        return seen;
    }

    /** The class's own type variable in a wildcard result. */
    public static class Box<E> {
        final E content;

        public Box(E content) {
            this.content = content;
        }

        @Async
        public Coroutine<? extends E> get() {
            await(sleep(1));
            return done(content);
        }

        @Async
        public Coroutine<? super E> either(E other, boolean mine) {
            await(sleep(1));
            return done(mine ? content : other);
        }
    }
}
