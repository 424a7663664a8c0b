package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

abstract class PrivateMember {
    private int count;

    private int twice(int n) {
        return 2 * n;
    }

    /** A nested type's private members: Java lets the whole top-level class reach them, the generated class not. */
    static final class Box {
        private final int size;
        private Box(int size) {
            this.size = size;
        }
        private static Box of(int size) {
            return new Box(size);
        }
    }

    record Pair(int left, int right) {}

    @Async
    Coroutine<Integer> run() {
        await(sleep(1));
        return done(count); // EXPECT: JCORO-E016 the body of PrivateMember.run uses private member 'count', which the generated subclass cannot reach
    }

    @Async
    Coroutine<Integer> qualified(Box box, Pair pair) {
        await(sleep(1));
        int a = this.count; // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'count', which the generated subclass cannot reach
        int b = this.twice(a); // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'twice', which the generated subclass cannot reach
        int c = box.size; // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'size', which the generated subclass cannot reach
        int d = pair.left; // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'left', which the generated subclass cannot reach
        Box e = Box.of(b); // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'of', which the generated subclass cannot reach
        Box f = new Box(c); // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'Box', which the generated subclass cannot reach
        Supplier<Integer> g = () -> box.size; // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'size', which the generated subclass cannot reach
        java.util.function.IntFunction<Box> h = Box::of; // EXPECT: JCORO-E016 the body of PrivateMember.qualified uses private member 'of', which the generated subclass cannot reach
        return done(a + b + c + d + e.hashCode() + f.hashCode() + g.get() + h.hashCode() + pair.right());
    }

    /** What stays reachable: members that are not private, and private members of types declared in the body. */
    @Async
    Coroutine<Integer> reachable(Pair pair) {
        await(sleep(1));
        class Counter {
            private int n;
            private Counter(int n) {
                this.n = n;
            }
        }
        Counter counter = new Counter(pair.left());
        Object anonymous = new Object() {
            private final int m = 1;
        };
        return done(counter.n + pair.right() + anonymous.hashCode());
    }
}
