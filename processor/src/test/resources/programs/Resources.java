package programs;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * try-with-resources around awaits (JLS 14.20.3): async resources are closed by awaiting
 * closeAsync, plain ones by close(); each program has a plain twin whose resources close
 * synchronously with the same log lines and the same failures.
 */
@SuppressWarnings("try") // the resources exist only to be opened and closed
public abstract class Resources {
    protected final Consumer<String> log;

    protected Resources(Consumer<String> log) {
        this.log = log;
    }

    /** An async resource: closing it takes a loop trip and may fail. */
    public final class Db implements AsyncCloseable {
        final String name;
        final boolean failClose;

        Db(String name, boolean failClose) {
            this.name = name;
            this.failClose = failClose;
            log.accept("open " + name);
        }

        @Override
        public Awaitable<Void> closeAsync() {
            return closeDb(name, failClose);
        }
    }

    /** The plain twin's resource: the same lines, closing at once. */
    public final class PlainDb implements AutoCloseable {
        final String name;
        final boolean failClose;

        PlainDb(String name, boolean failClose) {
            this.name = name;
            this.failClose = failClose;
            log.accept("open " + name);
        }

        @Override
        public void close() {
            log.accept("close " + name);
            if (failClose) throw new IllegalStateException("close " + name);
        }
    }

    @Async
    protected Coroutine<Void> closeDb(String name, boolean fail) {
        log.accept("close " + name);
        await(sleep(5));
        if (fail) throw new IllegalStateException("close " + name);
        return done();
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
    public Coroutine<String> run(int mode) {
        StringBuilder out = new StringBuilder();
        try (Db a = new Db("a", mode == 3 || mode == 4); Db b = new Db("b", false)) {
            out.append(await(value(1, true)));
            if (mode == 1 || mode == 4) throw new IllegalStateException("body");
            if (mode == 2) return done(out.append("|early").toString());
            out.append(await(value(2, false)));
        } catch (IllegalStateException e) {
            out.append("|caught ").append(e.getMessage()).append(" suppressed=").append(e.getSuppressed().length);
        } finally {
            out.append("|finally");
        }
        PlainDb shared = new PlainDb("sync", mode == 5);
        try (shared) {
            out.append(await(value(3, true)));
        }
        return done(out.toString());
    }

    public String runPlain(int mode) {
        StringBuilder out = new StringBuilder();
        try (PlainDb a = new PlainDb("a", mode == 3 || mode == 4); PlainDb b = new PlainDb("b", false)) {
            out.append(valuePlain(1, true));
            if (mode == 1 || mode == 4) throw new IllegalStateException("body");
            if (mode == 2) return out.append("|early").toString();
            out.append(valuePlain(2, false));
        } catch (IllegalStateException e) {
            out.append("|caught ").append(e.getMessage()).append(" suppressed=").append(e.getSuppressed().length);
        } finally {
            out.append("|finally");
        }
        PlainDb shared = new PlainDb("sync", mode == 5);
        try (shared) {
            out.append(valuePlain(3, true));
        }
        return out.toString();
    }

    /** A return leaving through a kept try-with-resources whose close fails: the failure wins. */
    @Async
    public Coroutine<String> returnThroughFailingClose(int mode) {
        try (Db outer = new Db("outer", false)) {
            await(value(mode, true));
            try (PlainDb inner = new PlainDb("inner", true)) {
                return done("returned");
            }
        }
    }

    public String returnThroughFailingClosePlain(int mode) {
        try (PlainDb outer = new PlainDb("outer", false)) {
            valuePlain(mode, true);
            try (PlainDb inner = new PlainDb("inner", true)) {
                return "returned";
            }
        }
    }

    /** The return is withdrawn when a kept catch swallows the failing close; the loop after must not jump. */
    @Async
    public Coroutine<String> swallowedCloseFailure(int mode) {
        StringBuilder out = new StringBuilder();
        try (Db outer = new Db("outer", false)) {
            await(value(mode, true));
            try (PlainDb inner = new PlainDb("inner", true)) {
                if (mode >= 0) return done("returned");
            } catch (IllegalStateException e) {
                out.append("caught ").append(e.getMessage());
            }
            int i = 0;
            while (i < 2) {
                out.append(await(value(i, true)));
                i++;
            }
        }
        return done(out.toString());
    }

    public String swallowedCloseFailurePlain(int mode) {
        StringBuilder out = new StringBuilder();
        try (PlainDb outer = new PlainDb("outer", false)) {
            valuePlain(mode, true);
            try (PlainDb inner = new PlainDb("inner", true)) {
                if (mode >= 0) return "returned";
            } catch (IllegalStateException e) {
                out.append("caught ").append(e.getMessage());
            }
            int i = 0;
            while (i < 2) {
                out.append(valuePlain(i, true));
                i++;
            }
        }
        return out.toString();
    }
}
