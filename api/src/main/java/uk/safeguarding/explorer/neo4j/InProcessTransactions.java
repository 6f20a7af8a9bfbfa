package uk.safeguarding.explorer.neo4j;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.ResultConsumedException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.summary.InternalSummaryCounters;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.ExecutionPlanDescription;
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
 * Rows are read from the database as the work asks for them, not held whole.
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

    /** In process there is one member: a read on the leader is a read. */
    @Override
    public <T> T leaderRead(Duration timeout, Function<TransactionContext, T> work) {
        return read(timeout, work);
    }

    /** In process there are no bookmarks: an append is a write. */
    @Override
    public <T> T appendWrite(Duration timeout, Function<TransactionContext, T> work) {
        return write(timeout, work);
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
                    // with jitter, as the driver's, so that two victims of one deadlock do not meet again
                    Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    private <T> T inTransaction(Duration timeout, Function<TransactionContext, T> work) {
        Context context = null;
        try (var tx = begin(timeout)) {
            context = new Context(tx);
            var answer = work.apply(context);
            context.finish();
            tx.commit();
            return answer;
        } catch (RuntimeException e) {
            throw translated(e);
        } finally {
            if (context != null) {
                context.close();
            }
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
        Neo4jException translated;
        if (code.equals("Neo.TransientError.General.DatabaseUnavailable")) {
            // shutting down (or not started): the database is away, as when Bolt cannot reach it; not retried
            return new ServiceUnavailableException(message, e);
        } else if (code.startsWith("Neo.TransientError.") && !STOPPED.contains(code)) {
            translated = new TransientException(code, message);
        } else if (code.startsWith("Neo.DatabaseError.")) {
            translated = new DatabaseException(code, message);
        } else {
            translated = new ClientException(code, message);
        }
        // the driver's exceptions take no cause after they are made: the database's own goes with it as suppressed
        translated.addSuppressed(e);
        return translated;
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

    /**
     * The driver's view of one embedded transaction. As the driver does, a statement run while an
     * earlier one's rows are still unread keeps those rows for later (reads them whole first, so
     * that the new statement sees what the earlier wrote), and the rows nobody read are read to the
     * end before the commit (so that a write nobody read the answer of is still done whole).
     */
    private static final class Context implements TransactionContext {

        private final InternalTransaction tx;
        private Rows open;
        private final List<Rows> all = new ArrayList<>();

        Context(InternalTransaction tx) {
            this.tx = tx;
        }

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            if (open != null) {
                open.keepTheRest();
            }
            var embedded = InProcessValues.parameters(parameters);
            try {
                open = new Rows(query, parameters, tx.execute(query, embedded));
                all.add(open);
                return open;
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }

        /** Reads to the end what was not read, before the commit. */
        /** The transaction has ended: its results can no longer be read, as with the driver. */
        void close() {
            all.forEach(Rows::close);
        }

        void finish() {
            if (open != null) {
                open.discardTheRest();
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
            return run(query.text(), query.parameters().asMap(v -> (Object) v));
        }
    }

    /**
     * A statement's rows, read from the embedded result as they are asked for (a backup streams the
     * whole store through one), each converted to the driver's record when it is read.
     */
    private static final class Rows implements Result {

        private final String text;
        private final Map<String, Object> parameters;
        private final org.neo4j.graphdb.Result source;
        private final QueryKeys keys;
        private final ArrayDeque<Record> kept = new ArrayDeque<>();
        private SummaryCounters counters;
        private Plan plan;
        private ProfiledPlan profile;
        private boolean closed;
        private boolean consumed;

        Rows(String query, Map<String, Object> parameters, org.neo4j.graphdb.Result source) {
            this.text = query;
            this.parameters = parameters == null ? Map.of() : parameters;
            this.source = source;
            this.keys = new QueryKeys(source.columns());
        }

        private boolean sourceHasNext() {
            if (counters != null) {
                return false;
            }
            try {
                if (source.hasNext()) {
                    return true;
                }
                var s = source.getQueryStatistics();
                counters = new InternalSummaryCounters(
                        s.getNodesCreated(),
                        s.getNodesDeleted(),
                        s.getRelationshipsCreated(),
                        s.getRelationshipsDeleted(),
                        s.getPropertiesSet(),
                        s.getLabelsAdded(),
                        s.getLabelsRemoved(),
                        s.getIndexesAdded(),
                        s.getIndexesRemoved(),
                        s.getConstraintsAdded(),
                        s.getConstraintsRemoved(),
                        s.getSystemUpdates());
                // asked for by EXPLAIN or PROFILE, however the statement begins (CYPHER options first)
                var type = source.getQueryExecutionType();
                if (type.requestedExecutionPlanDescription()) {
                    var description = source.getExecutionPlanDescription();
                    plan = plan(description);
                    profile = type.isProfiled() ? profiled(description) : null;
                }
                source.close();
                return false;
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }

        private Record sourceNext() {
            try {
                var row = source.next();
                var values = new ArrayList<Value>(keys.keys().size());
                for (var key : keys.keys()) {
                    values.add(InProcessValues.value(row.get(key)));
                }
                return new InternalRecord(keys, values);
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }

        void keepTheRest() {
            while (sourceHasNext()) {
                kept.add(sourceNext());
            }
        }

        void discardTheRest() {
            kept.clear();
            try {
                while (sourceHasNext()) {
                    source.next();
                }
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }

        @Override
        public List<String> keys() {
            return keys.keys();
        }

        void close() {
            closed = true;
            kept.clear();
        }

        private void requireOpen() {
            if (closed) {
                throw new ResultConsumedException("Cannot access records on this result any more as the result has "
                        + "already been consumed or the query runner where the result is created has already been "
                        + "closed.");
            }
        }

        @Override
        public boolean hasNext() {
            requireOpen();
            return !kept.isEmpty() || sourceHasNext();
        }

        @Override
        public Record next() {
            requireOpen();
            if (!kept.isEmpty()) {
                return kept.poll();
            }
            if (!sourceHasNext()) {
                throw new NoSuchElementException();
            }
            return sourceNext();
        }

        @Override
        public Record single() {
            if (!hasNext()) {
                throw new NoSuchRecordException("Cannot retrieve a single record, because this result is empty.");
            }
            var only = next();
            if (hasNext()) {
                throw new NoSuchRecordException(
                        "Expected a result with a single record, but this result contains at least one more. "
                                + "Ensure your query returns only one record.");
            }
            return only;
        }

        @Override
        public Record peek() {
            requireOpen();
            if (kept.isEmpty()) {
                if (!sourceHasNext()) {
                    throw new NoSuchRecordException("Cannot peek past the last record");
                }
                kept.add(sourceNext());
            }
            return kept.peek();
        }

        @Override
        public Stream<Record> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
        }

        @Override
        public List<Record> list() {
            return list(r -> r);
        }

        @Override
        public <T> List<T> list(Function<Record, T> mapFunction) {
            var mapped = new ArrayList<T>();
            while (hasNext()) {
                mapped.add(mapFunction.apply(next()));
            }
            return mapped;
        }

        /** Reads the rest without converting it; the summary has the query and the counters only. */
        @Override
        public ResultSummary consume() {
            discardTheRest();
            consumed = true;
            var counted = counters;
            var planned = plan;
            var profiled = profile;
            return (ResultSummary) Proxy.newProxyInstance(
                    ResultSummary.class.getClassLoader(),
                    new Class<?>[] {ResultSummary.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "counters" -> counted;
                        case "query" -> new Query(text, parameters);
                        case "hasPlan" -> planned != null;
                        case "plan" -> planned;
                        case "hasProfile" -> profiled != null;
                        case "profile" -> profiled;
                        case "toString" -> "ResultSummary{query=" + text + ", counters=" + counted + "}";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default ->
                            throw new UnsupportedOperationException("A statement run in process has no "
                                    + method.getName() + " in its summary (only counters, query, plan and profile)");
                    });
        }

        @Override
        public boolean isOpen() {
            return !consumed && !closed;
        }

        private static Plan plan(ExecutionPlanDescription description) {
            return new PlanStep(
                    description.getName(),
                    arguments(description),
                    List.copyOf(description.getIdentifiers()),
                    description.getChildren().stream().map(Rows::plan).toList());
        }
    }

    /** A plan step's arguments as the driver gives them. */
    private static Map<String, Value> arguments(ExecutionPlanDescription description) {
        var arguments = new LinkedHashMap<String, Value>();
        description.getArguments().forEach((k, v) -> arguments.put(k, InProcessValues.value(v)));
        return arguments;
    }

    /** One step of a {@code PROFILE}d statement's plan with what it cost, as the driver gives it. */
    private static ProfiledPlan profiled(ExecutionPlanDescription description) {
        var stats = description.hasProfilerStatistics() ? description.getProfilerStatistics() : null;
        return new ProfiledStep(
                description.getName(),
                arguments(description),
                List.copyOf(description.getIdentifiers()),
                stats != null && stats.hasDbHits() ? stats.getDbHits() : 0,
                stats != null && stats.hasRows() ? stats.getRows() : 0,
                stats != null && stats.hasPageCacheStats(),
                stats != null && stats.hasPageCacheStats() ? stats.getPageCacheHits() : 0,
                stats != null && stats.hasPageCacheStats() ? stats.getPageCacheMisses() : 0,
                stats != null && stats.hasPageCacheStats() ? stats.getPageCacheHitRatio() : 0,
                stats != null && stats.hasTime() ? stats.getTime() : 0,
                description.getChildren().stream()
                        .map(InProcessTransactions::profiled)
                        .toList());
    }

    /** A step of a profiled plan (ProfiledPlan), from the database's profiler statistics. */
    private record ProfiledStep(
            String operatorType,
            Map<String, Value> arguments,
            List<String> identifiers,
            long dbHits,
            long records,
            boolean hasPageCacheStats,
            long pageCacheHits,
            long pageCacheMisses,
            double pageCacheHitRatio,
            long time,
            List<ProfiledPlan> children)
            implements ProfiledPlan {}

    /** One step of an {@code EXPLAIN}ed or {@code PROFILE}d statement's plan, as the driver gives it. */
    private record PlanStep(
            String operatorType, Map<String, Value> arguments, List<String> identifiers, List<Plan> children)
            implements Plan {}
}
