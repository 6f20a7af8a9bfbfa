package uk.safeguarding.explorer.neo4j;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

import uk.safeguarding.explorer.cypher.CypherStatements;

/**
 * Runs the named {@code .cypher} statements with parameters. Reads go through
 * {@code executeRead}, so that a cluster routes them to secondaries and transient failures are
 * retried; writes through {@code executeWrite}. Results are mapped straight from driver records
 * into records of the calling feature, with no object mapping in between.
 */
public class Graph {

    private final Driver driver;
    private final String database;
    private final AtomicLong transactions = new AtomicLong();

    public Graph(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /**
     * How many transactions this instance has run: lets tests check that a request costs a fixed
     * number of queries whatever the number of results (no N+1).
     */
    public long transactionsRun() {
        return transactions.get();
    }

    private SessionConfig sessionConfig() {
        transactions.incrementAndGet();
        return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    /** Runs the named read query and maps every record. */
    public <T> List<T> read(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        var query = CypherStatements.named(name);
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> tx.run(query, parameters).list(mapper::apply));
        }
    }

    /**
     * Runs the named query inside a transaction the caller already holds, so that a service can
     * answer with several statements in one read transaction (one round of BEGIN/COMMIT).
     */
    public static <T> List<T> read(TransactionContext tx, String name, Map<String, Object> parameters,
            Function<Record, T> mapper) {
        return tx.run(CypherStatements.named(name), parameters).list(mapper::apply);
    }


    /** Runs work in one write transaction (retried on transient errors such as deadlocks). */
    public <T> T inWriteTransaction(Function<TransactionContext, T> work) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeWrite(work::apply);
        }
    }

    /** Runs work in one read transaction. */
    public <T> T inReadTransaction(Function<TransactionContext, T> work) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(work::apply);
        }
    }

}
