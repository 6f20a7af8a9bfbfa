package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions through the Java driver, a new session each: {@code executeRead} so that a cluster
 * routes reads to secondaries, {@code executeWrite} for writes, both retried by the driver on
 * transient errors for {@code EXPLORER_NEO4J_MAX_RETRY_TIME}. Reads and data writes are chained by
 * their bookmarks ({@link Chain}), as Spring Data Neo4j chains its transactions: on a cluster a read
 * starts only once the member serving it has applied what this instance committed before (an
 * import's batch sees the batch written before it, a practitioner sees what they just recorded).
 * The audit appends stay out of the chain: they write on the leader and read the chain's head in
 * their own transaction, and a read waiting for the last request's audit event to reach a secondary
 * would only be slower. Reads of the audit log go to the leader too ({@link #leaderRead}, in
 * {@code executeWrite}), where every appended event is. On a single server the bookmarks cost
 * nothing.
 */
final class DriverTransactions implements Transactions {

    private final Driver driver;
    private final String database;
    private final Chain chain = new Chain();

    DriverTransactions(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    private SessionConfig sessionConfig(Set<Bookmark> from) {
        var config = SessionConfig.builder().withBookmarks(from);
        if (database != null) {
            config.withDatabase(database);
        }
        return config.build();
    }

    /** The bookmarks reads and data writes are chained by. */
    Chain chain() {
        return chain;
    }

    @Override
    public <T> T read(Duration timeout, Function<TransactionContext, T> work) {
        var config = TransactionConfig.builder().withTimeout(timeout).build();
        return chain.run(true, (from, onLeader) -> {
            try (var session = driver.session(sessionConfig(from))) {
                var result =
                        onLeader ? session.executeWrite(work::apply, config) : session.executeRead(work::apply, config);
                return new Chain.Done<>(result, session.lastBookmarks());
            }
        });
    }

    @Override
    public <T> T write(Duration timeout, Function<TransactionContext, T> work) {
        var config = transactionConfig(timeout);
        return chain.run(false, (from, onLeader) -> {
            try (var session = driver.session(sessionConfig(from))) {
                var result = session.executeWrite(work::apply, config);
                return new Chain.Done<>(result, session.lastBookmarks());
            }
        });
    }

    /** A write-mode session routes to the leader; the work only reads. */
    @Override
    public <T> T leaderRead(Duration timeout, Function<TransactionContext, T> work) {
        return onLeaderOutsideTheChain(timeout, work);
    }

    @Override
    public <T> T appendWrite(Duration timeout, Function<TransactionContext, T> work) {
        return onLeaderOutsideTheChain(timeout, work);
    }

    private <T> T onLeaderOutsideTheChain(Duration timeout, Function<TransactionContext, T> work) {
        try (var session = driver.session(sessionConfig(Set.of()))) {
            return session.executeWrite(work::apply, transactionConfig(timeout));
        }
    }

    @Override
    public boolean answersRow(String query, Map<String, Object> parameters) {
        try (var session = driver.session(sessionConfig(Set.of()))) {
            return !session.run(query, parameters).list().isEmpty();
        }
    }

    private static TransactionConfig transactionConfig(Duration timeout) {
        return timeout == null
                ? TransactionConfig.empty()
                : TransactionConfig.builder().withTimeout(timeout).build();
    }

    /**
     * The bookmarks of the last transactions this instance committed: a unit of work starts from
     * them, and replaces those it started from with the one it ends with (as the driver's own
     * bookmark manager does). A database refuses a bookmark it cannot reach in time
     * ({@code BookmarkTimeout}) or cannot read; nothing of the work has run then (bookmarks are
     * checked when a transaction begins), so the work is run once more:
     * <ul>
     * <li>a read refused for time, on the leader, which has everything committed (a secondary
     * behind by more than the database's {@code db.transaction.bookmark_ready_timeout});</li>
     * <li>when the leader refuses too, or a bookmark is invalid, from the bookmarks the chain holds
     * less those the refused work started from: the database no longer has what they name (it was
     * restored to an earlier point while the application ran), and waiting for them would fail
     * every read until a restart.</li>
     * </ul>
     */
    static final class Chain {

        private static final Logger LOG = LoggerFactory.getLogger(Chain.class);
        private static final String TIMED_OUT = "Neo.TransientError.Transaction.BookmarkTimeout";
        private static final Set<String> INVALID = Set.of(
                "Neo.ClientError.Transaction.InvalidBookmark", "Neo.ClientError.Transaction.InvalidBookmarkMixture");

        private final Set<Bookmark> bookmarks = new LinkedHashSet<>();
        private long forgotten;

        /** What a unit of work answered, and the bookmarks its session ended with. */
        record Done<T>(T result, Set<Bookmark> bookmarks) {}

        /** One attempt at a unit of work from the given bookmarks, on the leader or where the driver routes it. */
        interface Attempt<T> {
            Done<T> run(Set<Bookmark> from, boolean onLeader);
        }

        synchronized Set<Bookmark> bookmarks() {
            return Set.copyOf(bookmarks);
        }

        /** Adds bookmarks as if a unit of work had ended with them. */
        synchronized void add(Set<Bookmark> ended) {
            bookmarks.addAll(ended);
        }

        private synchronized <T> T ended(Set<Bookmark> from, Done<T> done) {
            bookmarks.removeAll(from);
            bookmarks.addAll(done.bookmarks());
            return done.result();
        }

        private synchronized Set<Bookmark> forget(Set<Bookmark> refused) {
            bookmarks.removeAll(refused);
            forgotten++;
            return Set.copyOf(bookmarks);
        }

        /** How many times the bookmarks a unit of work started from were refused and forgotten. */
        synchronized long forgotten() {
            return forgotten;
        }

        <T> T run(boolean read, Attempt<T> attempt) {
            var from = bookmarks();
            try {
                return ended(from, attempt.run(from, false));
            } catch (Neo4jException e) {
                if (read && TIMED_OUT.equals(e.code())) {
                    try {
                        return ended(from, attempt.run(from, true));
                    } catch (Neo4jException onLeader) {
                        if (!refused(onLeader)) {
                            throw onLeader;
                        }
                    }
                } else if (!refused(e)) {
                    throw e;
                }
            }
            LOG.warn("The database refused the bookmarks a transaction started from (invalid, or more recent than"
                    + " anything it has: restored to an earlier point?); they are forgotten and the transaction"
                    + " runs once more");
            var rest = forget(from);
            return ended(rest, attempt.run(rest, false));
        }

        private static boolean refused(Neo4jException e) {
            return TIMED_OUT.equals(e.code()) || INVALID.contains(e.code());
        }
    }
}
