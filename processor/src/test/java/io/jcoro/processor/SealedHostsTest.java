package io.jcoro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sealed type hosts coroutines once its permits clause lists the generated class (JCORO-E032
 * says so otherwise): the generated class is then a permitted subclass, final, or non-sealed
 * while abstract; permitted subclasses that are themselves open host coroutines as usual. On
 * javac 17 too, which would otherwise fail on the clause naming a class not generated yet.
 */
class SealedHostsTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        loader = CoroCompiler.compileCleanly("programs/sealed/Shape.java", "programs/sealed/Circle.java",
                "programs/sealed/Square.java", "programs/sealed/Polygon.java", "programs/sealed/Tile.java",
                "programs/sealed/Registry.java");
    }

    @Test
    void theGeneratedClassIsAFinalPermittedSubclass() throws Exception {
        Class<?> shape = load("Shape");
        Class<?> generated = load("ShapeCoroutines");
        assertTrue(Modifier.isFinal(generated.getModifiers()));
        assertTrue(java.util.Arrays.asList(shape.getPermittedSubclasses()).contains(generated));
        assertEquals("ShapeCoroutines:3", run(generated.getConstructor().newInstance(), "describe", 3));
    }

    @Test
    void anAbstractGeneratedClassIsNonSealedForTheUserToExtend() throws Exception {
        Class<?> generated = load("SquareCoroutines");
        assertTrue(Modifier.isAbstract(generated.getModifiers()));
        assertFalse(generated.isSealed());
        assertTrue(java.util.Arrays.asList(load("Square").getPermittedSubclasses()).contains(generated));
        Object tile = load("Tile").getConstructor().newInstance();
        assertEquals(9, run(tile, "area"));
        assertEquals("Tile:8", run(tile, "describe", 2));
    }

    @Test
    void anOpenPermittedSubclassHostsCoroutines() throws Exception {
        Object circle = load("CircleCoroutines").getConstructor().newInstance();
        assertEquals(Math.PI * 4, run(circle, "area", 2.0));
        assertEquals("CircleCoroutines:0", run(circle, "describe", 5)); // inherited, lowered in CircleCoroutines
    }

    @Test
    void aSealedMemberTypePermitsItsGeneratedClassByItsName() throws Exception {
        Class<?> generated = load("Registry_LookupCoroutines");
        assertTrue(Modifier.isFinal(generated.getModifiers()));
        assertEquals("found k", run(generated.getConstructor().newInstance(), "find", "k"));
    }

    /**
     * A subclass whose coroutines are attributed first attributes its sealed superclass with it,
     * while the superclass's permits clause still names a class not generated yet.
     */
    @Test
    void aSubclassAttributedBeforeItsSealedSuperclass() throws Exception {
        ClassLoader classes = CoroCompiler.compileCleanly("programs/sealed/order/Mid.java", "programs/sealed/order/Base.java");
        Object mid = classes.loadClass("programs.sealed.order.MidCoroutines").getConstructor().newInstance();
        Object base = classes.loadClass("programs.sealed.order.BaseCoroutines").getConstructor().newInstance();
        assertEquals(List.of(1, 2, 1), List.of(run(mid, "one"), run(mid, "two"), run(base, "one")));
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return loader.loadClass("programs.sealed." + name);
    }

    private static Object run(Object target, String method, Object... args) throws Exception {
        java.lang.reflect.Method found = java.util.Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length)
                .findFirst().orElseThrow();
        EventLoop loop = EventLoop.virtualTime();
        try {
            return loop.runUntilComplete((Coroutine<?>) found.invoke(target, args));
        } finally {
            loop.close();
        }
    }
}
