package io.jcoro.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method that is an {@code @Async} coroutine ({@code Coroutine<?>}), in a class marked
 * {@link JcoroTest @JcoroTest}. The kit runs it as a task on a fresh event loop, by default on
 * virtual time: whenever every task waits for a timer, the clock jumps to the next one (Trio's
 * autojump clock, kotlinx-coroutines-test's {@code runTest}), so an hour of sleeps runs in
 * milliseconds. {@link TestTime} advances time by hand where the order of wake-ups matters.
 *
 * <p>The test fails, besides failing itself, when
 * <ul>
 *   <li>a task it started is not done when it returns (the failure lists each leaked task at its
 *       lines in your source; cancel or await what you start);</li>
 *   <li>a task failed and nobody retrieved its exception, or a callback threw (the failure has the
 *       original exception as its cause);</li>
 *   <li>it runs longer than {@link #realTimeoutMillis()} of real time or
 *       {@link #virtualTimeoutMillis()} of virtual time (the failure lists the tasks and where
 *       each waits).</li>
 * </ul>
 *
 * <p>JUnit allows only {@code void} {@code @Test} methods, so this annotation is a
 * {@link TestFactory @TestFactory} whose one dynamic test runs the coroutine: a report shows the
 * method with one test under it. {@code @BeforeEach} and {@code @AfterEach} methods run before and
 * after it, on the same instance.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestFactory
@ExtendWith(JcoroExtension.class)
public @interface AsyncTest {

    /**
     * Runs the test on a loop on the system clock instead of virtual time: sleeps take real time,
     * and {@link TestTime}'s {@code advance...} and {@code runCurrent} fail.
     */
    boolean realTime() default false;

    /** The test fails (with a dump of its tasks) after this much real time; 0: never. */
    long realTimeoutMillis() default 60_000;

    /** The test fails (with a dump of its tasks) once its clock passes this much virtual time;
     *  0: never. Ignored with {@link #realTime()}. */
    long virtualTimeoutMillis() default 0;
}
