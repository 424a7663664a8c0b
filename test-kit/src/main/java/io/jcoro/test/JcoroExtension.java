package io.jcoro.test;

import io.jcoro.Coro;
import io.jcoro.Coroutine;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstanceFactory;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstantiationException;

/**
 * The JUnit 5 extension behind {@link JcoroTest} and {@link AsyncTest}.
 *
 * <p>As a {@link TestInstanceFactory} it makes each test instance an instance of the class the
 * processor generated for the test class (found by {@link Coro#generatedClass}), through its
 * mirrored constructor, whose parameters JUnit resolves as it would the test class's: so a call
 * of an {@code @Async} test method returns a lowered coroutine. A class without a generated class
 * is instantiated as it is.
 *
 * <p>As an {@link InvocationInterceptor} it takes the call of an {@code @AsyncTest} method (a
 * {@code @TestFactory} to JUnit, since a {@code @Test} must be void): the call makes the
 * coroutine, which runs nothing, and the one dynamic test returned runs it ({@link TestRun}).
 */
public final class JcoroExtension implements TestInstanceFactory, InvocationInterceptor {

    @Override
    public Object createTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext extensionContext) {
        Class<?> testClass = factoryContext.getTestClass();
        Class<?> instanceClass = Modifier.isStatic(testClass.getModifiers()) || testClass.getEnclosingClass() == null
                ? generatedOrSelf(testClass) : testClass; // an inner (@Nested) class has no generated class
        Constructor<?> constructor = onlyConstructor(instanceClass);
        return extensionContext.getExecutableInvoker().invoke(constructor, factoryContext.getOuterInstance().orElse(null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        Method method = invocationContext.getExecutable();
        AsyncTest settings = method.getAnnotation(AsyncTest.class);
        if (settings == null) {
            return invocation.proceed(); // a plain @TestFactory
        }
        Object instance = invocationContext.getTarget().orElseThrow();
        String problem = whyNotLowered(method, instance);
        if (problem != null) {
            invocation.skip();
            throw new ExtensionConfigurationException(problem);
        }
        Object result = invocation.proceed();
        if (!(result instanceof Coroutine<?> coroutine)) {
            throw new ExtensionConfigurationException("@AsyncTest " + describe(method)
                    + " must return the Coroutine of an @Async method, not " + result);
        }
        String name = method.getName();
        URI source = URI.create("method:" + method.getDeclaringClass().getName() + "#" + name + "("
                + Stream.of(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",")) + ")");
        String mode = settings.realTime() ? "on real time" : "on virtual time";
        return (T) DynamicTest.dynamicTest(mode, source, () -> TestRun.run(coroutine, settings, name));
    }

    /** Why calling {@code method} on {@code instance} would not give a lowered coroutine, or null. */
    private static String whyNotLowered(Method method, Object instance) {
        Class<?> testClass = method.getDeclaringClass();
        if (instance.getClass() == testClass) {
            String reason;
            try {
                Coro.generatedClass(testClass);
                reason = "add @JcoroTest to " + testClass.getName() + ", so that JUnit instantiates its"
                        + " generated class";
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
            return "@AsyncTest " + describe(method) + " is not a lowered coroutine: " + reason;
        }
        try {
            instance.getClass().getDeclaredMethod(method.getName(), method.getParameterTypes());
            return null;
        } catch (NoSuchMethodException e) {
            return "@AsyncTest " + describe(method) + " is not a coroutine: add @Async to it";
        }
    }

    private static Class<?> generatedOrSelf(Class<?> testClass) {
        try {
            return Coro.generatedClass(testClass);
        } catch (IllegalArgumentException noAsyncMethods) {
            return testClass; // an @AsyncTest method says why when it runs
        }
    }

    /** The class's one non-private constructor (the generated class mirrors the test class's). */
    private static Constructor<?> onlyConstructor(Class<?> type) {
        List<Constructor<?>> candidates = new ArrayList<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!Modifier.isPrivate(c.getModifiers()) || type.getDeclaredConstructors().length == 1) {
                candidates.add(c);
            }
        }
        if (candidates.size() != 1) {
            throw new TestInstantiationException(type.getName() + " must have exactly one constructor, as a"
                    + " JUnit test class; it has " + candidates.size());
        }
        return candidates.get(0);
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
