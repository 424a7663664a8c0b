package programs;

import static io.jcoro.Coro.*;

import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;

/**
 * Every way a body can reach the instance its method runs on, one method each, and bodies that
 * reach nothing of it. Each awaits {@code gate} first, so that the instance is used after a
 * suspension.
 */
public abstract class Instances {
    protected String tag = "t";

    public class Inner {
        public String show() {
            return "inner:" + tag;
        }
    }

    public static class Nested {
        public String show() {
            return "nested";
        }
    }

    public String plain() {
        return "plain:" + tag;
    }

    @Async
    public Coroutine<String> explicitThis(Promise<String> gate) {
        String v = await(gate);
        return done(this.tag + v);
    }

    @Async
    public Coroutine<String> qualifiedThis(Promise<String> gate) {
        String v = await(gate);
        return done(Instances.this.tag + v);
    }

    @Async
    public Coroutine<String> field(Promise<String> gate) {
        String v = await(gate);
        return done(tag + v);
    }

    @Async
    public Coroutine<String> method(Promise<String> gate) {
        String v = await(gate);
        return done(plain() + v);
    }

    @Async
    public Coroutine<String> objectMethod(Promise<String> gate) {
        String v = await(gate);
        return done(getClass().getSimpleName() + v);
    }

    @Async
    public Coroutine<String> innerClass(Promise<String> gate) {
        String v = await(gate);
        return done(new Inner().show() + v);
    }

    @Async
    public Coroutine<String> innerConstructorReference(Promise<String> gate) {
        String v = await(gate);
        Supplier<Inner> make = Inner::new;
        return done(make.get().show() + v);
    }

    @Async
    public Coroutine<String> anonymousClass(Promise<String> gate) {
        String v = await(gate);
        Object anonymous = new Object() {
            @Override
            public String toString() {
                return plain();
            }
        };
        return done(anonymous + v);
    }

    @Async
    public Coroutine<String> lambda(Promise<String> gate) {
        String v = await(gate);
        Supplier<String> read = () -> tag;
        return done(read.get() + v);
    }

    @Async
    public Coroutine<String> localClass(Promise<String> gate) {
        String v = await(gate);
        class Local {
            String get() {
                return plain();
            }
        }
        return done(new Local().get() + v);
    }

    @Async
    public Coroutine<String> nothingOfIt(Promise<String> gate) {
        String v = await(gate);
        return done("none" + v);
    }

    @Async
    public Coroutine<String> staticMembersOnly(Promise<String> gate) {
        String v = await(gate);
        class Local {
            @Override
            public String toString() {
                return "local";
            }
        }
        Supplier<String> nested = () -> new Nested().show();
        return done(nested.get() + new Local() + String.valueOf(Math.max(1, 2)) + v);
    }

    /** Awaits {@code task}: a coroutine for a test to run the loop until the task is done. */
    @Async
    public Coroutine<Object> join(Task<?> task) {
        return done(await(task));
    }

    /** Lets every task made so far run up to its first suspension. */
    @Async
    public Coroutine<Void> settle() {
        await(yieldNow());
        return done();
    }
}
