package uk.safeguarding.explorer.graphql;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;

/**
 * Limits that refuse an over-sized GraphQL request before any data is fetched (so before any
 * Cypher runs): nesting depth, and complexity with list fields weighted by their {@code first}
 * argument. Aliases are limited where documents are parsed ({@link DocumentCache}); the body
 * size, method and content type by {@link GraphQlRequestFilter}.
 *
 * <p>In local mode the introspection fields ({@code __schema}, {@code __type}) are exempt: the
 * introspection query of the reference implementation (graphql-js {@code getIntrospectionQuery()},
 * sent by GraphiQL, Apollo, Postman, GraphQL Code Generator) nests 15 deep over the schema, which
 * is no data and costs no Cypher. In production introspection is off, and the limits hold for
 * every field.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    static final int MAX_FIRST = 2_000;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(
            @Value("${explorer.graphql.max-depth:12}") int maxDepth, @Value("${explorer.mode}") String mode) {
        var local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                if (local && onlyIntrospection(parameters.getExecutionContext().getOperationDefinition())) {
                    return SimpleInstrumentationContext.noOp();
                }
                return super.beginExecuteOperation(parameters, state);
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(
            @Value("${explorer.graphql.max-complexity:10000}") int maxComplexity,
            @Value("${explorer.mode}") String mode) {
        var local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
        return new MaxQueryComplexityInstrumentation(maxComplexity, (environment, childComplexity) -> {
            if (local && environment.getField().getName().startsWith("__")) {
                // the schema itself, in local mode only: no data behind it
                return 0;
            }
            var first = environment.getArguments().get("first");
            // Out-of-range values are left to the argument check, which names the argument.
            var weight = first instanceof Number n && n.intValue() >= 1 && n.intValue() <= MAX_FIRST
                    ? (n.intValue() + 9) / 10
                    : 1;
            return 1 + childComplexity * weight;
        });
    }

    /** Whether every top-level field of the operation is an introspection field (fragments count as data). */
    static boolean onlyIntrospection(OperationDefinition operation) {
        var selections = operation.getSelectionSet().getSelections();
        return !selections.isEmpty()
                && selections.stream()
                        .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }
}
