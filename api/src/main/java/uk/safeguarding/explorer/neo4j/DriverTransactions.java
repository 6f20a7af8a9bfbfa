package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * Transactions through the Java driver, a new session each: {@code executeRead} so that a cluster
 * routes reads to secondaries, {@code executeWrite} for writes, both retried by the driver on
 * transient errors for {@code EXPLORER_NEO4J_MAX_RETRY_TIME}. Every session shares one bookmark
 * manager, as Spring Data Neo4j chains its transactions: on a cluster a read starts only once
 * everything this instance committed before it has reached the member that serves it (an import's
 * batch sees the batch written before it, a practitioner sees what they just recorded). On a single
 * server the bookmarks cost nothing.
 */
final class DriverTransactions implements Transactions {

    private final Driver driver;
    private final String database;
    private final BookmarkManager bookmarks =
            BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

    DriverTransactions(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    private SessionConfig sessionConfig() {
        var config = SessionConfig.builder().withBookmarkManager(bookmarks);
        if (database != null) {
            config.withDatabase(database);
        }
        return config.build();
    }

    /** The bookmark manager every session of these transactions shares. */
    BookmarkManager bookmarks() {
        return bookmarks;
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
