package uk.safeguarding.explorer.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.model.bundle.Rejection;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * An agency extract's rows other than its people and addresses, by the persons and addresses their
 * records belong to (DESIGN §9: relationships follow their records), kept so while they are written.
 * They are rewritten from the records' local ids ({@link Rewriter}) when resolution ends; a steward's
 * merge, split or link from the start of the resolution on (the identity generation counts them)
 * may since have moved a record to another person or address, or merged its person away, and the
 * rows would then be written to the person it left, or (that person gone) not at all (review 105).
 * So before each kind of row is written ({@link #group}), the records' persons and addresses are read
 * again when a steward has written since they were last read, and the rows rewritten by them. A
 * steward's write while a kind is being written is caught once every kind is ({@link #settle}): the
 * rows that came through a record that has moved since they were mapped are moved after it, and
 * the rows mapped otherwise now are written again (a relationship stored under its key keeps its ends,
 * moved; what had found its person merged away is written; the rest is not written twice).
 */
public final class ExtractRows {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractRows.class);

    /** Records read again a statement, at least (the store's look-ups in parts). */
    private static final int READ_PART = 5_000;

    private final Graph graph;
    private final String source;
    private final Map<String, List<Map<String, Object>>> validated;
    private final Map<String, String> personIds;
    private final Map<String, String> addressIds;
    /**
     * The persons and addresses records were mapped to for this import's rows, and have left since the
     * last settle (by local id): what came through them there is to follow the record.
     */
    private final Map<String, Set<String>> leftPersons = new HashMap<>();

    private final Map<String, Set<String>> leftAddresses = new HashMap<>();
    /** The rows of the kinds written that were not: by the rewrite each kind was written by. */
    private final List<Rejection> warnings = new ArrayList<>();
    /** The rows given to be written, by kind, as mapped then: a row is not given again as it was. */
    private final Map<String, Set<Map<String, Object>>> given = new HashMap<>();

    private final ExtractLease.Held turn;
    private long stewardWrites;
    /** The steward's writes counted when this round's first kind was mapped (-1: none mapped yet). */
    private long roundStart = -1;

    private Map<String, List<Map<String, Object>>> rewritten;
    /** The rows the last rewrite could not write. */
    private List<Rejection> dropped = new ArrayList<>();

    /**
     * {@code stewardWrites}: the steward's writes counted before the first of the records' persons was
     * decided or read (StoredRecords.Generation); {@code turn}: the extract's turn, checked before each
     * kind is written (null: not checked).
     */
    ExtractRows(
            Graph graph,
            String source,
            Map<String, List<Map<String, Object>>> validated,
            Map<String, String> personIds,
            Map<String, String> addressIds,
            long stewardWrites,
            ExtractLease.Held turn) {
        this.graph = graph;
        this.source = source;
        this.validated = validated;
        this.personIds = new HashMap<>(personIds);
        this.addressIds = new HashMap<>(addressIds);
        this.stewardWrites = stewardWrites;
        this.turn = turn;
        this.rewritten = new Rewriter(source, this.personIds, this.addressIds, dropped).rewrite(validated);
    }

    /** Every kind of row as rewritten when resolution ended (for counting them). */
    public Map<String, List<Map<String, Object>>> all() {
        return rewritten;
    }

    /** The rows of one kind, by the persons and addresses their records belong to now. */
    public List<Map<String, Object>> group(String group) {
        if (turn != null) {
            turn.check();
        }
        var now = StoredRecords.Generation.read(graph).stewardWrites();
        if (now != stewardWrites) {
            stewardWrites = now;
            reread();
        }
        if (roundStart < 0) {
            roundStart = now;
        }
        dropped.stream().filter(w -> group.equals(w.array())).forEach(warnings::add);
        // only what was not given as it is now (after a settle, the rows whose records moved, or that had found
        // their person merged away): the rest is written already, and written again it would replay the agency's
        // values over what practitioners changed meanwhile (review 107: a marker's end)
        var before = given.computeIfAbsent(group, k -> new HashSet<>());
        var rows = new ArrayList<Map<String, Object>>();
        for (var row : rewritten.getOrDefault(group, List.of())) {
            if (before.add(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Once every kind is written: whether a steward wrote since the first kind was mapped. If so, the
     * records are read again, what came through a record now on another person or address is moved
     * there (identity/move-relationships, as a split moves it), and the caller writes every kind again.
     */
    public boolean settle() {
        var now = StoredRecords.Generation.read(graph).stewardWrites();
        // a steward's write since the first kind of this round was mapped may have landed while a kind was
        // written by an older mapping (a kind mapped again later does not mend those before it)
        if (now == roundStart || roundStart < 0) {
            return false;
        }
        roundStart = -1;
        stewardWrites = now;
        reread();
        // a record mapped to more than one person or address this round: rows of a kind written by the older
        // mapping are on the one it left, or (that one merged away) were not written (review 107: a keep or
        // a set-aside moves the count too, and then nothing is written again)
        if (leftPersons.isEmpty() && leftAddresses.isEmpty()) {
            return false;
        }
        // the kinds are written again: their warnings are those of that writing
        warnings.clear();
        var moved = 0;
        moved += follow(leftPersons, personIds, "Person");
        moved += follow(leftAddresses, addressIds, "Address");
        LOG.info(
                "A data steward changed identity records while the rows of the extract of {} were written: {}"
                        + " moves of what came through its records, and the rows whose records moved are written again",
                source,
                moved);
        return true;
    }

    /** The rows of the kinds written that were not (an end not resolved, or both ends one person). */
    public List<Rejection> warnings() {
        return List.copyOf(warnings);
    }

    private int follow(Map<String, Set<String>> left, Map<String, String> current, String label) {
        var moved = 0;
        for (var entry : left.entrySet()) {
            var to = current.get(entry.getKey());
            if (to == null) {
                continue;
            }
            for (var from : entry.getValue()) {
                if (from.equals(to)) {
                    continue;
                }
                var record = source + ":" + entry.getKey();
                moved += graph.inWriteTransaction(tx -> tx.run(
                                CypherStatements.named("identity/move-relationships"),
                                Parameters.with("label", label)
                                        .and("from", from)
                                        .and("to", to)
                                        .and("record", record))
                        .single()
                        .get("moved")
                        .asInt());
            }
        }
        left.clear();
        return moved;
    }

    private void reread() {
        var moved = 0;
        moved += reread(personIds, leftPersons, "people", "addresses");
        moved += reread(addressIds, leftAddresses, "addresses", "people");
        dropped = new ArrayList<>();
        rewritten = new Rewriter(source, personIds, addressIds, dropped).rewrite(validated);
        LOG.info(
                "A data steward changed identity records while the extract of {} was imported: its records' persons"
                        + " and addresses were read again, {} of them moved since, and its other rows follow them",
                source,
                moved);
    }

    /**
     * The records' owners now, in parts (an extract may refer to hundreds of thousands), each id a record
     * leaves kept in {@code left}; how many moved.
     */
    private int reread(Map<String, String> ids, Map<String, Set<String>> left, String parameter, String other) {
        var moved = 0;
        for (var r : graph.readInParts(
                "identity/record-owners",
                parameter,
                List.copyOf(ids.keySet()),
                Map.of("source", source, other, List.of()),
                READ_PART,
                r -> r)) {
            var localId = r.get("localId").asString();
            var id = r.get("id").asString();
            var was = ids.put(localId, id);
            if (!id.equals(was)) {
                moved++;
                if (was != null) {
                    left.computeIfAbsent(localId, k -> new LinkedHashSet<>()).add(was);
                }
            }
        }
        return moved;
    }
}
