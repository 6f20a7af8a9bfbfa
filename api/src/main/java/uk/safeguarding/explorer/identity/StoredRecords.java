package uk.safeguarding.explorer.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import uk.safeguarding.explorer.model.matching.HeldIdentifiers;
import uk.safeguarding.explorer.model.matching.MatchRecord;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The person records of the store, held in memory while one extract is resolved (issue 12): by the
 * values {@code identity/person-candidates-in-store} seeks with (NHS number, PNC id, UPN and the
 * blocking keys), each with its signature, the person it belongs to and the identifiers that person
 * holds. An incoming record's blocking keys find some sixty stored records; finding them here
 * instead of by index seeks in the store was most of resolution's time.
 *
 * <p>What is held is right only while nobody else changes person records, the persons they belong
 * to or what those persons hold. Every write that does (a plain bundle's people, a resolution
 * batch, a steward's decision, link or split) moves the store's identity generation on in its own
 * transaction ({@code identity/bump-generation}), and {@link Resolution} checks before each batch
 * that the generation is the one its own writes left ({@link Generation}); when it is not, the
 * batch is read from the store and the records are loaded again. The resolution's own writes are
 * applied here as it submits them ({@link #apply}), as {@code identity/write-person-records} writes
 * them.
 */
final class StoredRecords {

    /** At most this many records a key, as the store's look-up ({@code LIMIT 200}). */
    static final int LIMIT = 200;

    /** The heap a record takes once its signature is parsed, about (measured: 950 bytes, seed/README.md). */
    static final long BYTES_PER_RECORD = 1_000;

    /** How often one import loads the records again after another writer changed them, at most. */
    static final int RELOADS = 3;

    /** One stored person record; its signature is parsed when first found. */
    private static final class Entry {
        final String key;
        String sig;
        MatchRecord parsed;
        String personId;
        /** The batch in flight it was written by (StoredRecords.flight), if it is that batch. */
        int flight;
        /** The last look-up that found it (StoredRecords.looks): each record once a look-up. */
        int look;
        /** The lists of the keys it is found by (not the keys' text: held once, by byKey). */
        List<List<Entry>> buckets = List.of();

        Entry(String key, String sig, String personId) {
            this.key = key;
            this.sig = sig;
            this.personId = personId;
        }
    }

    /** A person whose identifiers are not known here (a record went to a person without records). */
    private static final HeldIdentifiers UNKNOWN = new HeldIdentifiers(Set.of(), Set.of(), Set.of());

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Map<String, Entry> byRecord = new HashMap<>();
    private final Map<String, HeldIdentifiers> held = new HashMap<>();
    private final long generation;
    /** The batch in flight's mark (Entry.flight; records as read are 0, never in flight). */
    private int flight = 1;
    /** The look-ups made (Entry.look). */
    private int looks;

    private StoredRecords(long generation) {
        this.generation = generation;
    }

    /** The identity generation at which the records were read. */
    long generation() {
        return generation;
    }

    int size() {
        return byRecord.size();
    }

    /**
     * Reads every person record of the store, with the generation before and after: when another
     * writer moved it meanwhile, the records read may be half of its change, so they are read again
     * (three times at most; null: read the store instead).
     */
    static StoredRecords load(Graph graph) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var before = Generation.read(graph);
            var records = new StoredRecords(before.value());
            graph.read("identity/stored-person-records", Map.of(), r -> {
                records.put(r);
                return Boolean.TRUE;
            });
            if (Generation.read(graph).value() == before.value()) {
                return records;
            }
        }
        return null;
    }

    private void put(Record r) {
        var key = r.get("key").asString();
        var keys = new ArrayList<String>();
        for (var name : Resolution.SEARCHED) {
            var value = r.get(name);
            if (!value.isNull()) {
                keys.add(name + "=" + value.asString());
            }
        }
        var person = r.get("person").asString();
        add(new Entry(key, r.get("sig").asString(null), person), keys);
        held.computeIfAbsent(
                person,
                p -> Resolution.identifiers(r.get("personNhsNumber"), r.get("personPncId"), r.get("personUpn")));
    }

    private void add(Entry entry, List<String> keys) {
        byRecord.put(entry.key, entry);
        index(entry, keys);
    }

    /**
     * A stored record written again with its (new) keys: it keeps its place in the lists of the keys it
     * still has, as the store's index keeps it (node id order), so that "the first 200 of a key" stay
     * the same records (review 69: moved to the end, a re-imported record fell out of a key's first
     * 200 in memory and not in the store); it leaves the lists of keys it lost and joins the end of
     * those of keys it gained.
     */
    private void reindex(Entry entry, List<String> keys) {
        var wanted = new ArrayList<List<Entry>>(keys.size());
        for (var key : keys) {
            wanted.add(byKey.computeIfAbsent(key, k -> new ArrayList<>()));
        }
        // the lists themselves, not their contents
        var had = Collections.newSetFromMap(new IdentityHashMap<List<Entry>, Boolean>());
        had.addAll(entry.buckets);
        var keep = Collections.newSetFromMap(new IdentityHashMap<List<Entry>, Boolean>());
        keep.addAll(wanted);
        for (var bucket : entry.buckets) {
            if (!keep.contains(bucket)) {
                bucket.remove(entry);
            }
        }
        for (var bucket : wanted) {
            if (!had.contains(bucket)) {
                bucket.add(entry);
            }
        }
        entry.buckets = wanted;
    }

    private void index(Entry entry, List<String> keys) {
        var buckets = new ArrayList<List<Entry>>(keys.size());
        for (var key : keys) {
            var bucket = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            bucket.add(entry);
            buckets.add(bucket);
        }
        entry.buckets = buckets;
    }

    /** The person a stored record belongs to (null: no such record is stored). */
    String owner(String key) {
        var entry = byRecord.get(key);
        return entry == null ? null : entry.personId;
    }

    /**
     * The stored records an incoming record's keys find, as {@code identity/person-candidates-in-store}
     * gives them: key by key in its order ({@code searchKeys}), at most {@value #LIMIT} a key once the
     * records of the batch in flight are left out, each record once, with its person and the
     * identifiers that person holds (null when not known here).
     */
    List<Resolution.Found> found(List<String> searchKeys) {
        // (marks on the entries, not look-ups by key: this runs for every record found, about sixty
        // times per incoming record, and hashing their keys was most of it)
        var look = ++looks;
        var found = new ArrayList<Resolution.Found>();
        for (var key : searchKeys) {
            var list = byKey.get(key);
            if (list == null) {
                continue;
            }
            var taken = 0;
            for (var entry : list) {
                if (entry.flight == flight) {
                    continue;
                }
                if (++taken > LIMIT) {
                    break;
                }
                if (entry.look != look) {
                    entry.look = look;
                    if (entry.parsed == null) {
                        entry.parsed = MatchRecord.fromSignature(entry.key, entry.sig);
                    }
                    var identifiers = held.get(entry.personId);
                    found.add(new Resolution.Found(
                            entry.key, entry.parsed, entry.personId, identifiers == UNKNOWN ? null : identifiers));
                }
            }
        }
        return found;
    }

    /**
     * The records of the batch whose write is in flight, left out of {@link #found} (the caller adds
     * them as it holds them): those applied since the last call, or these (after the records were read
     * again while that batch was in flight).
     */
    void inFlight(Collection<String> keys) {
        flight++;
        for (var key : keys) {
            var entry = byRecord.get(key);
            if (entry != null) {
                entry.flight = flight;
            }
        }
    }

    /** The records applied from here on are the batch in flight (see {@link #apply}). */
    void nextFlight() {
        flight++;
    }

    /**
     * Applies one written record as {@code identity/write-person-records} writes it: a record that
     * exists keeps its person and takes its new fields (signature and keys); a new record joins its
     * person, which it creates with its identifiers ({@code created}) or gives those it lacks
     * ({@code coalesce}). Applied in the order the write's rows are.
     */
    void apply(
            String key,
            String sig,
            List<String> storedKeys,
            String personId,
            boolean created,
            String nhsNumber,
            String pncId,
            String upn) {
        var entry = byRecord.get(key);
        if (entry != null) {
            reindex(entry, storedKeys);
            entry.sig = sig;
            entry.parsed = null;
            entry.flight = flight;
            return;
        }
        var added = new Entry(key, sig, personId);
        added.flight = flight;
        add(added, storedKeys);
        var given = new HeldIdentifiers(
                Resolution.optional(nhsNumber),
                pncId == null ? Set.of() : Set.of(MatchRecord.pnc(pncId)),
                Resolution.optional(upn));
        var known = held.get(personId);
        if (known == null) {
            // a person this store holds no record of: made by this write, else not known here
            held.put(personId, created ? given : UNKNOWN);
        } else if (known != UNKNOWN) {
            held.put(
                    personId,
                    new HeldIdentifiers(
                            known.nhsNumbers().isEmpty() ? given.nhsNumbers() : known.nhsNumbers(),
                            known.pncIds().isEmpty() ? given.pncIds() : known.pncIds(),
                            known.upns().isEmpty() ? given.upns() : known.upns()));
        }
    }

    /**
     * The identity generation as one import resolving in memory follows it: the value its own last
     * landed write left ({@code expected}), whether a write of its own is in flight, and whether a
     * write of its own found the generation moved by someone else before it ({@code stale}).
     */
    static final class Generation {

        /**
         * The generation as the store gives it: its value, the last writer to move it, and how many of its
         * moves were a steward's (Resolution: a batch's write stops what it weighed again when that moved).
         */
        record Read(long value, String writer, long stewardWrites) {}

        private final String writer;
        private long expected;
        private boolean inFlight;
        private boolean stale;

        Generation(String writer, long expected) {
            this.writer = writer;
            this.expected = expected;
        }

        static Read read(Graph graph) {
            return graph.read(
                            "identity/generation",
                            Map.of(),
                            r -> new Read(
                                    r.get("value").asLong(),
                                    r.get("writer").asString(null),
                                    r.get("stewardWrites").asLong()))
                    .get(0);
        }

        /** A write of this import was submitted. */
        void submitted() {
            inFlight = true;
        }

        /** A write of this import landed, having moved the generation from {@code before} to {@code after}. */
        void landed(long before, long after) {
            if (before != expected) {
                stale = true;
            }
            expected = after;
            inFlight = false;
        }

        /**
         * Whether nobody else has moved the generation: it is the value this import's last landed
         * write left, or one more moved by this import's write in flight.
         */
        boolean unchanged(Read now) {
            return !stale
                    && (now.value() == expected
                            || (inFlight && now.value() == expected + 1 && writer.equals(now.writer())));
        }
    }
}
