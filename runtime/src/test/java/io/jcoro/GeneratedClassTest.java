package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.fixtures.Greeter;
import io.jcoro.fixtures.GreeterCoroutines;
import io.jcoro.fixtures.Outer;
import org.junit.jupiter.api.Test;

/** {@link Coro#generatedClass}: the class itself, for code that instantiates it (a test framework). */
class GeneratedClassTest {

    @Test
    void generatedClassIsTheOneCreateInstantiates() {
        assertEquals(GreeterCoroutines.class, Coro.generatedClass(Greeter.class));
        assertEquals("io.jcoro.fixtures.Outer_InnerCoroutines", Coro.generatedClass(Outer.Inner.class).getName());
        assertEquals(Coro.create(Outer.Inner.class).getClass(), Coro.generatedClass(Outer.Inner.class));
    }

    @Test
    void aMissingGeneratedClassIsReportedAsCreateReportsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coro.generatedClass(Outer.NotProcessed.class));
        assertTrue(e.getMessage().startsWith("no generated class io.jcoro.fixtures.Outer_NotProcessedCoroutines"
                + " for io.jcoro.fixtures.Outer$NotProcessed: the jcoro annotation processor did not run"), e.getMessage());
    }
}
