package uk.safeguarding.explorer.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides the mode before anything starts: {@code local} (demo users, GraphiQL, demo data) or
 * {@code production} (no demo users, no GraphiQL, no introspection). {@code EXPLORER_MODE} sets it;
 * by default the embedded database means local and an external {@code NEO4J_URI} means production,
 * so that demo users can never exist by accident next to real data.
 */
public class ExplorerModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String LOCAL = "local";
    public static final String PRODUCTION = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var mode = environment.getProperty("explorer.mode");
        if (mode == null || mode.isBlank()) {
            var uri = environment.getProperty("neo4j.uri");
            mode = uri == null || uri.isBlank() ? LOCAL : PRODUCTION;
        }
        mode = mode.trim().toLowerCase();
        if (!LOCAL.equals(mode) && !PRODUCTION.equals(mode)) {
            throw new IllegalStateException("EXPLORER_MODE must be 'local' or 'production', not '" + mode + "'");
        }
        var local = LOCAL.equals(mode);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "explorerMode",
                        Map.of(
                                "explorer.mode", mode,
                                // Spring's GraphiQL page loads GraphiQL from a CDN; graphql.GraphiqlPage serves ours in
                                // local mode
                                "spring.graphql.graphiql.enabled", false,
                                "spring.graphql.schema.introspection.enabled", local)));
    }
}
