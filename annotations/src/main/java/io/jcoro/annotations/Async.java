package io.jcoro.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a coroutine method: the jcoro processor lowers its body to a state machine.
 *
 * <p>Allowed on default methods of an interface and on non-private, non-static, non-final
 * methods of an abstract or non-final class (top-level or static nested). The method returns
 * {@code io.jcoro.Coroutine<T>}. Its body may use the verbs of {@code io.jcoro.Coro}:
 *
 * <pre>{@code
 * public interface Users {
 *     @Async
 *     default Coroutine<User> fetchUser(int id) {
 *         await(sleep(Duration.ofMillis(500)));
 *         return done(new User(id, "User " + id));
 *     }
 * }
 * }</pre>
 *
 * <p>The processor generates {@code UsersCoroutines}, an implementation that overrides each
 * {@code @Async} method; calling the method creates a coroutine and runs nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
