package io.jcoro.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps a class of cases meant to fail from running unless {@link Outcomes} runs it: a build run
 * with a wide {@code -Dtest} pattern, or an IDE running a whole package, skips it.
 */
final class RunByOutcomes implements ExecutionCondition {
    /** The configuration parameter {@link Outcomes} sets on its launcher request. */
    static final String KEY = "io.jcoro.test.outcomes";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(KEY).isPresent()
                ? ConditionEvaluationResult.enabled("run by Outcomes")
                : ConditionEvaluationResult.disabled("cases meant to fail: the test that runs them checks how");
    }
}
