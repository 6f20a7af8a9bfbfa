package uk.safeguarding.explorer.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.model.bundle.Rejection;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * An agency extract's rows other than its people and addresses, by the persons and addresses their
 * records belong to (DESIGN §9: relationships follow their records), kept so while they are written.
 * They are rewritten from the records' local ids ({@link Rewriter}) when resolution ends; a steward's
 * merge, split or link from the start of the resolution on (the identity generation counts them)
 * may since have moved a record to another person or address, or merged its person away, and the
 * rows would then be written to the person it left (review 105). So before each kind of row is
 * written ({@link #group}), the records' persons and addresses are read again when a steward has
 * written since they were last read, and the rows rewritten by them.
 */
public final class ExtractRows {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractRows.class);

    private final Graph graph;
    private final String source;
    private final Map<String, List<Map<String, Object>>> validated;
    private final Map<String, String> personIds;
    private final Map<String, String> addressIds;
    /** The rows of the kinds written that were not: by the rewrite each kind was written by. */
    private final List<Rejection> warnings = new ArrayList<>();

    private long stewardWrites;
    private Map<String, List<Map<String, Object>>> rewritten;
    /** The rows the last rewrite could not write. */
    private List<Rejection> dropped = new ArrayList<>();

    /**
     * {@code stewardWrites}: the steward's writes counted before the first of the records' persons was
     * decided or read (StoredRecords.Generation).
     */
    ExtractRows(
            Graph graph,
            String source,
            Map<String, List<Map<String, Object>>> validated,
            Map<String, String> personIds,
            Map<String, String> addressIds,
            long stewardWrites) {
        this.graph = graph;
        this.source = source;
        this.validated = validated;
        this.personIds = new HashMap<>(personIds);
        this.addressIds = new HashMap<>(addressIds);
        this.stewardWrites = stewardWrites;
        this.rewritten = new Rewriter(source, this.personIds, this.addressIds, dropped).rewrite(validated);
    }

    /** Every kind of row as rewritten when resolution ended (for counting them). */
    public Map<String, List<Map<String, Object>>> all() {
        return rewritten;
    }

    /** The rows of one kind, by the persons and addresses their records belong to now. */
    public List<Map<String, Object>> group(String group) {
        var now = StoredRecords.Generation.read(graph).stewardWrites();
        if (now != stewardWrites) {
            stewardWrites = now;
            reread();
        }
        dropped.stream().filter(w -> group.equals(w.array())).forEach(warnings::add);
        return rewritten.getOrDefault(group, List.of());
    }

    /** The rows of the kinds written that were not (an end not resolved, or both ends one person). */
    public List<Rejection> warnings() {
        return List.copyOf(warnings);
    }

    private void reread() {
        var moved = 0;
        var people = List.copyOf(personIds.keySet());
        var addresses = List.copyOf(addressIds.keySet());
        for (var r : graph.read(
                "identity/record-owners", Map.of("source", source, "people", people, "addresses", addresses), r -> r)) {
            var ids = Resolution.PERSON.equals(r.get("label").asString()) ? personIds : addressIds;
            var id = r.get("id").asString();
            if (!id.equals(ids.put(r.get("localId").asString(), id))) {
                moved++;
            }
        }
        dropped = new ArrayList<>();
        rewritten = new Rewriter(source, personIds, addressIds, dropped).rewrite(validated);
        LOG.info(
                "A data steward changed identity records while the extract of {} was imported: its records' persons"
                        + " and addresses were read again, {} of them moved since, and its other rows follow them",
                source,
                moved);
    }
}
