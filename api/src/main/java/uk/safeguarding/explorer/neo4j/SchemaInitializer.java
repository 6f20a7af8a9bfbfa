package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;

/**
 * At start-up, before anything reads or writes: applies pending schema migrations
 * ({@code EXPLORER_MIGRATE}, default true) and then checks that the required constraints exist,
 * failing the start with a clear message when they do not. Waits for a database that does not answer
 * yet (still starting, or recovering its store after a crash) up to {@code EXPLORER_NEO4J_STARTUP_WAIT}.
 */
@Component
public class SchemaInitializer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Graph graph;
    private final boolean migrate;
    private final Duration startupWait;

    SchemaInitializer(Graph graph, @Value("${explorer.migrate:true}") boolean migrate, DriverSettings settings) {
        this.graph = graph;
        this.migrate = migrate;
        this.startupWait = settings.startupWait();
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        var deadline = System.nanoTime() + startupWait.toNanos();
        while (true) {
            try {
                initialize();
                return;
            } catch (DatabaseUnavailableException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(
                            "The database could not be reached for " + startupWait.toSeconds()
                                    + " s (EXPLORER_NEO4J_STARTUP_WAIT): is it running, and are NEO4J_URI and the "
                                    + "credentials right?",
                            e);
                }
                LOG.warn(
                        "Waiting for the database to answer: {}",
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                // start-up only, not a request: the next try in a second
                Thread.sleep(1_000);
            }
        }
    }

    private void initialize() {
        if (migrate) {
            var applied = new SchemaMigrations(graph).migrate();
            LOG.info("Schema up to date ({} migration(s) applied now)", applied);
        }
        new SchemaCheck(graph).verify();
    }
}
