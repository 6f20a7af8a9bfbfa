package uk.safeguarding.explorer.neo4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At start-up, before anything reads or writes: applies pending schema migrations
 * ({@code EXPLORER_MIGRATE}, default true) and then checks that the required constraints exist,
 * failing the start with a clear message when they do not.
 */
@Component
public class SchemaInitializer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Graph graph;
    private final boolean migrate;

    SchemaInitializer(Graph graph, @Value("${explorer.migrate:true}") boolean migrate) {
        this.graph = graph;
        this.migrate = migrate;
    }

    @Override
    public void afterPropertiesSet() {
        if (migrate) {
            var applied = new SchemaMigrations(graph).migrate();
            LOG.info("Schema up to date ({} migration(s) applied now)", applied);
        }
        new SchemaCheck(graph).verify();
    }
}
