package uk.safeguarding.explorer.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the tests of a run against the current Neo4j line, with the reason, where that server cannot
 * be had (no Java 21+, no Docker engine); runs them otherwise, and always in the ordinary run.
 */
public class NewerNeo4jCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return NewerNeo4j.unavailable()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled(
                        NewerNeo4j.requested() ? "against Neo4j of the current line" : "against the embedded Neo4j"));
    }
}
