package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Transactions through the Java driver, a new session each: {@code executeRead} so that a cluster
 * routes reads to secondaries, {@code executeWrite} for writes, both retried by the driver on
 * transient errors for {@code EXPLORER_NEO4J_MAX_RETRY_TIME}. Every session shares one bookmark
 * manager, as Spring Data Neo4j chains its transactions: on a cluster a read starts only once
 * everything this instance committed before it has reached the member that serves it (an import's
 * batch sees the batch written before it, a practitioner sees what they just recorded). On a single
 * server the bookmarks cost nothing. A bookmark the database can no longer reach (it was restored
 * to an earlier point while the application ran) is forgotten and the transaction run once more
 * without it, rather than every read failing until a restart.
 */
final class DriverTransactions implements Transactions {

    private final Driver driver;
    private final String database;
    /** Codes of a transaction refused for the bookmarks it started from. */
    private static final Set<String> BOOKMARK_REFUSED = Set.of(
            "Neo.ClientError.Transaction.InvalidBookmark",
            "Neo.ClientError.Transaction.InvalidBookmarkMixture",
            "Neo.TransientError.Transaction.BookmarkTimeout");

    private final ChainedBookmarks bookmarks = new ChainedBookmarks();

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
        return chained(() -> {
            try (var session = driver.session(sessionConfig())) {
                return session.executeRead(
                        work::apply,
                        TransactionConfig.builder().withTimeout(timeout).build());
            }
        });
    }

    @Override
    public <T> T write(Duration timeout, Function<TransactionContext, T> work) {
        var config = timeout == null
                ? TransactionConfig.empty()
                : TransactionConfig.builder().withTimeout(timeout).build();
        return chained(() -> {
            try (var session = driver.session(sessionConfig())) {
                return session.executeWrite(work::apply, config);
            }
        });
    }

    @Override
    public boolean answersRow(String query, Map<String, Object> parameters) {
        return chained(() -> {
            try (var session = driver.session(sessionConfig())) {
                return !session.run(query, parameters).list().isEmpty();
            }
        });
    }

    /**
     * Runs a unit of work once more, from no bookmarks, when the database refused the bookmarks it
     * started from (nothing of it ran: bookmarks are checked when the transaction begins).
     */
    private <T> T chained(Supplier<T> work) {
        try {
            return work.get();
        } catch (Neo4jException e) {
            if (!BOOKMARK_REFUSED.contains(e.code())) {
                throw e;
            }
            bookmarks.forget();
            return work.get();
        }
    }

    /**
     * The bookmarks of the last transactions committed, as the driver's own manager keeps them (a
     * session replaces those it started from with the one it ends with), and forgettable.
     */
    static final class ChainedBookmarks implements BookmarkManager {

        private static final long serialVersionUID = 1L;
        private final Set<Bookmark> bookmarks = new LinkedHashSet<>();

        @Override
        public synchronized void updateBookmarks(Set<Bookmark> previousBookmarks, Set<Bookmark> newBookmarks) {
            bookmarks.removeAll(previousBookmarks);
            bookmarks.addAll(newBookmarks);
        }

        @Override
        public synchronized Set<Bookmark> getBookmarks() {
            return Set.copyOf(bookmarks);
        }

        synchronized void forget() {
            bookmarks.clear();
        }
    }
}
