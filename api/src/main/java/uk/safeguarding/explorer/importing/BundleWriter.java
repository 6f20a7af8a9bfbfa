package uk.safeguarding.explorer.importing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.bundle.ExistingIds;
import uk.safeguarding.explorer.model.bundle.ValidatedBundle;
import uk.safeguarding.explorer.neo4j.Graph;

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

    private final Graph graph;
    private final int batchSize;

    public BundleWriter(Graph graph, int batchSize) {
        this.graph = graph;
        this.batchSize = batchSize;
    }

    /**
     * Writes every good record, batch by batch, logging progress after each batch. If the database
     * goes away part way, the batches written are whole and the rest unwritten; the error then says
     * so, and importing the same bundle again completes it (records MERGE on their keys).
     */
    public void write(ValidatedBundle bundle) {
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var total = BundleValidator.WRITE_GROUPS.stream()
                .mapToInt(g -> bundle.rows().getOrDefault(g, List.of()).size()).sum();
        var written = 0;
        for (var group : BundleValidator.WRITE_GROUPS) {
            var rows = bundle.rows().getOrDefault(group, List.of());
            var statement = CypherStatements.named("import/" + group);
            for (int from = 0; from < rows.size(); from += batchSize) {
                var batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                try {
                    graph.inWriteTransaction(tx -> tx.run(statement, Map.of("rows", batch, "now", now)).consume());
                } catch (DatabaseUnavailableException e) {
                    if (written == 0) {
                        throw e;
                    }
                    throw new DatabaseUnavailableException(PARTLY_WRITTEN.formatted(written, total), e);
                }
                written += batch.size();
                LOG.debug("Import progress: {} of {} rows written ({})", written, total, group);
            }
        }
    }

    /** Looks up, in one index-backed query, which referenced ids already exist in the database. */
    public ExistingIds existingIds() {
        return refs -> {
            var parameters = new HashMap<String, Object>();
            parameters.put("people", List.copyOf(refs.getOrDefault("Person", Set.of())));
            parameters.put("addresses", List.copyOf(refs.getOrDefault("Address", Set.of())));
            parameters.put("agencies", List.copyOf(refs.getOrDefault("Agency", Set.of())));
            parameters.put("professionals", List.copyOf(refs.getOrDefault("Professional", Set.of())));
            return graph.read("import/existing-ids", parameters, r -> r.keys().stream().collect(Collectors.toMap(
                    k -> k, k -> (Set<String>) new HashSet<>(r.get(k).asList(v -> v.asString()))))).get(0);
        };
    }
}
