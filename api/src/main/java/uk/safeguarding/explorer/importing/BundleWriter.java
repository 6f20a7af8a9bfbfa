package uk.safeguarding.explorer.importing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.bundle.ExistingIds;
import uk.safeguarding.explorer.neo4j.CreatedTally;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * Writes the good records of a validated bundle with the {@code cypher/import/*.cypher}
 * statements, batched with {@code UNWIND}: one transaction per batch of rows of one statement.
 * Every record is one row of one statement, so a record is written whole or not at all; nodes
 * are written before the relationships that point at them.
 */
public class BundleWriter {

    static final String PARTLY_WRITTEN = "The database could no longer be reached during the import: %d of %d rows "
            + "were written, each record whole, the rest not at all; import the same bundle again when it is back "
            + "(records already written are not duplicated)";
    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);

    /** The threads that write batches beside the caller (shared by every writer; idle between imports). */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "import-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** The write groups whose batches are written one at a time (write). */
    private static final Set<String> SERIAL_GROUPS = Set.of("people", "meetings");

    /** The most writers an import may have (more only wait on each other's locks and connections). */
    private static final int MOST_WRITERS = 8;

    private final Graph graph;
    private final int batchSize;
    private final int writers;

    public BundleWriter(Graph graph, int batchSize) {
        this(graph, batchSize, 0);
    }

    /** One writer per core, at most four (more only wait on each other's locks and commits). */
    public static int defaultWriters() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * {@code writers}: how many batches of one write group are written at once
     * ({@code EXPLORER_IMPORT_WRITERS}; 0 for {@link #defaultWriters()}); the groups still follow one
     * another.
     */
    public BundleWriter(Graph graph, int batchSize, int writers) {
        if (writers < 0 || writers > MOST_WRITERS) {
            throw new IllegalStateException(
                    "EXPLORER_IMPORT_WRITERS must be 0 (one per core, at most 4) or from 1 to " + MOST_WRITERS);
        }
        this.graph = graph;
        this.batchSize = batchSize;
        this.writers = writers == 0 ? defaultWriters() : writers;
    }

    /**
     * Writes the rows of every write group, in write order (the nodes before the relationships that
     * point at them), reporting progress after each batch. The batches of one group are written by
     * up to {@code writers} threads at once, each in its own transaction: the rows of a group are
     * independent records, each MERGEd on its own key (a relationship's two ends locked while it is
     * merged), and a deadlock between two batches is retried. People are written one batch at a
     * time: each batch moves the identity generation, whose lock every writer of person records takes
     * first (StewardRepository), so their batches would only queue on it; and meetings, whose actions
     * are keyed across meetings, so that the later of two meetings naming one action wins, as it did.
     * If the database goes away part way, the batches written are whole and the rest unwritten; the
     * error then says so, and importing the same bundle again completes it (records MERGE on their
     * keys). Every thread has ended when this returns or throws.
     */
    public void write(Map<String, List<Map<String, Object>>> rows, ImportProgress progress, CreatedTally created) {
        write(rows, group -> rows.getOrDefault(group, List.of()), progress, created);
    }

    /**
     * As {@link #write(Map, ImportProgress, CreatedTally)}, each group's rows as {@code current} gives them
     * when the group's turn comes ({@code rows}: as they were, for the progress's total).
     */
    public void write(
            Map<String, List<Map<String, Object>>> rows,
            Function<String, List<Map<String, Object>>> current,
            ImportProgress progress,
            CreatedTally created) {
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        long total = rows.values().stream().mapToLong(List::size).sum();
        var done = new AtomicLong();
        for (var group : BundleValidator.WRITE_GROUPS) {
            var groupRows = current.apply(group);
            var statement = CypherStatements.named("import/" + group);
            var batches = new ArrayList<List<Map<String, Object>>>();
            for (int from = 0; from < groupRows.size(); from += batchSize) {
                batches.add(groupRows.subList(from, Math.min(groupRows.size(), from + batchSize)));
            }
            var next = new AtomicInteger();
            var failures = new ConcurrentLinkedQueue<Throwable>();
            Runnable work = () -> {
                for (int i = next.getAndIncrement();
                        i < batches.size() && failures.isEmpty();
                        i = next.getAndIncrement()) {
                    var batch = batches.get(i);
                    try {
                        created.add(graph.inWriteTransaction(tx -> {
                            if ("people".equals(group)) {
                                // person records change: an import resolving in memory meanwhile must know. The
                                // generation is locked first, as by every writer of person records (review 71:
                                // locked last, it crossed a steward's or a resolution's order and deadlocked)
                                tx.run(CypherStatements.named("identity/bump-generation"), Map.of("writer", "import"))
                                        .consume();
                            }
                            return tx.run(statement, Map.of("rows", batch, "now", now))
                                    .consume();
                        }));
                    } catch (RuntimeException | Error e) {
                        failures.add(e);
                        return;
                    }
                    synchronized (done) {
                        progress.update("records", done.addAndGet(batch.size()), total);
                    }
                    LOG.debug("Import progress: {} of {} rows written ({})", done.get(), total, group);
                }
            };
            var beside = new ArrayList<Future<?>>();
            var threads = SERIAL_GROUPS.contains(group) ? 1 : Math.min(writers, batches.size());
            for (int w = 1; w < threads; w++) {
                beside.add(WRITERS.submit(work));
            }
            try {
                // the caller writes too: a busy pool delays the other batches, never the first
                work.run();
            } finally {
                joinAll(beside, failures);
            }
            // an outage is said first (whatever else failed beside it): the error says what was written
            var failed = failures.stream()
                    .filter(DatabaseUnavailableException.class::isInstance)
                    .findFirst()
                    .orElse(failures.peek());
            if (failed instanceof DatabaseUnavailableException e && done.get() > 0) {
                throw new DatabaseUnavailableException(PARTLY_WRITTEN.formatted(done.get(), total), e);
            }
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (failed != null) {
                throw new IllegalStateException("an import batch failed", failed);
            }
        }
    }

    /**
     * Waits for every writer beside the caller to end, even when the caller is interrupted (the
     * interrupt is kept): nothing is written after the import has answered.
     */
    private static void joinAll(List<Future<?>> writers, Collection<Throwable> failures) {
        var interrupted = false;
        for (var other : writers) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failures.add(new IllegalStateException("the import was interrupted", e));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looks up, in one index-backed query, which referenced ids already exist in the database. */
    public ExistingIds existingIds() {
        return lookingUp("import/existing-ids", null);
    }

    /**
     * For an agency extract of the source: which referenced local ids are records of an earlier
     * extract of that source (agencies keep the partnership's ids).
     */
    public ExistingIds existingRecordIds(String source) {
        return lookingUp("import/existing-record-ids", source);
    }

    /** The ids a statement finds, and the stored types of agencies (the same for both kinds of bundle). */
    private ExistingIds lookingUp(String statement, String source) {
        return new ExistingIds() {
            @Override
            public Map<String, Set<String>> existing(Map<String, Set<String>> idsByLabel) {
                return lookUp(statement, idsByLabel, source);
            }

            @Override
            public Map<String, String> agencyTypes(Set<String> agencyIds) {
                return stored(agencyIds, "type");
            }

            @Override
            public Map<String, String> agencyNames(Set<String> agencyIds) {
                return stored(agencyIds, "name");
            }

            @Override
            public Map<String, String> professionalAgencies(Set<String> professionalIds) {
                return valuesById("import/professional-agencies", professionalIds, "agency");
            }

            /** One stored property of each of these agencies that exists and has it. */
            private Map<String, String> stored(Set<String> agencyIds, String property) {
                return valuesById("import/agency-types", agencyIds, property);
            }

            /** A statement's column by the id of each row that has it. */
            private Map<String, String> valuesById(String statement, Set<String> ids, String column) {
                var values = new HashMap<String, String>();
                for (var row : graph.read(statement, Map.of("ids", List.copyOf(ids)), r ->
                        new String[] {r.get("id").asString(), r.get(column).asString(null)})) {
                    if (row[1] != null) {
                        values.put(row[0], row[1]);
                    }
                }
                return values;
            }

            @Override
            public Map<String, Set<String>> recordedIds(Map<String, Set<String>> idsByArray) {
                var parameters = Parameters.with("prefix", source == null ? null : source + ":");
                for (var array : List.of("referrals", "meetings", "actions", "assessments", "markers")) {
                    parameters.put(array, List.copyOf(idsByArray.getOrDefault(array, Set.of())));
                }
                return graph.read(
                                "import/recorded-ids",
                                parameters,
                                r -> r.keys().stream().collect(Collectors.toMap(k -> k, k ->
                                        (Set<String>) new HashSet<>(r.get(k).asList(v -> v.asString())))))
                        .get(0);
            }
        };
    }

    private Map<String, Set<String>> lookUp(String statement, Map<String, Set<String>> refs, String source) {
        var parameters = Parameters.with("people", List.copyOf(refs.getOrDefault("Person", Set.of())))
                .and("addresses", List.copyOf(refs.getOrDefault("Address", Set.of())))
                .and("agencies", List.copyOf(refs.getOrDefault("Agency", Set.of())))
                .and("professionals", List.copyOf(refs.getOrDefault("Professional", Set.of())));
        if (source != null) {
            parameters.put("source", source);
        }
        return graph.read(
                        statement,
                        parameters,
                        r -> r.keys().stream().collect(Collectors.toMap(k -> k, k ->
                                (Set<String>) new HashSet<>(r.get(k).asList(v -> v.asString())))))
                .get(0);
    }
}
