package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 000, "Coroutines Fundamentals", in the jcoro DSL: the seed's {@code print} calls go to
 * {@link #log}, so that the tests can compare the sequence of lines with the Python twin
 * ({@code src/test/resources/oracle/fundamentals.py}). The processor generates
 * {@code FundamentalsCoroutines}, which mirrors the constructor:
 *
 * <pre>{@code
 * Fundamentals seed = new FundamentalsCoroutines(Trace.to(System.out));
 * String result = Coro.run(seed.simpleCoroutine());   // "Done", after one second
 * }</pre>
 *
 * <p>Besides the seed's own output, {@code fetchUser} and {@code processUser} say when they start
 * (the Python twin says the same), so that a trace shows what ran concurrently and what ran
 * inline.
 */
public abstract class Fundamentals {
    private final Trace trace;

    protected Fundamentals(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed's {@code print}. */
    protected final void log(String line) {
        trace.line(line);
    }

    // ------------------------------------------------------------ "Understanding Coroutines"

    /**
     * <pre>{@code
     * async def simple_coroutine():
     *     print("Coroutine started")
     *     await asyncio.sleep(1)  # Pause here
     *     print("Coroutine resumed")
     *     return "Done"
     * }</pre>
     */
    @Async
    public Coroutine<String> simpleCoroutine() {
        log("Coroutine started");
        await(sleep(1000)); // pause here: the loop runs others meanwhile
        log("Coroutine resumed");
        return done("Done");
    }

    // ------------------------------------------------------------ "Coroutine Communication"

    /**
     * <pre>{@code
     * async def fetch_user(user_id):
     *     await asyncio.sleep(0.5)  # Simulate API call
     *     return {"id": user_id, "name": f"User {user_id}", "email": f"user{user_id}@example.com"}
     * }</pre>
     */
    @Async
    public Coroutine<User> fetchUser(int id) {
        log("Fetching user " + id);
        await(sleep(500)); // simulate an API call
        return done(new User(id, "User " + id, "user" + id + "@example.com"));
    }

    /**
     * <pre>{@code
     * async def process_user(user_id):
     *     user = await fetch_user(user_id)
     *     user["processed"] = True
     *     return user
     * }</pre>
     */
    @Async
    public Coroutine<User> processUser(int id) {
        log("Processing user " + id);
        User user = await(fetchUser(id)); // runs inline, on this task: no loop trip
        user.markProcessed();
        return done(user);
    }

    /**
     * <pre>{@code
     * async def main():
     *     # Process multiple users concurrently
     *     user_ids = [1, 2, 3]
     *     tasks = [process_user(uid) for uid in user_ids]
     *     users = await asyncio.gather(*tasks)
     *     for user in users:
     *         print(f"Processed: {user['name']}")
     * }</pre>
     */
    @Async
    public Coroutine<Void> main() {
        List<Integer> userIds = List.of(1, 2, 3);
        List<Coroutine<User>> tasks = new ArrayList<>();
        for (int id : userIds) {
            tasks.add(processUser(id));
        }
        List<User> users = await(gather(tasks));
        for (User user : users) {
            log("Processed: " + user.name());
        }
        return done();
    }

    // ------------------------------------------------------------ concurrency, made visible

    /** Says when it starts and ends; sleeps {@code millis} in between. */
    @Async
    public Coroutine<Integer> nap(int n, long millis) {
        log("nap " + n + " start");
        await(sleep(millis));
        log("nap " + n + " end");
        return done(n);
    }

    /** Three 100 ms naps, gathered: they overlap, so all three end at 100 ms, not 300 ms. */
    @Async
    public Coroutine<List<Integer>> threeNaps() {
        List<Integer> naps = await(gather(nap(1, 100), nap(2, 100), nap(3, 100)));
        log("naps done: " + naps);
        return done(naps);
    }

    // ------------------------------------------------------------ inline await, made visible

    /**
     * Awaits {@link #processUser} while another task, created just before, is ready to run. If
     * awaiting a coroutine went through the loop, "other task ran" would come before
     * "Processing user"; as Python's {@code await coro}, it runs inline, so the other task runs
     * only when {@code fetchUser} suspends in its sleep.
     */
    @Async
    public Coroutine<User> processUserBesideReadyTask(int id) {
        Task<Void> other = createTask(say("other task ran"));
        User user = await(processUser(id));
        await(other);
        return done(user);
    }

    /** Logs one line and ends. */
    @Async
    public Coroutine<Void> say(String line) {
        log(line);
        return done();
    }
}
