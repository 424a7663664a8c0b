package io.jcoro.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class through JUnit's launcher, as a build tool does, and keeps how each test (each
 * leaf: an {@code @AsyncTest}'s dynamic test, a plain {@code @Test}; or the method's own node if it
 * failed before its test ran) ended, by method name: for classes whose tests are meant to fail.
 */
final class Outcomes {
    private final Map<String, TestExecutionResult> byMethod = new LinkedHashMap<>();

    private Outcomes() {}

    static Outcomes of(Class<?> testClass) {
        Outcomes outcomes = new Outcomes();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                        .configurationParameter(RunByOutcomes.KEY, "true").build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        // the method's own node fails too when the test could not start
                        boolean counts = test.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED;
                        if (counts && test.getSource().orElse(null) instanceof MethodSource method) {
                            outcomes.byMethod.put(method.getMethodName(), result);
                        }
                    }
                });
        return outcomes;
    }

    /** The failure of the test of {@code method}; fails if it passed or did not run. */
    Throwable failure(String method) {
        TestExecutionResult result = byMethod.get(method);
        if (result == null || result.getStatus() != TestExecutionResult.Status.FAILED) {
            throw new AssertionError(method + " should have failed: " + result + " (ran: " + byMethod.keySet() + ")");
        }
        return result.getThrowable().orElseThrow();
    }

    /** Fails unless the test of {@code method} passed. */
    void passed(String method) {
        TestExecutionResult result = byMethod.get(method);
        if (result == null) {
            throw new AssertionError(method + " did not run (ran: " + byMethod.keySet() + ")");
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            throw new AssertionError(method + " should have passed: " + result, result.getThrowable().orElse(null));
        }
    }
}
