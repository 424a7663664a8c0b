package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.gatherSettled;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncQueue;
import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Outcome;
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

    /** Where this seed prints: for the objects it makes ({@link AsyncDatabase}). */
    protected final Trace trace() {
        return trace;
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

    // ------------------------------------------------------------ "Using Queues for Communication"

    /** The seed's items: {@code items = ["task-1", "task-2", "task-3"]}. */
    public static final List<String> QUEUE_ITEMS = List.of("task-1", "task-2", "task-3");

    /**
     * <pre>{@code
     * async def producer(queue, items):
     *     """Produce items and put them in queue"""
     *     for item in items:
     *         await queue.put(item)
     *         print(f"📦 Produced: {item}")
     *         await asyncio.sleep(0.1)
     *     await queue.put(None)  # Signal completion
     * }</pre>
     */
    @Async
    public Coroutine<Void> producer(AsyncQueue<String> queue, List<String> items) {
        for (String item : items) {
            await(queue.put(item)); // waits while the bounded queue is full: back-pressure
            log("📦 Produced: " + item);
            await(sleep(100));
        }
        await(queue.put(null)); // signal completion
        return done();
    }

    /**
     * <pre>{@code
     * async def consumer(queue, name):
     *     """Consume items from queue"""
     *     while True:
     *         item = await queue.get()
     *         if item is None:  # End signal
     *             break
     *         print(f"Processing {name}: {item}")
     *         await asyncio.sleep(0.2)  # Simulate processing
     * }</pre>
     */
    @Async
    public Coroutine<Void> consumer(AsyncQueue<String> queue, String name) {
        while (true) {
            String item = await(queue.get());
            if (item == null) { // end signal
                break;
            }
            log("Processing " + name + ": " + item);
            await(sleep(200)); // simulate processing
        }
        return done();
    }

    /**
     * <pre>{@code
     * async def queue_demo():
     *     queue = asyncio.Queue(maxsize=2)  # Bounded queue
     *     items = ["task-1", "task-2", "task-3"]
     *     await asyncio.gather(
     *         producer(queue, items),
     *         consumer(queue, "Worker-A")
     *     )
     * }</pre>
     */
    @Async
    public Coroutine<Void> queueDemo() {
        return done(await(queueDemo(QUEUE_ITEMS)));
    }

    /**
     * {@link #queueDemo()} with other items: with more than the seed's three, the producer (one
     * item per 100 ms) outruns the consumer (one per 200 ms), fills the queue and then waits at
     * its {@code put}: the bounded queue's back-pressure.
     */
    @Async
    public Coroutine<Void> queueDemo(List<String> items) {
        AsyncQueue<String> queue = new AsyncQueue<>(2); // bounded queue
        await(gather(producer(queue, items), consumer(queue, "Worker-A")));
        return done();
    }

    // ------------------------------------------------------------ "Async Context Managers"

    /**
     * <pre>{@code
     * async def database_operations():
     *     """Use database with proper cleanup"""
     *     async with AsyncDatabase("UserDB") as db:
     *         result = await db.query("SELECT * FROM users")
     *         return result
     * }</pre>
     */
    @Async
    public Coroutine<String> databaseOperations() {
        try (AsyncDatabase db = await(AsyncDatabase.open(trace(), "UserDB").enter())) {
            String result = await(db.query("SELECT * FROM users"));
            return done(result); // the database is closed (awaited) before the value is returned
        }
    }

    /**
     * The failure path of {@code async with}: the body raises, the database still disconnects,
     * and the body's exception leaves the block unchanged.
     *
     * <pre>{@code
     * async def failing_database_operations():
     *     async with AsyncDatabase("OrdersDB") as db:
     *         result = await db.query("SELECT * FROM orders")
     *         print(result)
     *         raise ValueError("bad row in orders")
     * }</pre>
     */
    @Async
    public Coroutine<String> failingDatabaseOperations() {
        try (AsyncDatabase db = await(AsyncDatabase.open(trace(), "OrdersDB").enter())) {
            String result = await(db.query("SELECT * FROM orders"));
            log(result);
            throw new IllegalArgumentException("bad row in orders");
        }
    }

    /**
     * The seed's {@code RuntimeError("Database not connected")}: a database used after its
     * block has been closed.
     *
     * <pre>{@code
     * async def query_after_close():
     *     async with AsyncDatabase("UserDB") as db:
     *         print(f"connected: {db.connected}")
     *     print(f"connected: {db.connected}")
     *     return await db.query("SELECT * FROM users")
     * }</pre>
     */
    @Async
    public Coroutine<String> queryAfterClose() {
        AsyncDatabase escaped;
        try (AsyncDatabase db = await(AsyncDatabase.open(trace(), "UserDB").enter())) {
            log("connected: " + db.connected());
            escaped = db;
        }
        log("connected: " + escaped.connected());
        return done(await(escaped.query("SELECT * FROM users")));
    }

    /**
     * {@link #databaseOperations()} as a task cancelled in the middle of its query: the block
     * is left by {@link CancelledError}, and the database still disconnects.
     *
     * <pre>{@code
     * async def cancelled_database_operations():
     *     task = asyncio.create_task(database_operations())
     *     await asyncio.sleep(0.15)
     *     task.cancel()
     *     try:
     *         await task
     *     except asyncio.CancelledError:
     *         print("database task cancelled")
     * }</pre>
     */
    @Async
    public Coroutine<Void> cancelledDatabaseOperations() {
        Task<String> task = createTask(databaseOperations());
        await(sleep(150));
        task.cancel();
        try {
            await(task);
        } catch (CancelledError e) {
            log("database task cancelled");
        }
        return done();
    }

    // ------------------------------------------------------------ "Error Handling in Coroutines"

    /**
     * The tasks of {@link #unreliableTask} that fail. The seed draws {@code random.random() < 0.3};
     * a fixed draw keeps this program and its Python twin in step.
     */
    public static final List<Integer> FAILING_TASKS = List.of(1, 3);

    /**
     * <pre>{@code
     * async def unreliable_task(task_id):
     *     await asyncio.sleep(0.5)
     *     if random.random() < 0.3:  # 30% chance of failure
     *         raise Exception(f"Task {task_id} failed!")
     *     return f"Task {task_id} succeeded"
     * }</pre>
     */
    @Async
    public Coroutine<String> unreliableTask(int taskId) {
        await(sleep(500));
        if (FAILING_TASKS.contains(taskId)) {
            throw new IllegalStateException("Task " + taskId + " failed!");
        }
        return done("Task " + taskId + " succeeded");
    }

    /**
     * <pre>{@code
     * async def robust_task_runner():
     *     tasks = [unreliable_task(i) for i in range(5)]
     *     results = await asyncio.gather(*tasks, return_exceptions=True)
     *     successes = []
     *     failures = []
     *     for i, result in enumerate(results):
     *         if isinstance(result, Exception):
     *             failures.append(f"Task {i}: {result}")
     *         else:
     *             successes.append(result)
     *     print(f"Successes: {len(successes)}")
     *     print(f"Failures: {len(failures)}")
     * }</pre>
     *
     * <p>Also prints each success and failure, so that a trace shows which is which.
     */
    @Async
    public Coroutine<Void> robustTaskRunner() {
        List<Coroutine<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(unreliableTask(i));
        }
        // gatherSettled is gather(..., return_exceptions=True)
        List<Outcome<String>> results = await(gatherSettled(tasks));
        List<String> successes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Outcome<String> result = results.get(i);
            if (result instanceof Outcome.Failure<String> failure) {
                failures.add("Task " + i + ": " + failure.error().getMessage());
            } else if (result instanceof Outcome.Success<String> success) {
                successes.add(success.value());
            }
        }
        successes.forEach(this::log);
        failures.forEach(this::log);
        log("Successes: " + successes.size());
        log("Failures: " + failures.size());
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
