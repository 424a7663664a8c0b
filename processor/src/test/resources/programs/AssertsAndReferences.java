package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

/** Awaits in assert statements and in method-reference qualifiers, each with its plain twin. */
public abstract class AssertsAndReferences {
    protected final Consumer<String> log;

    protected AssertsAndReferences(Consumer<String> log) {
        this.log = log;
    }

    @Async
    protected Coroutine<Integer> value(int v, boolean suspend) {
        log.accept("value " + v);
        if (suspend) await(sleep(2));
        return done(v);
    }

    protected int valuePlain(int v, boolean suspend) {
        log.accept("value " + v);
        return v;
    }

    @Async
    protected Coroutine<String> text(String s, boolean suspend) {
        log.accept("text " + s);
        if (suspend) await(sleep(1));
        return done(s);
    }

    protected String textPlain(String s, boolean suspend) {
        log.accept("text " + s);
        return s;
    }

    /** The condition awaits; the detail awaits only when the condition is false. */
    @Async
    public Coroutine<String> asserts(int mode) {
        StringBuilder out = new StringBuilder();
        try {
            assert await(value(mode, true)) < 2 : "big " + await(value(mode * 10, mode % 2 == 0));
            out.append("first ");
            assert mode != 3 && await(value(mode, false)) >= 0 : mode * 100;
            out.append("second ");
            assert await(text("t" + mode, true)).length() < 2;
            out.append("third");
        } catch (AssertionError e) {
            out.append("caught ").append(e.getMessage());
        }
        log.accept("after");
        return done(out.toString());
    }

    public String assertsPlain(int mode) {
        StringBuilder out = new StringBuilder();
        try {
            assert valuePlain(mode, true) < 2 : "big " + valuePlain(mode * 10, mode % 2 == 0);
            out.append("first ");
            assert mode != 3 && valuePlain(mode, false) >= 0 : mode * 100;
            out.append("second ");
            assert textPlain("t" + mode, true).length() < 2;
            out.append("third");
        } catch (AssertionError e) {
            out.append("caught ").append(e.getMessage());
        }
        log.accept("after");
        return out.toString();
    }

    /** A failed assert in a loop, caught, with a char detail (AssertionError(char)). */
    @Async
    public Coroutine<String> assertInLoop(int mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mode; i++) {
            try {
                assert i % 2 == 0 : await(text("x" + i, true)).charAt(0);
                out.append(i);
            } catch (AssertionError e) {
                out.append('!').append(e.getMessage());
            }
        }
        return done(out.toString());
    }

    public String assertInLoopPlain(int mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mode; i++) {
            try {
                assert i % 2 == 0 : textPlain("x" + i, true).charAt(0);
                out.append(i);
            } catch (AssertionError e) {
                out.append('!').append(e.getMessage());
            }
        }
        return out.toString();
    }

    /**
     * The qualifier of a method reference is evaluated, and null-checked, where the reference
     * stands (JLS 15.13.3); the method runs only when the function is applied.
     */
    @Async
    public Coroutine<String> references(int mode) {
        Supplier<String> upper = await(text("ab" + mode, true))::toUpperCase;
        log.accept("made");
        Function<String, Boolean> starts = await(text(mode == 3 ? null : "a", mode % 2 == 0))::startsWith;
        log.accept("made again");
        Function<Integer, String> repeat = (await(value(mode, false)) > 1 ? "x" : "y")::repeat;
        return done(upper.get() + starts.apply("ab") + repeat.apply(mode));
    }

    public String referencesPlain(int mode) {
        Supplier<String> upper = textPlain("ab" + mode, true)::toUpperCase;
        log.accept("made");
        Function<String, Boolean> starts = textPlain(mode == 3 ? null : "a", mode % 2 == 0)::startsWith;
        log.accept("made again");
        Function<Integer, String> repeat = (valuePlain(mode, false) > 1 ? "x" : "y")::repeat;
        return upper.get() + starts.apply("ab") + repeat.apply(mode);
    }
}
