package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.io.IOException;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** try/catch/finally around awaits, each with its plain twin (same body, awaits replaced by calls). */
public abstract class Exceptions {
    protected final Consumer<String> log;

    protected Exceptions(Consumer<String> log) {
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
    protected Coroutine<Integer> fail(String message, boolean suspend) throws IOException {
        log.accept("fail " + message);
        if (suspend) await(sleep(3));
        if (message.startsWith("io")) throw new IOException(message);
        throw new IllegalStateException(message);
    }

    protected int failPlain(String message, boolean suspend) throws IOException {
        log.accept("fail " + message);
        if (message.startsWith("io")) throw new IOException(message);
        throw new IllegalStateException(message);
    }

    @Async
    public Coroutine<String> catches(int mode) throws IOException {
        StringBuilder out = new StringBuilder();
        try {
            out.append(await(value(1, true)));
            if (mode == 1) out.append(await(fail("state", true)));
            if (mode == 2) out.append(await(fail("io", false)));
            if (mode == 3) throw new UnsupportedOperationException("direct");
            out.append("|try-end");
        } catch (IllegalStateException | UnsupportedOperationException e) {
            out.append("|caught ").append(e.getMessage()).append(await(value(2, true)));
        } catch (IOException e) {
            out.append("|io ").append(e.getMessage());
            if (mode == 2) throw new IOException("rethrown", e);
        } finally {
            out.append("|finally").append(await(value(3, mode != 0)));
            log.accept("finally ran: " + out);
        }
        return done(out.toString());
    }

    public String catchesPlain(int mode) throws IOException {
        StringBuilder out = new StringBuilder();
        try {
            out.append(valuePlain(1, true));
            if (mode == 1) out.append(failPlain("state", true));
            if (mode == 2) out.append(failPlain("io", false));
            if (mode == 3) throw new UnsupportedOperationException("direct");
            out.append("|try-end");
        } catch (IllegalStateException | UnsupportedOperationException e) {
            out.append("|caught ").append(e.getMessage()).append(valuePlain(2, true));
        } catch (IOException e) {
            out.append("|io ").append(e.getMessage());
            if (mode == 2) throw new IOException("rethrown", e);
        } finally {
            out.append("|finally").append(valuePlain(3, mode != 0));
            log.accept("finally ran: " + out);
        }
        return out.toString();
    }

    /** return, break and continue crossing nested finally blocks that await; a finally that overrides. */
    @Async
    @SuppressWarnings("finally")
    public Coroutine<String> crossings(int mode) throws IOException {
        StringBuilder out = new StringBuilder();
        outer:
        for (int i = 0; i < 3; i++) {
            try {
                try {
                    out.append("i").append(i);
                    if (mode == 0 && i == 1) continue outer;
                    if (mode == 1 && i == 1) break outer;
                    if (mode == 2 && i == 2) return done(out.append("|returned").toString());
                    if (mode == 3 && i == 0) await(fail("inner", true));
                    out.append(await(value(i, i == 1)));
                } finally {
                    out.append("|f1:").append(await(value(10 + i, true)));
                    if (mode == 4 && i == 1) return done(out.append("|override").toString());
                }
            } catch (IllegalStateException e) {
                out.append("|caught ").append(e.getMessage());
            } finally {
                out.append("|f2:").append(await(value(20 + i, i == 2)));
                if (mode == 5 && i == 2) throw new IllegalStateException("from finally");
            }
        }
        return done(out.toString());
    }

    @SuppressWarnings("finally")
    public String crossingsPlain(int mode) throws IOException {
        StringBuilder out = new StringBuilder();
        outer:
        for (int i = 0; i < 3; i++) {
            try {
                try {
                    out.append("i").append(i);
                    if (mode == 0 && i == 1) continue outer;
                    if (mode == 1 && i == 1) break outer;
                    if (mode == 2 && i == 2) return out.append("|returned").toString();
                    if (mode == 3 && i == 0) failPlain("inner", true);
                    out.append(valuePlain(i, i == 1));
                } finally {
                    out.append("|f1:").append(valuePlain(10 + i, true));
                    if (mode == 4 && i == 1) return out.append("|override").toString();
                }
            } catch (IllegalStateException e) {
                out.append("|caught ").append(e.getMessage());
            } finally {
                out.append("|f2:").append(valuePlain(20 + i, i == 2));
                if (mode == 5 && i == 2) throw new IllegalStateException("from finally");
            }
        }
        return out.toString();
    }
}
