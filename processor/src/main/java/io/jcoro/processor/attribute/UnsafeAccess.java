package io.jcoro.processor.attribute;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * {@code sun.misc.Unsafe}, through which the processor reads and writes the fields of javac's
 * objects: jdk.compiler does not export its packages to processors, so neither reflection nor
 * method handles may reach them, while Unsafe reaches any field by its offset (on JDK 24 and
 * later, the JVM warns once that it was used). {@link #load} is empty where Unsafe is missing.
 */
final class UnsafeAccess {
    private final Object unsafe;
    private final MethodHandle objectFieldOffset;
    private final MethodHandle getObject;
    private final MethodHandle putObject;
    private final MethodHandle allocateInstance;

    private UnsafeAccess(Object unsafe) throws ReflectiveOperationException {
        this.unsafe = unsafe;
        this.objectFieldOffset = handle("objectFieldOffset", Field.class);
        this.getObject = handle("getObject", Object.class, long.class);
        this.putObject = handle("putObject", Object.class, long.class, Object.class);
        this.allocateInstance = handle("allocateInstance", Class.class);
    }

    static Optional<UnsafeAccess> load() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field instance = unsafeClass.getDeclaredField("theUnsafe");
            instance.setAccessible(true); // jdk.unsupported opens sun.misc for this
            return Optional.of(new UnsafeAccess(instance.get(null)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    /** Unsafe's method {@code name}, bound to the instance. */
    MethodHandle handle(String name, Class<?>... parameterTypes) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().unreflect(unsafe.getClass().getMethod(name, parameterTypes)).bindTo(unsafe);
    }

    long offset(Field field) {
        try {
            return (long) objectFieldOffset.invoke(field);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot locate " + field, unavailable);
        }
    }

    Object get(Object object, long offset) {
        try {
            return getObject.invoke(object, offset);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot read a field of " + object.getClass().getName(), unavailable);
        }
    }

    void put(Object object, long offset, Object value) {
        try {
            putObject.invoke(object, offset, value);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot write a field of " + object.getClass().getName(), unavailable);
        }
    }

    /** A new object of {@code type}, with its fields zero and no constructor run. */
    Object allocate(Class<?> type) {
        try {
            return allocateInstance.invoke(type);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot make a " + type.getName(), unavailable);
        }
    }
}
