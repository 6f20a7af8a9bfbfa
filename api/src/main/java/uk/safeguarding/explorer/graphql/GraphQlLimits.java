package uk.safeguarding.explorer.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that refuse an over-sized GraphQL request before any data is fetched (so before any
 * Cypher runs): nesting depth, and complexity with list fields weighted by their {@code first}
 * argument. Aliases are limited where documents are parsed ({@link DocumentCache}); the body
 * size, method and content type by {@link GraphQlRequestFilter}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    static final int MAX_FIRST = 2_000;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${explorer.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(
            @Value("${explorer.graphql.max-complexity:10000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, (environment, childComplexity) -> {
            var first = environment.getArguments().get("first");
            // Out-of-range values are left to the argument check, which names the argument.
            var weight = first instanceof Number n && n.intValue() >= 1 && n.intValue() <= MAX_FIRST
                    ? (n.intValue() + 9) / 10 : 1;
            return 1 + childComplexity * weight;
        });
    }
}
