package io.jcoro.bench.peers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Virtual threads from code compiled with {@code --release 17}: {@code Thread.startVirtualThread}
 * through a method handle. Available on JDK 21+; the benchmark forks set
 * {@code -Djdk.virtualThreadScheduler.parallelism=1} (one carrier, as our one loop thread).
 */
public final class VThreads {
    private static final MethodHandle START = lookup();

    private VThreads() {}

    private static MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            return null; // JDK 17
        }
    }

    public static boolean available() {
        return START != null;
    }

    public static Thread start(Runnable r) {
        if (START == null) {
            throw new UnsupportedOperationException("virtual threads need JDK 21+: " + Runtime.version());
        }
        try {
            return (Thread) START.invokeExact(r);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static void joinAll(Thread[] threads) {
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
