package uk.safeguarding.explorer.neo4j;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Transactions straight into the embedded database of this process, without Bolt: no connection,
 * no encoding of parameters and rows into Bolt messages and back, no round trip per BEGIN, RUN,
 * PULL and COMMIT. Work still gets the driver's {@link TransactionContext}, {@link Result}s of
 * driver {@link Record}s and the driver's exceptions with the server's status codes (converted by
 * {@link InProcessValues}), so a service cannot tell which way it was run. Transient failures (a
 * deadlock, a lock not taken in time) are retried for the same time as the driver retries them.
 * Reads and writes run with the same access: the embedded database's read-only mode also refuses
 * the schema reads ({@code SHOW CONSTRAINTS}) the start-up check makes; that reads write nothing
 * is the statements' own property, checked by the tests' graph fingerprints.
 * Each statement's rows are read whole before the work goes on, as the application reads them
 * anyway ({@code list}).
 */
final class InProcessTransactions implements Transactions {

    private static final LoginContext ACCESS = SecurityContext.AUTH_DISABLED;
    /** Transient failures the driver does not retry either: a transaction stopped on purpose. */
    private static final List<String> STOPPED =
            List.of("Neo.TransientError.Transaction.Terminated", "Neo.TransientError.Transaction.LockClientStopped");

    private final GraphDatabaseAPI database;
    private final Duration maxRetryTime;

    InProcessTransactions(GraphDatabaseAPI database, Duration maxRetryTime) {
        this.database = database;
        this.maxRetryTime = maxRetryTime;
    }

    @Override
    public <T> T read(Duration timeout, Function<TransactionContext, T> work) {
        return retried(() -> inTransaction(timeout, work));
    }

    @Override
    public <T> T write(Duration timeout, Function<TransactionContext, T> work) {
        return retried(() -> inTransaction(timeout, work));
    }

    @Override
    public boolean answersRow(String query, Map<String, Object> parameters) {
        return inTransaction(null, tx -> tx.run(query, parameters).hasNext());
    }

    private <T> T retried(Supplier<T> attempt) {
        var deadline = System.nanoTime() + maxRetryTime.toNanos();
        long pause = 5;
        while (true) {
            try {
                return attempt.get();
            } catch (TransientException e) {
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    private <T> T inTransaction(Duration timeout, Function<TransactionContext, T> work) {
        try (var tx = begin(timeout)) {
            var answer = work.apply(new Context(tx));
            tx.commit();
            return answer;
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private InternalTransaction begin(Duration timeout) {
        var type = KernelTransaction.Type.EXPLICIT;
        var connection = ClientConnectionInfo.EMBEDDED_CONNECTION;
        return timeout == null || timeout.isZero()
                ? database.beginTransaction(type, ACCESS, connection)
                : database.beginTransaction(type, ACCESS, connection, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The driver's exception for a failure of the database (with its status code, so that timeouts,
     * deadlocks and constraint violations are told apart as over Bolt); anything else, the
     * application's own exceptions included, unchanged.
     */
    static RuntimeException translated(RuntimeException e) {
        if (e instanceof Neo4jException) {
            return e;
        }
        if (e instanceof DatabaseShutdownException) {
            return new ServiceUnavailableException("The database has shut down", e);
        }
        var code = statusCode(e);
        if (code == null) {
            return e;
        }
        var message = e.getMessage() == null ? code : e.getMessage();
        if (code.startsWith("Neo.TransientError.") && !STOPPED.contains(code)) {
            return new TransientException(code, message);
        }
        if (code.startsWith("Neo.DatabaseError.")) {
            return new DatabaseException(code, message);
        }
        if (code.equals("Neo.TransientError.General.DatabaseUnavailable")) {
            return new ServiceUnavailableException(message, e);
        }
        return new ClientException(code, message);
    }

    /** The status code of a Neo4j failure (the first in its chain of causes that has one), or null. */
    private static String statusCode(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryExecutionException q && q.getStatusCode() != null) {
                return q.getStatusCode();
            }
            if (t instanceof Status.HasStatus s && s.status() != null) {
                return s.status().code().serialize();
            }
        }
        return null;
    }

    /** The driver's view of one embedded transaction. */
    private record Context(InternalTransaction tx) implements TransactionContext {

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            var embedded = InProcessValues.parameters(parameters);
            try (var result = tx.execute(query, embedded)) {
                var keys = new QueryKeys(result.columns());
                var rows = new ArrayList<Record>();
                while (result.hasNext()) {
                    var row = result.next();
                    var values = new ArrayList<Value>(keys.keys().size());
                    for (var key : keys.keys()) {
                        values.add(InProcessValues.value(row.get(key)));
                    }
                    rows.add(new InternalRecord(keys, values));
                }
                return new Rows(keys.keys(), rows);
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }

        @Override
        public Result run(String query, Value parameters) {
            return run(query, parameters == null ? Map.of() : parameters.asMap(v -> (Object) v));
        }

        @Override
        public Result run(String query, Record parameters) {
            return run(query, parameters == null ? Map.of() : parameters.asMap(v -> (Object) v));
        }

        @Override
        public Result run(String query) {
            return run(query, Map.<String, Object>of());
        }

        @Override
        public Result run(Query query) {
            return run(query.text(), query.parameters());
        }
    }

    /** A statement's rows, read whole. */
    private static final class Rows implements Result {

        private final List<String> keys;
        private final List<Record> rows;
        private int next;

        Rows(List<String> keys, List<Record> rows) {
            this.keys = keys;
            this.rows = rows;
        }

        @Override
        public List<String> keys() {
            return keys;
        }

        @Override
        public boolean hasNext() {
            return next < rows.size();
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return rows.get(next++);
        }

        @Override
        public Record single() {
            if (rows.size() - next != 1) {
                throw new NoSuchRecordException(
                        rows.size() == next
                                ? "Cannot retrieve a single record, because this result is empty."
                                : "Expected a result with a single record, but this result contains at least one more.");
            }
            return next();
        }

        @Override
        public Record peek() {
            if (!hasNext()) {
                throw new NoSuchRecordException("Cannot peek past the last record");
            }
            return rows.get(next);
        }

        @Override
        public Stream<Record> stream() {
            var rest = rows.subList(next, rows.size());
            next = rows.size();
            return rest.stream();
        }

        @Override
        public List<Record> list() {
            return stream().toList();
        }

        @Override
        public <T> List<T> list(Function<Record, T> mapFunction) {
            var mapped = new ArrayList<T>(rows.size() - next);
            for (Iterator<Record> it = this; it.hasNext(); ) {
                mapped.add(mapFunction.apply(it.next()));
            }
            return mapped;
        }

        /** Discards what is left; an embedded statement keeps no summary, so none is given. */
        @Override
        public ResultSummary consume() {
            next = rows.size();
            return (ResultSummary) Proxy.newProxyInstance(
                    ResultSummary.class.getClassLoader(),
                    new Class<?>[] {ResultSummary.class},
                    (proxy, method, args) -> {
                        throw new UnsupportedOperationException(
                                "A statement run in process keeps no summary (" + method.getName() + ")");
                    });
        }

        @Override
        public boolean isOpen() {
            return hasNext();
        }
    }
}
