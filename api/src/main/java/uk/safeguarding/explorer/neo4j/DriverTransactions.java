package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * Transactions through the Java driver, a new session each: {@code executeRead} so that a cluster
 * routes reads to secondaries, {@code executeWrite} for writes, both retried by the driver on
 * transient errors for {@code EXPLORER_NEO4J_MAX_RETRY_TIME}.
 */
final class DriverTransactions implements Transactions {

    private final Driver driver;
    private final String database;

    DriverTransactions(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    private SessionConfig sessionConfig() {
        return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    @Override
    public <T> T read(Duration timeout, Function<TransactionContext, T> work) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(
                    work::apply,
                    TransactionConfig.builder().withTimeout(timeout).build());
        }
    }

    @Override
    public <T> T write(Duration timeout, Function<TransactionContext, T> work) {
        var config = timeout == null
                ? TransactionConfig.empty()
                : TransactionConfig.builder().withTimeout(timeout).build();
        try (var session = driver.session(sessionConfig())) {
            return session.executeWrite(work::apply, config);
        }
    }

    @Override
    public boolean answersRow(String query, Map<String, Object> parameters) {
        try (var session = driver.session(sessionConfig())) {
            return !session.run(query, parameters).list().isEmpty();
        }
    }
}
