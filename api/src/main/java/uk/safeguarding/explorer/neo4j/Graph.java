package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.errors.Failures;
import uk.safeguarding.explorer.errors.QueryTimeoutException;
import uk.safeguarding.explorer.observability.ServerTiming;
import uk.safeguarding.explorer.observability.ServerTiming.Phase;

/**
 * Runs the named {@code .cypher} statements with parameters, in read or write transactions that
 * are retried on transient failures: through the Java driver ({@code executeRead}, so that a
 * cluster routes reads to secondaries, and {@code executeWrite}), or, for the embedded database,
 * in this process without Bolt ({@link #inProcess}). Results are mapped straight from driver
 * records into records of the calling feature, with no object mapping in between.
 *
 * <p>It is also where faults are handled once for everyone: every read transaction carries a
 * timeout (the area-wide one inside {@link #areaWide}); a database that cannot be reached becomes
 * {@link DatabaseUnavailableException} (and, while the outage lasts, fails at once); a transaction
 * the database stopped for its timeout becomes {@link QueryTimeoutException}; data writes pass the
 * {@link WriteBarrier} that an online backup closes.
 */
public class Graph {

    /** Codes of a transaction stopped because it ran out of time. */
    private static final Set<String> TIMED_OUT = Set.of(
            "Neo.ClientError.Transaction.TransactionTimedOut",
            "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
            "Neo.TransientError.Transaction.TransactionTimedOut");
    /** Codes of a transaction stopped while it waited, which is a timeout when it had run its time. */
    private static final Set<String> TERMINATED = Set.of(
            "Neo.ClientError.Transaction.LockClientStopped",
            "Neo.TransientError.Transaction.LockClientStopped",
            "Neo.ClientError.Transaction.Terminated",
            "Neo.TransientError.Transaction.Terminated");

    private static final String DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected";
    private static final int DEADLOCK_ATTEMPTS = 5;
    private static final ThreadLocal<Boolean> AREA_WIDE = ThreadLocal.withInitial(() -> false);
    private static final int READERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** The threads that read the parts of a batch's look-up beside the caller (readInParts). */
    private static final ExecutorService PARTS = Executors.newFixedThreadPool(Math.max(1, READERS - 1), r -> {
        var thread = new Thread(r, "graph-read-part");
        thread.setDaemon(true);
        return thread;
    });

    private final Transactions transactions;
    private final QueryTimeouts timeouts;
    private final WriteBarrier barrier;
    private final DatabaseAvailability availability = new DatabaseAvailability(Duration.ofSeconds(1));
    private final AtomicLong transactionsRun = new AtomicLong();
    /** Whether the start-up warm-up is planning (StartupWarmUp): every read then gets the area timeout. */
    private volatile boolean warmingUp;

    /** With the default timeouts, for code that runs without Spring (the seed CLI, the benchmark). */
    public Graph(Driver driver, String database) {
        this(driver, database, QueryTimeouts.DEFAULTS, new WriteBarrier());
    }

    public Graph(Driver driver, String database, QueryTimeouts timeouts, WriteBarrier barrier) {
        this(new DriverTransactions(driver, database), timeouts, barrier);
    }

    private Graph(Transactions transactions, QueryTimeouts timeouts, WriteBarrier barrier) {
        this.transactions = transactions;
        this.timeouts = timeouts;
        this.barrier = barrier;
    }

    /**
     * Straight into the embedded database of this process, with the default timeouts, for code that
     * runs without Spring (the benchmark's import, as the application imports into its embedded
     * database).
     */
    public static Graph inProcess(EmbeddedNeo4j embedded) {
        return inProcess(embedded, Duration.ofSeconds(2), QueryTimeouts.DEFAULTS, new WriteBarrier());
    }

    /**
     * Straight into the embedded database of this process, without Bolt (see {@link
     * InProcessTransactions}); transient failures retried for {@code maxRetryTime}, as the driver
     * does.
     */
    public static Graph inProcess(
            EmbeddedNeo4j embedded, Duration maxRetryTime, QueryTimeouts timeouts, WriteBarrier barrier) {
        return new Graph(new InProcessTransactions(embedded.database(), maxRetryTime), timeouts, barrier);
    }

    /**
     * Runs work (a service call) whose reads are area-wide, so that they get the area timeout
     * instead of the ordinary one.
     */
    public static <T> T areaWide(Supplier<T> work) {
        var outer = AREA_WIDE.get();
        AREA_WIDE.set(true);
        try {
            return work.get();
        } finally {
            AREA_WIDE.set(outer);
        }
    }

    /**
     * How many transactions this instance has run: lets tests check that a request costs a fixed
     * number of queries whatever the number of results (no N+1).
     */
    public long transactionsRun() {
        return transactionsRun.get();
    }

    /** Whether the database answered the last transaction (false during an outage). */
    public boolean reachable() {
        return availability.up();
    }

    /** Runs the named read query and maps every record. */
    public <T> List<T> read(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        var query = CypherStatements.named(name);
        return inReadTransaction(tx -> tx.run(query, parameters).list(mapper::apply));
    }

    /**
     * Runs the named read of the audit log on the member that holds every appended event (on a
     * cluster, the leader, where the appends are written outside the bookmark chain), so that an
     * auditor sees every event appended before the query, and a check that reads the log in several
     * transactions (the head, then checkpoints and events page by page) never meets a member further
     * behind than the one that answered before.
     */
    public <T> List<T> readAuditLog(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        var query = CypherStatements.named(name);
        var timeout = readTimeout();
        return ServerTiming.time(
                Phase.DB,
                () -> run(
                        timeout,
                        () -> transactions.leaderRead(
                                timeout, tx -> tx.run(query, parameters).list(mapper::apply))));
    }

    /**
     * Runs the named read over a batch of independent rows (an import's look-ups, one answer per
     * row or per id) in parts, each in a read transaction of its own and the parts in parallel (the
     * caller reads the first, a small pool of this class the others), so that a large batch's index
     * seeks use every core; the answers come back in the parts' order.
     * A batch smaller than two parts of {@code minPart} rows is read in one transaction.
     */
    public <T> List<T> readInParts(
            String name,
            String parameter,
            List<?> rows,
            Map<String, Object> others,
            int minPart,
            Function<Record, T> mapper) {
        var parts = Math.max(1, Math.min(READERS, rows.size() / Math.max(1, minPart)));
        if (parts == 1) {
            return read(name, with(others, parameter, rows), mapper);
        }
        var wide = AREA_WIDE.get();
        var size = (rows.size() + parts - 1) / parts;
        var partsRead = new ArrayList<Future<List<T>>>();
        for (int i = 1; i < parts && i * size < rows.size(); i++) {
            var part = rows.subList(i * size, Math.min(rows.size(), (i + 1) * size));
            partsRead.add(PARTS.submit(() -> {
                var outer = AREA_WIDE.get();
                AREA_WIDE.set(wide);
                try {
                    return read(name, with(others, parameter, part), mapper);
                } finally {
                    AREA_WIDE.set(outer);
                }
            }));
        }
        try {
            // the caller reads the first part itself: a busy pool delays the others, never this one
            var answers = new ArrayList<T>(read(name, with(others, parameter, rows.subList(0, size)), mapper));
            for (var other : partsRead) {
                answers.addAll(other.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            throw Failures.unwrapped(e);
        } finally {
            // a part that failed fails the whole read: the others are not left running (no-op when done)
            partsRead.forEach(other -> other.cancel(true));
        }
    }

    private static Map<String, Object> with(Map<String, Object> others, String parameter, List<?> rows) {
        var parameters = new HashMap<String, Object>(others);
        parameters.put(parameter, rows);
        return parameters;
    }

    /**
     * Runs the named query inside a transaction the caller already holds, so that a service can
     * answer with several statements in one read transaction (one round of BEGIN/COMMIT).
     */
    public static <T> List<T> read(
            TransactionContext tx, String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        return tx.run(CypherStatements.named(name), parameters).list(mapper::apply);
    }

    /**
     * Runs work in one write transaction (retried on transient errors such as deadlocks); waits
     * while an online backup reads.
     */
    public <T> T inWriteTransaction(Function<TransactionContext, T> work) {
        return barrier.write(() -> write(work, null, false));
    }

    /**
     * Runs work in one write transaction that only appends to the append-only audit log, which an
     * online backup cuts at the head it read first instead of waiting for it: reads, which must be
     * audited before they answer, go on while a backup runs. Through the driver it stays outside the
     * bookmarks that chain reads and data writes (a read need not wait for the last request's audit
     * event to reach a secondary).
     */
    public <T> T inAppendTransaction(Function<TransactionContext, T> work) {
        return write(work, null, true);
    }

    /**
     * Runs work in one write transaction with a timeout of its own (schema migrations, which may wait
     * for indexes longer than the server's backstop; a restore's large batches).
     */
    public <T> T inWriteTransaction(Duration timeout, Function<TransactionContext, T> work) {
        return barrier.write(() -> write(work, timeout, false));
    }

    /**
     * Runs one named append to the audit log as a statement that commits as it runs (an auto-commit
     * transaction: RUN and PULL in one round trip, no BEGIN or COMMIT), for the appender's usual
     * case; returns whether it answered a row. Unlike {@link #inAppendTransaction} it is not retried,
     * and a failure does not mark the database away: the caller falls back to {@link
     * #inAppendTransaction} (whose retries cover a dropped connection or a new cluster leader) when it
     * fails or answers nothing.
     */
    public boolean appendStatement(String name, Map<String, Object> parameters) {
        var query = CypherStatements.named(name);
        availability.beforeCall();
        transactionsRun.incrementAndGet();
        var answered = transactions.answersRow(query, parameters);
        availability.reachable();
        return answered;
    }

    private <T> T write(Function<TransactionContext, T> work, Duration timeout, boolean append) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(
                        timeout,
                        () -> append ? transactions.appendWrite(timeout, work) : transactions.write(timeout, work));
            } catch (TransientException e) {
                // The driver retries for EXPLORER_NEO4J_MAX_RETRY_TIME only, kept short so that an outage is
                // answered fast; concurrent imports can deadlock more often than that, so deadlocks get more tries.
                if (attempt >= DEADLOCK_ATTEMPTS || !DEADLOCK.equals(e.code())) {
                    throw e;
                }
            }
        }
    }

    /** Runs work in one read transaction, stopped by the database after the query timeout. */
    public <T> T inReadTransaction(Function<TransactionContext, T> work) {
        var timeout = readTimeout();
        return inReadTransaction(timeout, work);
    }

    /**
     * The timeout of a read started now on this thread: the area-wide one inside {@link #areaWide}
     * or while the start-up warm-up plans, else the ordinary one. A statement's first run includes
     * its planning, and during the warm-up that shares the cores with the warm-up's own planning: a
     * question asked then is slow because the explorer has just started, not because it is a
     * runaway, and was stopped at the ordinary timeout on a busy machine.
     */
    public Duration readTimeout() {
        return AREA_WIDE.get() || warmingUp ? timeouts.areaQueryTimeout() : timeouts.queryTimeout();
    }

    /** Set by the start-up warm-up while it plans ({@link #readTimeout()}). */
    public void warmingUp(boolean on) {
        warmingUp = on;
    }

    /** Runs work in one read transaction with a timeout of its own (a backup's long read). */
    public <T> T inReadTransaction(Duration timeout, Function<TransactionContext, T> work) {
        return ServerTiming.time(Phase.DB, () -> run(timeout, () -> transactions.read(timeout, work)));
    }

    /** The barrier that a backup closes; exposed for the backup only. */
    public WriteBarrier barrier() {
        return barrier;
    }

    private <T> T run(Duration timeout, Supplier<T> call) {
        availability.beforeCall();
        transactionsRun.incrementAndGet();
        var started = System.nanoTime();
        try {
            var result = call.get();
            availability.reachable();
            return result;
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            availability.unreachable(e);
            throw new DatabaseUnavailableException(e);
        } catch (Neo4jException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Unable to acquire connection from the pool")) {
                // every connection busy, or none could be opened in time: the request cannot be served
                // now, but this alone does not mean the database is gone
                throw new DatabaseUnavailableException(e);
            }
            availability.reachable();
            if (timedOut(e, timeout, System.nanoTime() - started)) {
                throw new QueryTimeoutException(timeout, e);
            }
            throw e;
        }
    }

    private static boolean timedOut(Neo4jException e, Duration timeout, long ranNanos) {
        if (TIMED_OUT.contains(e.code())) {
            return true;
        }
        return timeout != null && !timeout.isZero() && TERMINATED.contains(e.code()) && ranNanos >= timeout.toNanos();
    }
}
