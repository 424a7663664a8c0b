package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.Objects;

/**
 * Seed 000's {@code AsyncDatabase}, an async context manager. Python's {@code __aenter__} is
 * {@link #enter()}, awaited in the resource initialiser; {@code __aexit__} is
 * {@link #closeAsync()}, which the generated code awaits when the block is left, on every path:
 *
 * <pre>{@code
 * // async with AsyncDatabase("UserDB") as db:
 * //     result = await db.query("SELECT * FROM users")
 * try (AsyncDatabase db = await(AsyncDatabase.open(trace, "UserDB").enter())) {
 *     String result = await(db.query("SELECT * FROM users"));
 * }
 * }</pre>
 */
public abstract class AsyncDatabase implements AsyncCloseable {
    final Trace trace;
    final String name;
    // package-private, not private: the generated subclass's frames read and write it (JCORO-E016)
    boolean connected;

    protected AsyncDatabase(Trace trace, String name) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** {@code AsyncDatabase(name)}: a new, unconnected database (the generated subclass). */
    public static AsyncDatabase open(Trace trace, String name) {
        return new AsyncDatabaseCoroutines(trace, name);
    }

    public String name() {
        return name;
    }

    public boolean connected() {
        return connected;
    }

    /**
     * <pre>{@code
     * async def __aenter__(self):
     *     print(f"🔌 Connecting to {self.name}")
     *     await asyncio.sleep(0.1)  # Simulate connection time
     *     self.connected = True
     *     return self
     * }</pre>
     */
    @Async
    public Coroutine<AsyncDatabase> enter() {
        trace.line("🔌 Connecting to " + name);
        await(sleep(100)); // simulate connection time
        connected = true;
        return done(this);
    }

    /**
     * <pre>{@code
     * async def __aexit__(self, exc_type, exc_val, exc_tb):
     *     print(f"🔌 Disconnecting from {self.name}")
     *     await asyncio.sleep(0.05)  # Simulate cleanup time
     *     self.connected = False
     * }</pre>
     */
    @Async
    public Coroutine<Void> exit() {
        trace.line("🔌 Disconnecting from " + name);
        await(sleep(50)); // simulate cleanup time
        connected = false;
        return done();
    }

    /** {@code __aexit__}: awaited by the try-with-resources of an {@code @Async} body. */
    @Override
    public Awaitable<Void> closeAsync() {
        return exit();
    }

    /**
     * <pre>{@code
     * async def query(self, sql):
     *     if not self.connected:
     *         raise RuntimeError("Database not connected")
     *     await asyncio.sleep(0.2)  # Simulate query time
     *     return f"Results for: {sql}"
     * }</pre>
     */
    @Async
    public Coroutine<String> query(String sql) {
        if (!connected) {
            throw new IllegalStateException("Database not connected");
        }
        await(sleep(200)); // simulate query time
        return done("Results for: " + sql);
    }
}
