package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;

/**
 * How {@link Graph} reaches the database: through the Java driver over Bolt ({@link
 * DriverTransactions}: an external server, cluster or Aura, and the seed and benchmark tools), or
 * straight into the embedded database in this process ({@link InProcessTransactions}). Both hand
 * the work the driver's {@link TransactionContext} and raise the driver's exceptions, so that every
 * service runs the same code on either.
 */
interface Transactions {

    /** Runs work in one read transaction stopped after {@code timeout}, retried on transient errors. */
    <T> T read(Duration timeout, Function<TransactionContext, T> work);

    /**
     * Runs work in one write transaction, retried on transient errors; {@code timeout} null: the
     * database's own limit.
     */
    <T> T write(Duration timeout, Function<TransactionContext, T> work);

    /**
     * Runs work that only reads in one transaction on the member that holds every committed
     * transaction (through the driver: the cluster's leader, outside the bookmark chain; in process:
     * a read), stopped after {@code timeout}, retried on transient errors. For the audit log, whose
     * appends stay out of the chain: a check that reads it in several transactions reads one history.
     */
    <T> T leaderRead(Duration timeout, Function<TransactionContext, T> work);

    /**
     * Runs work in one write transaction that only appends to the audit log, retried on transient
     * errors: through the driver, outside the bookmarks that chain reads and data writes.
     */
    <T> T appendWrite(Duration timeout, Function<TransactionContext, T> work);

    /**
     * Runs one statement that commits as it runs, not retried by the driver; returns whether it
     * answered a row. Used for audit appends, outside the bookmarks that chain reads and data writes.
     */
    boolean answersRow(String query, Map<String, Object> parameters);
}
