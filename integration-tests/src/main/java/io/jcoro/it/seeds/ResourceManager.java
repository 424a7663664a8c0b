package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 002's {@code ResourceManager}: acquires and releases resources asynchronously, keeping
 * the held ones in a dictionary.
 *
 * <pre>{@code
 * class ResourceManager:
 *     def __init__(self):
 *         self.resources = {}
 * }</pre>
 */
public abstract class ResourceManager {
    final Trace trace;
    // package-private, not private: the generated subclass's frames use it (JCORO-E016)
    final Map<Integer, Boolean> resources = new LinkedHashMap<>();
    /** Instrumentation: the most resources held at once. */
    int peak;

    protected ResourceManager(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** {@code ResourceManager()}: the generated subclass. */
    public static ResourceManager create(Trace trace) {
        return new ResourceManagerCoroutines(trace);
    }

    /** The resources held now (a copy). */
    public Map<Integer, Boolean> resources() {
        return Map.copyOf(resources);
    }

    /** The most resources held at once so far. */
    public int peak() {
        return peak;
    }

    /**
     * <pre>{@code
     * async def acquire(self, resource_id):
     *     await asyncio.sleep(1) # simulate acquisition time
     *     print(f"Acquired resource {resource_id}")
     *     self.resources[resource_id] = True
     * }</pre>
     */
    @Async
    public Coroutine<Void> acquire(int resourceId) {
        await(sleep(1000)); // simulate acquisition time
        trace.line("Acquired resource " + resourceId);
        resources.put(resourceId, true);
        peak = Math.max(peak, resources.size());
        return done();
    }

    /**
     * <pre>{@code
     * async def release(self, resource_id):
     *     await asyncio.sleep(1) # simulate release time
     *     print(f"Released resource {resource_id}")
     *     del self.resources[resource_id]
     * }</pre>
     */
    @Async
    public Coroutine<Void> release(int resourceId) {
        await(sleep(1000)); // simulate release time
        trace.line("Released resource " + resourceId);
        if (resources.remove(resourceId) == null) {
            throw new java.util.NoSuchElementException(String.valueOf(resourceId)); // Python's KeyError
        }
        return done();
    }
}
