package mutants;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import static io.jcoro.Coro.*;

/**
 * Names javac rejects but binds: a local of the method or an instance member of the type, named in a
 * static context of the body. javac's errors only, none repeated in the generated file.
 */
abstract class StaticContextReference {
    int field;

    void log(String s) {}

    @Async
    Coroutine<Void> inInterface(int n) {
        await(sleep(1));
        interface Local { default void run() { log("x" + n); } }
        return done();
    }

    @Async
    Coroutine<Void> inRecordMethod(int n) {
        await(sleep(1));
        record Pair(int a) { int sum() { return a + field; } }
        return done();
    }

    @Async
    Coroutine<Void> inEnumConstructor(int n) {
        int m = await(sleep(1)) == null ? n : 0;
        enum Mode { A; Mode() { System.out.println(m); } }
        return done();
    }

    @Async
    Coroutine<Void> inStaticMembersOfLocalClass(int n) {
        await(sleep(1));
        class Local {
            static int count = n;
            static void run() { log("static"); }
            static { System.out.println(field); }
        }
        return done();
    }
}
