package io.jcoro.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose {@link AsyncTest @AsyncTest} methods are coroutines. JUnit then
 * instantiates the class the jcoro processor generated for it ({@code FooTest} gives
 * {@code FooTestCoroutines}, a subclass), so that {@code @BeforeEach} methods, fields and the
 * {@code @Async} test methods all live in one instance whose coroutines are lowered.
 *
 * <pre>{@code
 * @JcoroTest
 * class CacheTest {
 *     @AsyncTest @Async
 *     Coroutine<Void> entriesExpireAfterAnHour() {
 *         Cache cache = new Cache(Duration.ofHours(1));
 *         cache.put("k", "v");
 *         await(sleep(Duration.ofMinutes(61)));        // virtual time: returns at once
 *         assertNull(cache.get("k"));
 *         return done();
 *     }
 * }
 * }</pre>
 *
 * The class must not be final, as for any {@code @Async} type; a class without {@code @Async}
 * methods (a {@code @Nested} class, say) is instantiated as JUnit would.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(JcoroExtension.class)
public @interface JcoroTest {}
