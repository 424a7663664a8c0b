package io.jcoro;

import static io.jcoro.Coro.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed tutorial's "Async Context Managers" pattern (seeds/000: AsyncDatabase) with hand-written
 * frames: connect, query, and disconnect on every path. Twin: twins/seed_context_manager.py. (The
 * seed's producer/consumer is in {@link AsyncQueueTest}; gather with failures in
 * {@link GatherTest}; cancellation with clean-up in {@link CancellationTest} and
 * {@link TimeoutTest}.)
 */
@SuppressWarnings({"fallthrough", "unchecked"})
class SeedPatternsTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    /** {@code class AsyncDatabase}: __aenter__ is {@link #connect()}, __aexit__ is closeAsync. */
    final class AsyncDatabase implements AsyncCloseable {
        final String name;
        boolean connected;

        AsyncDatabase(String name) {
            this.name = name;
        }

        Coroutine<AsyncDatabase> connect() {
            return Frames.of("connect", x -> {
                trace.add(t() + " connecting to " + name);
                return sleep(100);
            }, x -> {
                connected = true;
                return Frames.ret(this);
            });
        }

        Coroutine<String> query(String sql) {
            return Frames.of("query", x -> {
                if (!connected) {
                    throw new IllegalStateException("Database not connected");
                }
                return sleep(200);
            }, x -> Frames.ret("Results for: " + sql));
        }

        @Override
        public Awaitable<Void> closeAsync() {
            return Frames.of("disconnect", x -> {
                trace.add(t() + " disconnecting from " + name);
                return sleep(50);
            }, x -> {
                connected = false;
                return Frames.ret(null);
            });
        }
    }

    private long t() {
        return loop.time() / 1_000_000;
    }

    /** {@code async with AsyncDatabase("UserDB") as db: return await db.query(sql)}. */
    private Coroutine<Object> databaseOperations(String sql, boolean fail) {
        AsyncDatabase db = new AsyncDatabase("UserDB");
        return Frames.of("database_operations",
                x -> db.connect(),
                x -> AsyncWith.of(() -> db, d -> Frames.of("body", y -> d.query(sql), y -> {
                    if (fail) {
                        throw new IllegalArgumentException("bad row");
                    }
                    return Frames.ret(y);
                })),
                x -> Frames.ret(x));
    }

    @Test
    void asyncContextManagerDisconnectsAfterTheQuery() {
        Object r = loop.runUntilComplete(databaseOperations("SELECT * FROM users", false));
        assertEquals("Results for: SELECT * FROM users", r);
        // twin: ['0 connecting to UserDB', '300 disconnecting from UserDB'] at 350
        assertEquals(List.of("0 connecting to UserDB", "300 disconnecting from UserDB"), trace);
        assertEquals(350, t());
    }

    @Test
    void asyncContextManagerDisconnectsWhenTheBodyFails() {
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(databaseOperations("x", true)));
        assertEquals(List.of("0 connecting to UserDB", "300 disconnecting from UserDB"), trace);
    }
}
