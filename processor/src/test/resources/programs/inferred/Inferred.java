package programs.inferred;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * Lambdas whose implicit parameters have captured wildcard types, and vars of anonymous classes,
 * in @Async bodies and in plain methods of the same class: javac infers types without a name for
 * them, which the processor must give back before javac compiles the class again.
 */
public abstract class Inferred extends Base {
    protected Inferred(Consumer<String> log) {
        super(log);
    }

    @Async
    protected Coroutine<Integer> value(int v) {
        if (v % 2 == 0) await(sleep(1));
        return done(v);
    }

    protected int valuePlain(int v) {
        return v;
    }

    @Async
    public Coroutine<String> run(int mode) {
        List<? extends Number> numbers = List.of(mode, mode + 1, mode + 2);
        StringBuilder out = new StringBuilder();
        numbers.forEach(n -> out.append(n.intValue()).append(','));
        int got = await(value(mode));
        var counter = new Object() {
            int n = got;
        };
        counter.n += numbers.size();
        Map<String, ? super Integer> map = new TreeMap<String, Number>(Map.of("a", got, "b", 2));
        map.forEach((k, v) -> log.accept(k + "=" + v));
        for (var entry : map.entrySet()) {
            out.append(entry.getKey());
        }
        BiFunction<Integer, Integer, Integer> add = (var a, var b) -> a + b;
        return done(out + " " + counter.n + " " + add.apply(got, 1) + " " + plain(List.of("xy", "z")));
    }

    public String runPlain(int mode) {
        List<? extends Number> numbers = List.of(mode, mode + 1, mode + 2);
        StringBuilder out = new StringBuilder();
        numbers.forEach(n -> out.append(n.intValue()).append(','));
        int got = valuePlain(mode);
        var counter = new Object() {
            int n = got;
        };
        counter.n += numbers.size();
        Map<String, ? super Integer> map = new TreeMap<String, Number>(Map.of("a", got, "b", 2));
        map.forEach((k, v) -> log.accept(k + "=" + v));
        for (var entry : map.entrySet()) {
            out.append(entry.getKey());
        }
        BiFunction<Integer, Integer, Integer> add = (var a, var b) -> a + b;
        return out + " " + counter.n + " " + add.apply(got, 1) + " " + plain(List.of("xy", "z"));
    }

    public int plain(List<? extends CharSequence> texts) {
        var all = List.of(new Object() {
            int n = 1;
        });
        return lengths(texts) + all.get(0).n;
    }
}
