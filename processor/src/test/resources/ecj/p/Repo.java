package p;

import static io.jcoro.Coro.*;

import io.jcoro.AsyncGenerator;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.io.IOException;
import java.util.List;

/** Every shape a generated class mirrors: type parameters, constructors, throws, varargs, generators. */
public abstract class Repo<K extends Comparable<K>, V> {
    final String name;

    public Repo(String name) {
        this.name = name;
    }

    protected Repo(String name, int... sizes) throws IOException {
        this(name + sizes.length);
    }

    Repo() {
        this(List.of());
    }

    private Repo(List<K> keys) {
        this("keys " + keys.size());
    }

    /** Not @Async: the generated class leaves it abstract. */
    protected abstract V load(K key);

    @Async
    public Coroutine<V> get(K key) throws IOException {
        await(sleep(1));
        return done(load(key));
    }

    @Async
    protected <X extends Number> Coroutine<List<X>> echo(X first, String... more) {
        return done(List.of(first));
    }

    @Async
    Coroutine<String> describe() {
        return done(name);
    }

    @Async
    public AsyncGenerator<K> keys(List<K> all) {
        for (K k : all) {
            emit(k);
        }
        return done();
    }
}
