package uk.safeguarding.explorer.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.errors.Failures;
import uk.safeguarding.explorer.importing.ImportProgress;
import uk.safeguarding.explorer.model.bundle.Rejection;
import uk.safeguarding.explorer.model.bundle.ValidatedBundle;
import uk.safeguarding.explorer.model.matching.Candidate;
import uk.safeguarding.explorer.model.matching.Comparison;
import uk.safeguarding.explorer.model.matching.Decision;
import uk.safeguarding.explorer.model.matching.Evidence;
import uk.safeguarding.explorer.model.matching.HeldIdentifiers;
import uk.safeguarding.explorer.model.matching.MatchRecord;
import uk.safeguarding.explorer.model.matching.MatchingSettings;
import uk.safeguarding.explorer.model.matching.Nicknames;
import uk.safeguarding.explorer.model.matching.Resolver;
import uk.safeguarding.explorer.model.matching.Scorer;
import uk.safeguarding.explorer.model.matching.Standardise;
import uk.safeguarding.explorer.neo4j.CreatedTally;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Identity resolution at import (DESIGN §9). For an agency extract ({@code "resolve": true}) it
 * resolves every address record (UPRN, else postcode and standardised first line) and every person
 * record (blocking keys, then the matching engine's decision rules) in batches: read transactions
 * in parallel find the candidates of a batch by index seeks, the records are scored in parallel in
 * Java, and one write transaction writes the batch on a writer thread while the next batch is read
 * and decided (the store's look-up leaves out the records of the batch in flight and they are found
 * in memory instead, so what a batch finds does not depend on whether the one before it has
 * landed). Records of one batch that could affect each
 * other (sharing a blocking key or a candidate, or related in the extract) are decided in one
 * sequence, records with a date of birth first; unrelated groups are decided in parallel. Then it
 * rewrites the extract's other records to the resolved ids, each relationship remembering the
 * records its ends came through. For a bundle without {@code resolve} it only adds the standardised
 * fields and blocking keys with which its people and addresses are kept as anchored source records.
 */
public final class Resolution {

    private static final Logger LOG = LoggerFactory.getLogger(Resolution.class);
    static final String PERSON = "Person";
    private static final String ADDRESS = "Address";
    private static final int PARENT_GAP_YEARS = 12;
    /** The fewest rows of a batch's look-up worth a read transaction (and a core) of their own. */
    private static final int READ_PART = 250;

    /**
     * The stored fields a record's candidates are found by, in the order the store's look-up seeks
     * them ({@code identity/person-candidates-in-store}): identifiers, then the blocking keys.
     */
    static final List<String> SEARCHED =
            List.of("nhsNumber", "pncKey", "upn", "bkDob", "bkFamilyYear", "bkNames", "bkGivenDay");

    private static final List<String> PERSON_PAIRS =
            List.of("parent-of", "partner-of", "sibling-of", "has-contact-with");

    private final Graph graph;
    private final Resolver resolver;
    private final Nicknames nicknames = Nicknames.standard();
    private final int batchSize;
    /** One import at a time holds the store's person records in memory. */
    private static final Semaphore HOLDING = new Semaphore(1);

    /** Whether the store's person records are held in memory while an extract is resolved (StoredRecords). */
    private final boolean inMemory;

    private long readNanos;
    /** Reading the store's person records into memory (StoredRecords). */
    private long loadNanos;
    /** Of readNanos: reading the records the blocking keys found (identity/person-candidates). */
    private long foundNanos;
    /** Of readNanos: reading what the candidate persons hold (identity/candidate-persons). */
    private long personsNanos;

    private long decideNanos;
    private long writeNanos;

    /**
     * {@code inMemory}: the store's person records are held in memory while an extract is resolved,
     * and a record's candidates found there ({@link StoredRecords}); else every batch's are read from
     * the store by index seeks (slower; needs no heap for the records).
     */
    public Resolution(Graph graph, MatchingSettings settings, int batchSize, boolean inMemory) {
        this.graph = graph;
        this.resolver = new Resolver(new Scorer(settings, nicknames));
        this.batchSize = Math.max(100, Math.min(batchSize, 5_000));
        this.inMemory = inMemory;
    }

    // --- bundles without resolve ---------------------------------------------------------------

    /** Adds to a plain bundle's people and address rows the fields their anchored source records keep. */
    public void prepareAnchored(ValidatedBundle bundle) {
        for (var row : bundle.rows().getOrDefault("people", List.of())) {
            var record = matchRecord(row, (String) row.get("source") + ":" + row.get("id"));
            row.put("record", recordFields(row, record));
        }
        for (var row : bundle.rows().getOrDefault("addresses", List.of())) {
            row.put("matchKey", Standardise.addressKey((String) row.get("line1"), (String) row.get("line2"), (String)
                    row.get("postcode")));
        }
    }

    // --- agency extracts ----------------------------------------------------------------------------

    /**
     * What resolving an extract produced: the counts, the rows of the other arrays by the resolved
     * ids (kept current while written), and the warnings of the people and addresses.
     */
    public record Resolved(ResolutionCounts counts, ExtractRows rows, List<Rejection> warnings) {}

    /**
     * Resolves and writes the people and addresses of a validated extract, and returns its other
     * rows rewritten to the resolved ids (people and addresses are written here, not by the caller).
     */
    public Resolved resolveExtract(
            ValidatedBundle bundle, ImportProgress progress, CreatedTally created, ExtractLease.Held turn) {
        var source = bundle.source();
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var rows = bundle.rows();
        var addressIds = new HashMap<String, String>();
        var postcodes = new HashMap<String, String>();
        var personIds = new ConcurrentHashMap<String, String>();
        // a steward's writes from here on may move the records the extract's other rows are written by
        var stewardWrites = StoredRecords.Generation.read(graph).stewardWrites();
        // addresses one batch after another: writing a batch beside the next batch's reads, as the
        // people are, was measured no faster
        var addressesStarted = System.nanoTime();
        var addressRows = rows.getOrDefault("addresses", List.of());
        var warnings = new ArrayList<Rejection>();
        resolveAddresses(source, addressRows, addressIds, postcodes, now, created, warnings, turn);
        LOG.info(
                "Resolved {} address records of {} in {} s",
                addressRows.size(),
                source,
                seconds(System.nanoTime() - addressesStarted));
        lookUpEarlierRecords(source, rows, personIds, addressIds, postcodes);
        ResolutionCounts counts;
        try (var writes = new Writes(source, created, turn)) {
            counts = resolvePeople(source, rows, personIds, addressIds, postcodes, now, progress, writes, warnings);
        }
        return new Resolved(
                counts, new ExtractRows(graph, source, rows, personIds, addressIds, stewardWrites, turn), warnings);
    }

    // --- addresses ---------------------------------------------------------------------------

    private void resolveAddresses(
            String source,
            List<Map<String, Object>> rows,
            Map<String, String> addressIds,
            Map<String, String> postcodes,
            ZonedDateTime now,
            CreatedTally created,
            List<Rejection> warnings,
            ExtractLease.Held turn) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            var batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
            var queries = new ArrayList<Map<String, Object>>();
            for (var row : batch) {
                var q = new HashMap<String, Object>();
                q.put("source", source);
                q.put("localId", row.get("id"));
                q.put("uprn", row.get("uprn"));
                q.put("postcodeKey", Standardise.postcode((String) row.get("postcode")));
                q.put("matchKey", Standardise.addressKey((String) row.get("line1"), (String) row.get("line2"), (String)
                        row.get("postcode")));
                q.put("newId", NewIds.address(source, (String) row.get("id")));
                queries.add(q);
            }
            var answers =
                    graph.readInParts("identity/address-candidates", "rows", queries, Map.of(), READ_PART, r -> r);
            var byLocal = new HashMap<String, Record>();
            answers.forEach(r -> byLocal.put(r.get("localId").asString(), r));
            var batchWrites = new ArrayList<Map<String, Object>>();
            var byKeyInBatch = new HashMap<String, String>();
            for (int i = 0; i < batch.size(); i++) {
                var row = batch.get(i);
                var q = queries.get(i);
                var localId = (String) row.get("id");
                var answer = byLocal.get(localId);
                String addressId;
                if (!answer.get("own").isNull()) {
                    addressId = answer.get("own").asString();
                } else if (!answer.get("byUprn").isNull()) {
                    addressId = answer.get("byUprn").asString();
                } else if (!answer.get("byKey").isNull()) {
                    addressId = answer.get("byKey").asString();
                } else {
                    var inBatch = row.get("uprn") != null ? byKeyInBatch.get(uprnKey(row, q)) : null;
                    if (inBatch == null && q.get("matchKey") != null) {
                        inBatch = byKeyInBatch.get("key:" + q.get("matchKey"));
                    }
                    addressId = inBatch != null
                            ? inBatch
                            : answer.get("taken").asBoolean()
                                    ? freshId(NewIds.address(source, localId))
                                    : (String) q.get("newId");
                }
                if (answer.get("own").isNull()
                        && answer.get("byUprn").isNull()
                        && !answer.get("uprnElsewhere").isNull()) {
                    // named by its id: rows the validator rejected are gone, so its place in the file is not
                    // known here (review 92), as for the rewriter's warnings
                    warnings.add(new Rejection(
                            "addresses",
                            -1,
                            localId,
                            "uprn",
                            "is the UPRN of an address recorded at postcode "
                                    + answer.get("uprnElsewhere").asString() + ", not " + row.get("postcode")
                                    + ": not joined to it on the UPRN; check the UPRN"));
                }
                if (row.get("uprn") != null) {
                    byKeyInBatch.putIfAbsent(uprnKey(row, q), addressId);
                }
                if (q.get("matchKey") != null) {
                    byKeyInBatch.putIfAbsent("key:" + q.get("matchKey"), addressId);
                }
                addressIds.put(localId, addressId);
                var postcode = Standardise.postcode((String) row.get("postcode"));
                if (postcode != null) {
                    postcodes.put(addressId, postcode);
                }
                var fields = new HashMap<String, Object>();
                fields.put("uprn", row.get("uprn"));
                fields.put("matchKey", q.get("matchKey"));
                fields.put("line1", row.get("line1"));
                fields.put("postcode", row.get("postcode"));
                // kept so that a steward's split can give the record an address of its own, and its old
                // address its other records' fields again (identity/split-address-record)
                fields.put("line2", row.get("line2"));
                fields.put("town", row.get("town"));
                fields.put("kind", row.get("kind"));
                fields.put("allFields", true);
                var addressFields = new HashMap<String, Object>();
                for (var key : List.of("uprn", "line1", "line2", "town", "postcode", "kind")) {
                    addressFields.put(key, row.get(key));
                }
                var write = new HashMap<String, Object>();
                write.put("source", source);
                write.put("localId", localId);
                write.put("key", source + ":" + localId);
                write.put("addressId", addressId);
                write.put("fields", fields);
                write.put("addressFields", addressFields);
                write.put("recordedAt", row.get("recordedAt"));
                batchWrites.add(write);
            }
            // (this extract still holds its turn: one that lost it stops)
            if (turn != null) {
                turn.check();
            }
            created.add(graph.inWriteTransaction(tx -> tx.run(
                            CypherStatements.named("identity/write-address-records"),
                            Map.of("rows", batchWrites, "now", now))
                    .consume()));
        }
    }

    /** An address record's UPRN with its postcode: two of one extract join on the UPRN only where both agree. */
    private static String uprnKey(Map<String, Object> row, Map<String, Object> query) {
        return "uprn:" + row.get("uprn") + " " + query.get("postcodeKey");
    }

    /** The persons and addresses of records of earlier extracts of the source that this one refers to. */
    private void lookUpEarlierRecords(
            String source,
            Map<String, List<Map<String, Object>>> rows,
            Map<String, String> personIds,
            Map<String, String> addressIds,
            Map<String, String> postcodes) {
        var inBundle = new HashSet<String>();
        rows.getOrDefault("people", List.of()).forEach(r -> inBundle.add((String) r.get("id")));
        var people = new LinkedHashSet<String>();
        var addresses = new LinkedHashSet<String>();
        for (var group : List.of("parent-of", "partner-of", "sibling-of", "has-contact-with", "lives-at")) {
            for (var row : rows.getOrDefault(group, List.of())) {
                people.add((String) row.get("fromId"));
                if ("lives-at".equals(group)) {
                    addresses.add((String) row.get("toId"));
                } else {
                    people.add((String) row.get("toId"));
                }
            }
        }
        rows.getOrDefault("involvements", List.of()).forEach(r -> people.add((String) r.get("person")));
        rows.getOrDefault("markers-on-person", List.of()).forEach(r -> people.add((String) r.get("on")));
        rows.getOrDefault("markers-on-address", List.of()).forEach(r -> addresses.add((String) r.get("on")));
        rows.getOrDefault("referrals", List.of()).forEach(r -> people.add((String) r.get("about")));
        rows.getOrDefault("assessments", List.of()).forEach(r -> people.add((String) r.get("of")));
        for (var meeting : rows.getOrDefault("meetings", List.of())) {
            people.addAll(strings(meeting.get("concerns")));
            for (var action : maps(meeting.get("actions"))) {
                people.addAll(strings(action.get("for")));
            }
        }
        rows.getOrDefault("events", List.of()).forEach(r -> people.addAll(strings(r.get("involves"))));
        people.removeAll(inBundle);
        people.remove(null);
        addresses.removeAll(addressIds.keySet());
        addresses.remove(null);
        if (people.isEmpty() && addresses.isEmpty()) {
            return;
        }
        graph.read(
                        "identity/record-owners",
                        Map.of("source", source, "people", List.copyOf(people), "addresses", List.copyOf(addresses)),
                        r -> r)
                .forEach(r -> {
                    var localId = r.get("localId").asString();
                    var id = r.get("id").asString();
                    if (PERSON.equals(r.get("label").asString())) {
                        personIds.put(localId, id);
                    } else {
                        addressIds.put(localId, id);
                        if (!r.get("postcode").isNull()) {
                            postcodes.put(
                                    id, Standardise.postcode(r.get("postcode").asString()));
                        }
                    }
                });
    }

    // --- people ---------------------------------------------------------------------------------

    /** One incoming person record of the extract. */
    record Incoming(int order, String localId, Map<String, Object> row, MatchRecord record, Map<String, String> keys) {

        String key() {
            return record.key();
        }
    }

    /**
     * A stored record a blocking key found, as its signature gives it, the person it belongs to, and
     * the identifiers that person held when it was read (null when not read with it: a record of the
     * batch in flight).
     */
    record Found(String key, MatchRecord record, String personId, HeldIdentifiers held) {}

    /** What the database knows of one candidate person. */
    private record PersonInfo(
            Set<String> nhs,
            Set<String> pnc,
            Set<String> upn,
            Set<String> addressIds,
            Set<String> postcodes,
            Set<String> notSame) {}

    /** The outcome for one incoming record. */
    private record Outcome(Incoming incoming, String personId, Decision decision, boolean existed) {}

    private ResolutionCounts resolvePeople(
            String source,
            Map<String, List<Map<String, Object>>> rows,
            Map<String, String> personIds,
            Map<String, String> addressIds,
            Map<String, String> postcodes,
            ZonedDateTime now,
            ImportProgress progress,
            Writes writes,
            List<Rejection> warnings) {
        var peopleRows = rows.getOrDefault("people", List.of());
        if (peopleRows.isEmpty()) {
            return ResolutionCounts.NONE;
        }
        var prepareStarted = System.nanoTime();
        // the addresses each record's own extract gives it
        var homes = new HashMap<String, Set<String>>();
        for (var row : rows.getOrDefault("lives-at", List.of())) {
            var address = addressIds.get((String) row.get("toId"));
            if (address != null) {
                homes.computeIfAbsent((String) row.get("fromId"), k -> new LinkedHashSet<>())
                        .add(address);
            }
        }
        // pairs the extract itself says are two people (parent and child, partners, siblings, contacts)
        var apart = new HashMap<String, Set<String>>();
        for (var group : PERSON_PAIRS) {
            for (var row : rows.getOrDefault(group, List.of())) {
                var a = (String) row.get("fromId");
                var b = (String) row.get("toId");
                apart.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                apart.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        }
        // the eldest child the extract gives each parent: a contact without a date of birth is not
        // taken for someone too young to be that parent (a dozen years), and is linked by score only
        // to someone old enough to be it (Resolver.PARENT_LINK_GAP_YEARS)
        var dobs = new HashMap<String, LocalDate>();
        peopleRows.forEach(r -> {
            if (r.get("dateOfBirth") != null) {
                dobs.put((String) r.get("id"), (LocalDate) r.get("dateOfBirth"));
            }
        });
        var eldestChildBorn = new HashMap<String, LocalDate>();
        for (var row : rows.getOrDefault("parent-of", List.of())) {
            var child = dobs.get((String) row.get("toId"));
            if (child != null) {
                eldestChildBorn.merge((String) row.get("fromId"), child, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        var incoming = new ArrayList<Incoming>();
        for (int i = 0; i < peopleRows.size(); i++) {
            var row = peopleRows.get(i);
            var localId = (String) row.get("id");
            var ids = homes.getOrDefault(localId, Set.of());
            var codes = new HashSet<String>();
            ids.forEach(a -> {
                if (postcodes.containsKey(a)) {
                    codes.add(postcodes.get(a));
                }
            });
            var record = matchRecord(row, source + ":" + localId).at(ids, codes);
            incoming.add(new Incoming(i, localId, row, record, record.blockingKeys(nicknames)));
        }
        // records with a date of birth are decided first: a contact without one is then weighed
        // against people already known (a father is not taken for his son of the same name)
        incoming.sort(Comparator.comparing((Incoming x) -> x.record().dateOfBirth() == null)
                .thenComparingInt(Incoming::order));
        long linked = 0;
        long created = 0;
        long queued = 0;
        // the records sent again, weighed again, for the import's answer once their writes landed
        var rechecked = new LinkedHashMap<String, Map.Entry<Incoming, Recheck>>();
        var started = System.nanoTime();
        var lastLog = started;
        readNanos = 0;
        loadNanos = 0;
        foundNanos = 0;
        personsNanos = 0;
        decideNanos = 0;
        writeNanos = 0;
        // A batch is written by one writer thread while the next batch is read and decided: the
        // records of the batch in flight are found in memory (InFlight), so what a batch's reads see
        // does not depend on whether the batch before it has landed yet.
        var inFlight = new InFlight();
        var waitedBefore = writes.waitedNanos();
        // The store's person records are held in memory (StoredRecords) while nobody else changes
        // them: each batch first checks the identity generation; when another writer moved it, that
        // batch reads from the store and the records are read again before the next one.
        var writer = "resolution:" + source + ":" + UUID.randomUUID();
        // one import at a time holds the store's records (each holds its own copy)
        var inMemory = this.inMemory && worthHolding(source, incoming.size()) && HOLDING.tryAcquire();
        try {
            StoredRecords memory = null;
            StoredRecords.Generation generation = null;
            var loads = 0;
            for (int from = 0; from < incoming.size(); from += batchSize) {
                var batch = incoming.subList(from, Math.min(incoming.size(), from + batchSize));
                // one read of the generation serves both: the check of the records held in memory, and the
                // steward's writes counted, a steward's write from here to the batch's write stopping what the
                // batch weighed again (reviews 104, 105: two reads let a steward's write fall between them unseen)
                var generationNow = StoredRecords.Generation.read(graph);
                long stewardWrites = generationNow.stewardWrites();
                if (memory == null && loads <= StoredRecords.RELOADS && inMemory) {
                    // what the batch in flight wrote is then in what is read
                    writes.finish();
                    loads++;
                    var loadStarted = System.nanoTime();
                    memory = load(source);
                    if (memory == null) {
                        // not read (it failed, or kept changing): the store, batch by batch, from here on
                        loads = StoredRecords.RELOADS + 1;
                    }
                    generation = memory == null ? null : new StoredRecords.Generation(writer, memory.generation());
                    writes.follow(generation);
                    loadNanos += System.nanoTime() - loadStarted;
                    if (memory != null) {
                        // the batch before, landed and read with the rest, is still the one in flight
                        memory.inFlight(inFlight.records());
                        LOG.info("Read {} stored person records into memory for {}", memory.size(), source);
                    }
                } else if (memory != null && !generation.unchanged(generationNow)) {
                    LOG.info(
                            "Person records changed by another writer while {} was resolved: this batch is read from"
                                    + " the store{}",
                            source,
                            loads <= StoredRecords.RELOADS ? ", and the records read again before the next" : "");
                    memory = null;
                    generation = null;
                    writes.follow(null);
                }
                var outcomes = resolveBatch(source, batch, personIds, apart, eldestChildBorn, inFlight, memory);
                var changed = recheck(outcomes, eldestChildBorn, inFlight);
                // this batch was weighed beside the batch in flight as that batch was weighed; when its write
                // stopped versions (a steward wrote meanwhile), this batch is weighed again against the store as
                // that write left it (review 105: a woman's corrected number, stopped, was still given up in the
                // batch in flight, and the next batch gave her old number to a man: two persons, one number)
                writes.finish();
                if (writes.lastStopped() > 0) {
                    LOG.info(
                            "{} records sent again by {} were not written as weighed (a steward wrote meanwhile): the"
                                    + " next batch is weighed again against the store",
                            writes.lastStopped(),
                            source);
                    if (memory != null) {
                        // they were applied to the records held as weighed: read again before the next batch
                        memory = null;
                        generation = null;
                        writes.follow(null);
                    }
                    inFlight = new InFlight();
                    // decided afresh: what the first run decided for the batch's records is not theirs (review 106)
                    batch.forEach(in -> personIds.remove(in.localId()));
                    stewardWrites = StoredRecords.Generation.read(graph).stewardWrites();
                    outcomes = resolveBatch(source, batch, personIds, apart, eldestChildBorn, inFlight, null);
                    changed = recheck(outcomes, eldestChildBorn, inFlight);
                }
                if (memory != null) {
                    // this batch, applied below, is the one in flight from here on
                    memory.nextFlight();
                }
                var next = new InFlight();
                var records = new ArrayList<Map<String, Object>>();
                var candidates = new ArrayList<Map<String, Object>>();
                var waiting = new ArrayList<Map<String, Object>>();
                for (var outcome : outcomes) {
                    var change = changed.get(outcome.incoming().localId());
                    if (change != null) {
                        rechecked.put(outcome.incoming().localId(), Map.entry(outcome.incoming(), change));
                    }
                    var write = personWrite(source, outcome, change);
                    // its place in the extract: the order its person takes fields in among records of one
                    // import (refresh-person; review 99: a keep lost the NEW that said which came first)
                    write.put("seq", from + records.size());
                    records.add(write);
                    if (change != null && change.holds()) {
                        // the record keeps the fields it was linked on while a steward is asked about the
                        // version sent (review 96): not in flight, unchanged in the records held; the agency
                        // is told in the import's answer (walk 76: nothing said the version was held)
                        if (change.asks()) {
                            candidates.add(candidateWrite(
                                    source,
                                    outcome.incoming(),
                                    change.comparison(),
                                    Decision.Queued.CHANGED_SINCE_LINKED,
                                    change.explanation(),
                                    change.changes()));
                        } else {
                            // the version the question holds (or a steward set aside), sent again: what the
                            // engine does not compare (a date of death) may have changed, and waits with it
                            waiting.add(waitingWrite(outcome.incoming()));
                        }
                        continue;
                    }
                    next.add(outcome.incoming(), outcome.personId(), outcome.existed());
                    if (memory != null) {
                        var in = outcome.incoming();
                        memory.apply(
                                in.key(),
                                in.record().signature(),
                                InFlight.storedKeys(in),
                                outcome.personId(),
                                !outcome.existed() && outcome.decision().linkedBy() == Decision.LinkedBy.NEW,
                                (String) in.row().get("nhsNumber"),
                                (String) in.row().get("pncId"),
                                (String) in.row().get("upn"));
                    }
                    if (outcome.existed()) {
                        continue;
                    }
                    var decision = outcome.decision();
                    if (decision.linkedBy() == Decision.LinkedBy.NEW) {
                        created++;
                    } else {
                        linked++;
                    }
                    var explanation = resolver.explain(decision.queued());
                    for (var review : decision.review()) {
                        candidates.add(candidateWrite(
                                source, outcome.incoming(), review, decision.queued(), explanation, null));
                    }
                }
                queued += candidates.size();
                // waits for the batch in flight to land, then this batch is the one in flight
                // a person takes its fields again from its records, which keep what they were linked on
                // while a steward is asked about a version (review 94, 96: a disputed version renamed it)
                var refresh = changed.values().stream()
                        .map(Recheck::personId)
                        .distinct()
                        .toList();
                var weighedAt = stewardWrites;
                writes.submit(
                        () -> writeBatch(records, candidates, waiting, refresh, now, writer, weighedAt, writes.turn()));
                inFlight = next;
                var done = from + batch.size();
                if (done < incoming.size()) {
                    // the last batch is done when its write is
                    progress.update("people", done, incoming.size());
                }
                var nowNanos = System.nanoTime();
                if (nowNanos - lastLog > 10_000_000_000L && done < incoming.size()) {
                    lastLog = nowNanos;
                    var rate = done / ((nowNanos - started) / 1e9);
                    LOG.info(
                            "Resolved {} of {} person records of {} ({} records/s, about {} s left)",
                            done,
                            incoming.size(),
                            source,
                            Math.round(rate),
                            Math.round((incoming.size() - done) / rate));
                }
            }
            writes.finish();
        } finally {
            if (inMemory) {
                HOLDING.release();
            }
        }
        // the import's answer names every record sent again whose version it did not apply (walk 76), as the
        // writes found it (review 104): held for a steward (asked now, waiting, set aside), unless a steward
        // made it the record's meanwhile; or not written as weighed, a steward having written between the
        // import's read and its write (then once, and its question, not asked, is not counted as queued)
        long held = 0;
        for (var entry : rechecked.values()) {
            var localId = entry.getKey().localId();
            var change = entry.getValue();
            if (!change.holds() || writes.stopped().containsKey(localId)) {
                continue;
            }
            var state = change.asks()
                    ? "asked"
                    : writes.waiting().getOrDefault(localId, change.setAside() ? "SET_ASIDE" : "PENDING");
            if (!"applied".equals(state)) {
                held++;
                warnings.add(heldWarning(entry.getKey(), change, state));
            }
        }
        for (var stop : writes.stopped().entrySet()) {
            var entry = rechecked.get(stop.getKey());
            if (entry != null) {
                held++;
                warnings.add(heldWarning(entry.getKey(), entry.getValue(), stop.getValue()));
            }
        }
        queued -= writes.unasked();
        progress.update("people", incoming.size(), incoming.size());
        writeNanos = writes.waitedNanos() - waitedBefore;
        LOG.info(
                "Resolved {} person records of {} in {} s (prepared in {} s): stored records read into memory in {}"
                        + " s, candidates read in {} s (of which records found {} s, persons' details {} s), decided in"
                        + " {} s, waited {} s for writes to land",
                incoming.size(),
                source,
                seconds(System.nanoTime() - prepareStarted),
                seconds(started - prepareStarted),
                seconds(loadNanos),
                seconds(readNanos),
                seconds(foundNanos),
                seconds(personsNanos),
                seconds(decideNanos),
                seconds(writeNanos));
        return new ResolutionCounts(linked, created, queued, held);
    }

    /**
     * The import answer's word on a record sent again whose version was not applied, by {@code state}:
     * "asked" (a question asked now), PENDING (the version a question already holds), SET_ASIDE (a
     * version a steward set aside), "closed" (it waited on a question a steward closed meanwhile),
     * "changed" (a steward wrote between the import's read and its write) or "set aside" (a steward set
     * the version aside meanwhile). Named by its id (rows the validator rejected are gone, so its place in
     * the file is not known here), with what its agency changed.
     */
    private static Rejection heldWarning(Incoming in, Recheck change, String state) {
        var changes = change.changes().isEmpty() ? "" : " (" + String.join("; ", change.changes()) + ")";
        var again = " was not applied, and is weighed again when your agency sends it next";
        var reason = switch (state) {
            case "asked" ->
                "is held for the partnership's data steward, not applied until one decides" + changes
                        + ": the record stays as it was linked, and anything else this version gives (such as a date"
                        + " of death) waits with it";
            case "SET_ASIDE" ->
                "is a version the partnership's data steward set aside" + changes
                        + ": not applied, and not asked about again; the record stays as it was linked. Send the record"
                        + " corrected, or ask the data steward why";
            case "set aside" ->
                "is a version the partnership's data steward set aside while this import weighed it"
                        + changes + ": not applied; the record stays as it was linked. Send the record corrected, or"
                        + " ask the data steward why";
            case "closed" ->
                "waited on a question the partnership's data steward closed while this import weighed"
                        + " it: this version" + changes + again;
            // any steward's write meanwhile, not necessarily about this record (review 105: it read as if it were)
            case "changed" ->
                "was weighed while the partnership's data steward was changing identity records (not"
                        + " necessarily this one): to be safe, this version" + changes + again;
            default ->
                "is the version the partnership's data steward is already asked about" + changes
                        + ": held, not applied until one decides; the record stays as it was linked";
        };
        return new Rejection("people", -1, in.localId(), "", reason);
    }

    /**
     * Whether an extract of this many person records is resolved faster with the store's records
     * held in memory: reading them costs about a hundredth of a millisecond each, and saves about a
     * quarter of a millisecond of look-ups for each incoming record (measured at 200,000 people), so
     * an extract of at least a twentieth of the store's records is (a daily extract of a few
     * thousand records into a large store is not: it is looked up in the store).
     */
    private boolean worthHolding(String source, int incoming) {
        var stored = graph.read(
                        "identity/stored-record-count",
                        Map.of(),
                        r -> r.get("records").asLong())
                .get(0);
        if (incoming * 20L < stored) {
            return false;
        }
        // about 950 bytes a record once its signature is parsed (seed/README.md): at most half the heap free
        var runtime = Runtime.getRuntime();
        var free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        var needed = stored * StoredRecords.BYTES_PER_RECORD;
        if (needed > free / 2) {
            LOG.info(
                    "The {} person records of the store need about {} MB of heap and {} MB are free: {} is"
                            + " looked up in the store",
                    stored,
                    needed >> 20,
                    free >> 20,
                    source);
            return false;
        }
        return true;
    }

    /** The store's person records read into memory; null when they could not be (the store is read instead). */
    private StoredRecords load(String source) {
        try {
            var memory = StoredRecords.load(graph);
            if (memory == null) {
                LOG.info("Person records kept changing while they were read for {}: looked up in the store", source);
            }
            return memory;
        } catch (RuntimeException e) {
            LOG.warn(
                    "The store's person records could not be read into memory for {}: looked up in the store",
                    source,
                    e);
            return null;
        }
    }

    /**
     * What one batch's write did: its statements' summaries, the identity generation it moved, the records
     * sent again it did not write as weighed ({@code stopped}: local id to why, "changed" or "set aside", a
     * steward's write having landed between the import's read and this write), how many questions about
     * them it therefore did not ask ({@code unasked}), and of the versions waiting on a question, sent
     * again, what became of each ({@code waiting}: local id to the question's status now, "applied" when a
     * steward made the version the record's meanwhile, "closed" when a steward closed the question).
     */
    private record Written(
            List<ResultSummary> summaries,
            long before,
            long after,
            Map<String, String> stopped,
            int unasked,
            Map<String, String> waiting) {}

    /**
     * Writes one batch's person records and match candidates in one write transaction, moving the
     * identity generation on as {@code writer}.
     */
    private Written writeBatch(
            List<Map<String, Object>> writes,
            List<Map<String, Object>> candidates,
            List<Map<String, Object>> waiting,
            List<String> refresh,
            ZonedDateTime now,
            String writer,
            long stewardWrites,
            ExtractLease.Held turn) {
        return graph.inWriteTransaction(tx -> {
            var moved = tx.run(CypherStatements.named("identity/bump-generation"), Map.of("writer", writer))
                    .single();
            // written only while this extract holds its turn (read under the generation's lock, which the next
            // holder's batches take too): one that lost it (review 106: a paused holder) writes nothing more
            if (turn != null) {
                turn.check(moved.get("extractHolder").asString(null));
            }
            var written = new ArrayList<ResultSummary>();
            // a person whose record changed only in fields the engine does not compare (a date of death),
            // read before the write changes the record
            var existing = writes.stream()
                    .filter(w -> Boolean.TRUE.equals(w.get("existed")))
                    .map(w -> Map.of("key", w.get("key"), "fields", w.get("fields")))
                    .toList();
            var stale = existing.isEmpty()
                    ? List.<String>of()
                    : tx.run(
                                    CypherStatements.named("identity/stale-persons"),
                                    Map.of("records", existing, "notCompared", NOT_COMPARED))
                            .list(r -> r.get("person").asString());
            var records = tx.run(
                    CypherStatements.named("identity/write-person-records"),
                    Map.of("rows", writes, "now", now, "stewardWrites", stewardWrites));
            // records a steward changed something about while the batch was weighed (review 104)
            var stopped = new HashMap<String, String>();
            var kept = new LinkedHashSet<String>();
            records.forEachRemaining(r -> {
                if (!r.get("stopped").isNull()) {
                    stopped.put(r.get("localId").asString(), r.get("stopped").asString());
                }
                if (!r.get("person").isNull()) {
                    kept.add(r.get("person").asString());
                }
            });
            written.add(records.consume());
            // no question about a version not written (review 104: one was asked of a record moved meanwhile)
            var asked = candidates.stream()
                    .filter(c -> !stopped.containsKey((String) c.get("localId")))
                    .toList();
            if (!asked.isEmpty()) {
                written.add(tx.run(
                                CypherStatements.named("identity/write-candidates"),
                                Map.of("candidates", asked, "now", now))
                        .consume());
            }
            var waited = new HashMap<String, String>();
            if (!waiting.isEmpty()) {
                var result =
                        tx.run(CypherStatements.named("identity/update-waiting-version"), Map.of("versions", waiting));
                result.forEachRemaining(r -> {
                    var localId = r.get("localId").asString();
                    if (r.get("applied").asBoolean()) {
                        // a steward made the version the record's meanwhile: its person takes what it sent
                        waited.put(localId, "applied");
                        kept.add(r.get("person").asString());
                    } else {
                        waited.put(localId, r.get("status").asString("closed"));
                    }
                });
                written.add(result.consume());
            }
            // a person whose record the agency changed takes its fields again from its records
            var persons = new LinkedHashSet<>(refresh);
            persons.addAll(stale);
            persons.addAll(kept);
            for (var personId : persons) {
                written.add(tx.run(CypherStatements.named("identity/refresh-person"), Map.of("id", personId))
                        .consume());
            }
            return new Written(
                    written,
                    moved.get("before").asLong(),
                    moved.get("after").asLong(),
                    stopped,
                    candidates.size() - asked.size(),
                    waited);
        });
    }

    /**
     * The writer thread of one extract's resolution: a batch's write transaction runs while the
     * next batch is read and decided. One write at a time, in order: a batch's write starts when the
     * one before it is done. What a write created is counted once its transaction is done (an
     * attempt retried after a deadlock is not counted twice); a write's failure stops the import when
     * the next batch, read and decided meanwhile, is about to be written (or at the end).
     */
    private static final class Writes implements AutoCloseable {

        private final ExecutorService executor;
        private final CreatedTally tally;
        /** The extract's turn (null: not checked). */
        private final ExtractLease.Held turn;

        private Future<Written> pending;
        private long waitedNanos;
        private StoredRecords.Generation generation;
        /** Of the writes landed: records sent again not written as weighed, local id to why (Written). */
        private final Map<String, String> stopped = new LinkedHashMap<>();
        /** Of the writes landed: questions not asked, their record stopped. */
        private int unasked;
        /** How many records sent again the last write landed did not write as weighed. */
        private int lastStopped;
        /** Of the writes landed: versions waiting on a question, sent again, local id to what became of it. */
        private final Map<String, String> waiting = new HashMap<>();

        Writes(String source, CreatedTally tally, ExtractLease.Held turn) {
            this.tally = tally;
            this.turn = turn;
            this.executor = Executors.newSingleThreadExecutor(r -> {
                var thread = new Thread(r, "resolution-writer-" + source);
                thread.setDaemon(true);
                return thread;
            });
        }

        /** The generation the writes are followed by (null: none), from the next write on. */
        void follow(StoredRecords.Generation generation) {
            this.generation = generation;
        }

        void submit(Callable<Written> write) {
            finish();
            pending = executor.submit(write);
            if (generation != null) {
                generation.submitted();
            }
        }

        /** Waits for the write in progress, if any; its failure is this import's. */
        void finish() {
            if (pending == null) {
                return;
            }
            var started = System.nanoTime();
            try {
                var written = pending.get();
                pending = null;
                written.summaries().forEach(tally::add);
                stopped.putAll(written.stopped());
                lastStopped = written.stopped().size();
                unasked += written.unasked();
                waiting.putAll(written.waiting());
                if (generation != null) {
                    generation.landed(written.before(), written.after());
                }
            } catch (InterruptedException e) {
                // the write goes on: close() still waits for it
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing resolved records", e);
            } catch (ExecutionException e) {
                pending = null;
                throw Failures.unwrapped(e);
            } finally {
                waitedNanos += System.nanoTime() - started;
            }
        }

        long waitedNanos() {
            return waitedNanos;
        }

        ExtractLease.Held turn() {
            return turn;
        }

        Map<String, String> stopped() {
            return stopped;
        }

        int unasked() {
            return unasked;
        }

        /** How many records sent again the last write landed did not write as weighed (0 before any). */
        int lastStopped() {
            return lastStopped;
        }

        Map<String, String> waiting() {
            return waiting;
        }

        /**
         * After a failure, waits for the write in progress to end, even when interrupted (its own
         * failure, if any, is logged): nothing of the import is still being written once it has
         * answered.
         */
        @Override
        public void close() {
            var interrupted = false;
            try {
                while (pending != null) {
                    try {
                        pending.get();
                        pending = null;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        pending = null;
                        LOG.warn("A resolution write failed after the import had failed", e.getCause());
                    }
                }
            } finally {
                executor.shutdown();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * The person records of the batch whose write may still be landing while the next batch is read
     * and decided (the batch before that one has landed: a write starts only when the one before
     * it is done). The store's look-up leaves these records out whether or not they have landed
     * ({@code $inFlight}), and they are found here instead, by the same keys as the store's index
     * seeks and with the same limit, with the persons they went to and the identifiers their write
     * gives those persons: what a batch finds does not depend on the timing.
     */
    private static final class InFlight {

        /** As the store's look-up and the records held in memory: one limit for all three. */
        private static final int LIMIT = StoredRecords.LIMIT;

        private final Set<String> records = new HashSet<>();
        private final Map<String, List<Found>> byKey = new HashMap<>();
        private final Map<String, List<Found>> byPerson = new HashMap<>();
        private final Map<String, String[]> identifiers = new HashMap<>();

        /**
         * Adds a decided record. A new record also gives its person the NHS number, PNC id and UPN
         * the person lacks, as the write does ({@code coalesce}, in the order written).
         */
        void add(Incoming in, String personId, boolean existed) {
            // as the store gives it back: the fields of its signature, without the extract's addresses
            var found = new Found(
                    in.key(), MatchRecord.fromSignature(in.key(), in.record().signature()), personId, null);
            records.add(in.key());
            for (var key : storedKeys(in)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(found);
            }
            byPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(found);
            if (!existed) {
                var given = identifiers.computeIfAbsent(personId, k -> new String[3]);
                var fields = List.of("nhsNumber", "pncId", "upn");
                for (int i = 0; i < 3; i++) {
                    if (given[i] == null && in.row().get(fields.get(i)) != null) {
                        given[i] = (String) in.row().get(fields.get(i));
                    }
                }
            }
        }

        /** The keys of the records in flight. */
        Set<String> records() {
            return records;
        }

        /** The keys of the records in flight, as a map to look them up in (identity/person-candidates). */
        Map<String, Boolean> keys() {
            var keys = new HashMap<String, Boolean>();
            records.forEach(k -> keys.put(k, true));
            return keys;
        }

        /**
         * The records in flight that the store's look-up would find for the record: by each blocking
         * key or identifier, at most {@value #LIMIT} a key, and for a record without a date of birth
         * those of the people living at its addresses ({@code atAddresses}), each record once.
         */
        List<Found> found(Incoming in, List<String> atAddresses) {
            if (records.isEmpty()) {
                return List.of();
            }
            var seen = new LinkedHashMap<String, Found>();
            for (var key : searchKeys(in)) {
                var list = byKey.getOrDefault(key, List.of());
                list.subList(0, Math.min(LIMIT, list.size())).forEach(f -> seen.putIfAbsent(f.key(), f));
            }
            var atHome = new ArrayList<Found>();
            for (var person : atAddresses) {
                atHome.addAll(byPerson.getOrDefault(person, List.of()));
            }
            atHome.subList(0, Math.min(LIMIT, atHome.size())).forEach(f -> seen.putIfAbsent(f.key(), f));
            return List.copyOf(seen.values());
        }

        /**
         * The persons records in flight go to that give an identifier, named as {@link #storedKeys} names
         * it ("nhsNumber=", "pncKey=" or "upn=" and the value, as {@link #changedIdentifiers} does).
         */
        Set<String> holders(String identifier) {
            var persons = new HashSet<String>();
            byKey.getOrDefault(identifier, List.of()).forEach(f -> persons.add(f.personId()));
            return persons;
        }

        /** The first NHS number, PNC id and UPN the batch's new records gave the person (null: none went to it). */
        String[] identifiers(String personId) {
            return identifiers.get(personId);
        }

        /** The values a stored record is found by (what identity/write-person-records stores), in SEARCHED order. */
        static List<String> storedKeys(Incoming in) {
            return keys(
                    in, (String) in.row().get("nhsNumber"), (String) in.row().get("upn"));
        }

        /** The values identity/person-candidates seeks with for an incoming record (and groups() joins on). */
        static List<String> searchKeys(Incoming in) {
            return keys(in, in.record().nhsNumber(), in.record().upn());
        }

        private static List<String> keys(Incoming in, String nhsNumber, String upn) {
            var values = new HashMap<String, String>(in.keys());
            values.put("nhsNumber", nhsNumber);
            values.put("pncKey", in.record().pncId());
            values.put("upn", upn);
            var keys = new ArrayList<String>();
            for (var name : SEARCHED) {
                var value = values.get(name);
                if (value != null) {
                    keys.add(name + "=" + value);
                }
            }
            return keys;
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    /**
     * A record sent again with other matching fields, weighed against its person's other records:
     * {@code comparison} null when the person has no other record; {@code supported} when the engine
     * would link it to them now (else a steward decides, the link standing meanwhile).
     */
    private record Recheck(
            String personId,
            Comparison comparison,
            boolean supported,
            String explanation,
            List<String> changes,
            boolean waiting,
            boolean setAside) {

        static Recheck linked(String personId, Comparison comparison) {
            return new Recheck(personId, comparison, true, null, List.of(), false, false);
        }

        /** The version a pending question already holds, sent again: nothing is written. */
        static Recheck stillWaiting(String personId) {
            return new Recheck(personId, null, false, null, List.of(), true, false);
        }

        /**
         * A version a steward set aside, sent again while the record is as it was then: not asked about
         * again, and nothing of it is written; what the engine does not compare (a date of death) is
         * kept up to date on the question, as for a pending one, for a reopened question to apply.
         */
        static Recheck stillSetAside(String personId) {
            return new Recheck(personId, null, false, null, List.of(), false, true);
        }

        Recheck withChanges(List<String> list) {
            return new Recheck(personId, comparison, supported, explanation, list, waiting, setAside);
        }

        /** Whether the record keeps the fields it was linked on (a steward is asked about this version). */
        boolean holds() {
            return !supported;
        }

        /** Whether a new question is asked (not a version a question already holds or a steward set aside). */
        boolean asks() {
            return !supported && !waiting && !setAside;
        }

        /** Whether the link's score and evidence are rewritten (the engine would still link it). */
        boolean relinks() {
            return supported && comparison != null;
        }
    }

    /**
     * Review 91: an agency's corrected record (a date of birth put right) stayed linked with the
     * evidence of its old fields, and its person kept the old values. The batch's records that were
     * already stored with other matching fields are weighed again against what their person holds
     * without them (the person's other records, and the addresses those give); the person takes its
     * fields again from its records when the batch is written (identity/refresh-person). By local id.
     */
    private Map<String, Recheck> recheck(
            List<Outcome> outcomes, Map<String, LocalDate> eldestChildBorn, InFlight inFlight) {
        var byKey = new HashMap<String, Incoming>();
        var keys = new ArrayList<Map<String, Object>>();
        for (var outcome : outcomes) {
            if (outcome.existed()) {
                var in = outcome.incoming();
                byKey.put(in.key(), in);
                var key = new HashMap<String, Object>();
                key.put("key", in.key());
                key.put("sig", in.record().signature());
                // as the store keeps them (recordFields): what heldBy looks up
                key.put("nhsNumber", in.row().get("nhsNumber"));
                key.put("pncKey", in.record().pncId());
                key.put("upn", in.row().get("upn"));
                keys.add(key);
            }
        }
        var result = new HashMap<String, Recheck>();
        if (keys.isEmpty()) {
            return result;
        }
        var read = graph.readInParts(
                "identity/changed-records",
                "keys",
                keys,
                Map.of("inFlight", List.copyOf(inFlight.records())),
                READ_PART,
                r -> r);
        // review 95: two records of two persons this batch gives one new identifier hold it against each
        // other, as the store's records do (heldBy)
        var givers = new HashMap<String, Set<String>>();
        for (var r : read) {
            if (r.get("asSetAside").asBoolean()) {
                // a version set aside gives nothing (review 100: it held its number against another record)
                continue;
            }
            var in = byKey.get(r.get("key").asString());
            var person = r.get("person").asString();
            for (var id : changedIdentifiers(in, r.get("was"))) {
                var persons = givers.computeIfAbsent(id, k -> new HashSet<>());
                persons.add(person);
                // and the persons the batch still being written gives it, landed or not (it was missed
                // while that write had not landed)
                persons.addAll(inFlight.holders(id));
            }
        }
        // and the persons this batch's new records go to
        for (var outcome : outcomes) {
            if (!outcome.existed()) {
                // by the keys a stored record is found by: its identifiers among them, named as givers' are
                for (var id : InFlight.storedKeys(outcome.incoming())) {
                    var persons = givers.get(id);
                    if (persons != null) {
                        persons.add(outcome.personId());
                    }
                }
            }
        }
        // a record of the batch whose version is held back is weighed as linked, not as sent (review 97): the
        // records held decide how the others are weighed, so weighed again until that settles (three rounds)
        var held = new HashSet<String>();
        for (int round = 0; round < 3; round++) {
            result.clear();
            var nowHeld = new HashSet<String>();
            for (var r : read) {
                var in = byKey.get(r.get("key").asString());
                var recheck = recheckOne(in, r, byKey, held, givers, eldestChildBorn);
                result.put(in.localId(), recheck);
                if (recheck.holds()) {
                    nowHeld.add(in.key());
                }
            }
            if (nowHeld.equals(held)) {
                break;
            }
            held = nowHeld;
        }
        return result;
    }

    /** One record of {@link #recheck}: {@code held}, the keys of the batch's records whose version is held back. */
    private Recheck recheckOne(
            Incoming in,
            org.neo4j.driver.Record r,
            Map<String, Incoming> byKey,
            Set<String> held,
            Map<String, Set<String>> givers,
            Map<String, LocalDate> eldestChildBorn) {
        var personId = r.get("person").asString();
        if (r.get("asStored").asBoolean()) {
            // the agency sent the record as it was linked again: its questions close
            return Recheck.linked(personId, null);
        }
        // what the agency changed, for the question or the import's answer (review 103: the answer did not say)
        var changes = changes(r.get("was"), in.row());
        if (r.get("asSetAside").asBoolean()) {
            // a version a steward set aside stays so, even once nothing stands against it (review 100: an
            // identifier set aside was taken silently once its holder gave it up)
            return Recheck.stillSetAside(personId).withChanges(changes);
        }
        var others = new ArrayList<MatchRecord>();
        for (var other : r.get("others").values()) {
            var otherKey = other.get(0).asString();
            // another record of the person this batch sends changed too is weighed as it is sent (review
            // 94), unless its version is held back; a record a steward is asked about still holds the
            // fields it was linked on (review 96)
            var sentNow = byKey.get(otherKey);
            if (sentNow != null && !held.contains(otherKey)) {
                others.add(sentNow.record());
            } else if (!other.get(1).isNull()) {
                others.add(MatchRecord.fromSignature(otherKey, other.get(1).asString()));
            }
        }
        var heldBy = new TreeSet<>(r.get("heldBy").asList(Value::asString));
        for (var id : changedIdentifiers(in, r.get("was"))) {
            givers.get(id).stream().filter(p -> !p.equals(personId)).forEach(heldBy::add);
        }
        var recheck = others.isEmpty() && heldBy.isEmpty()
                ? Recheck.linked(personId, null)
                : weighAgain(in, personId, others, List.copyOf(heldBy), r.get("addresses"), eldestChildBorn);
        if (recheck.supported()) {
            // also the version a pending question holds, once nothing stands against it (review 97)
            return recheck.withChanges(changes);
        }
        // the version a pending question holds, sent again, waits as it is
        return r.get("asPending").asBoolean()
                ? Recheck.stillWaiting(personId).withChanges(changes)
                : recheck.withChanges(changes);
    }

    /**
     * The NHS number, PNC id and UPN a record sent again gives that it did not give before, named as a
     * stored record is found by them ({@link InFlight#storedKeys}: "nhsNumber=", "pncKey=", "upn=").
     */
    private static List<String> changedIdentifiers(Incoming in, Value was) {
        var result = new ArrayList<String>();
        var nhs = (String) in.row().get("nhsNumber");
        if (nhs != null && !nhs.equals(was.get("nhsNumber").asString(null))) {
            result.add("nhsNumber=" + nhs);
        }
        var pnc = in.record().pncId();
        var wasPnc = was.get("pncId").isNull()
                ? null
                : MatchRecord.pnc(was.get("pncId").asString());
        if (pnc != null && !pnc.equals(wasPnc)) {
            result.add("pncKey=" + pnc);
        }
        var upn = (String) in.row().get("upn");
        if (upn != null && !upn.equals(was.get("upn").asString(null))) {
            result.add("upn=" + upn);
        }
        return result;
    }

    /**
     * A record's fields the engine does not compare: a record sent again with only these changed gives
     * them to its person (identity/stale-persons); while a version is held back they wait with it.
     */
    private static final List<String> NOT_COMPARED =
            List.of("deceasedOn", "dobEstimated", "laCaseNumber", "probationCrn");

    /** The fields the steward compares, in words, in the order the card shows them. */
    private static final List<Map.Entry<String, String>> CHANGED_FIELDS = List.of(
            Map.entry("givenName", "given name"),
            Map.entry("familyName", "family name"),
            Map.entry("aliases", "aliases"),
            Map.entry("dateOfBirth", "date of birth"),
            Map.entry("sex", "sex"),
            Map.entry("nhsNumber", "NHS number"),
            Map.entry("pncId", "PNC id"),
            Map.entry("upn", "UPN"));

    /**
     * What the agency changed in a record sent again (walk 73: the card did not say), each as "date of
     * birth: 1983-04-27 → 1991-09-14": {@code was}, the record as stored; {@code row}, as sent now.
     */
    private static List<String> changes(Value was, Map<String, Object> row) {
        var result = new ArrayList<String>();
        for (var field : CHANGED_FIELDS) {
            var before = was.get(field.getKey());
            var old = before.isNull() ? null : words(before.asObject());
            var now = words(row.get(field.getKey()));
            if (!Objects.equals(old, now)) {
                result.add(
                        field.getValue() + ": " + (old == null ? "none" : old) + " → " + (now == null ? "none" : now));
            }
        }
        return result;
    }

    /** A field's value as a steward reads it; null when there is none (an empty list of aliases too). */
    private static String words(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? null
                    : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }

    /** A changed record weighed against its person's other records (see {@link #recheck}). */
    private Recheck weighAgain(
            Incoming in,
            String personId,
            List<MatchRecord> others,
            List<String> heldBy,
            Value addresses,
            Map<String, LocalDate> eldestChildBorn) {
        var nhs = new HashSet<String>();
        var pnc = new HashSet<String>();
        var upn = new HashSet<String>();
        for (var record : others) {
            addIfPresent(nhs, record.nhsNumber());
            addIfPresent(pnc, record.pncId());
            addIfPresent(upn, record.upn());
        }
        var candidate =
                new Candidate(personId, others, nhs, pnc, upn, addressIds(addresses), postcodes(addresses), false);
        var comparison = resolver.scorer().compare(in.record(), candidate);
        var decision = resolver.decide(in.record(), List.of(candidate), eldestChildBorn.get(in.localId()));
        // weighed against its own person only, a record would take another person's identifier unseen
        var supported = heldBy.isEmpty()
                && decision.linkedBy() != Decision.LinkedBy.NEW
                && personId.equals(decision.personId());
        if (supported) {
            return Recheck.linked(personId, comparison);
        }
        String why;
        if (!heldBy.isEmpty()) {
            why = "Its NHS number, PNC id or UPN is now also given by a record of another person ("
                    + String.join(", ", heldBy) + "): an identifier belongs to one person.";
        } else if (decision.queued() != null && decision.queued() != Decision.Queued.BETWEEN_THRESHOLDS) {
            why = resolver.explain(decision.queued());
        } else if (in.record().nhsNumber() != null
                && !nhs.isEmpty()
                && !nhs.contains(in.record().nhsNumber())) {
            why = "Its NHS number is now not the one the person's other records give: two NHS numbers are two"
                    + " people.";
        } else {
            why = "It now scores " + Math.round(comparison.score() * 100) / 100.0
                    + " with the person's other records, below the link threshold ("
                    + Math.round(resolver.scorer().settings().linkThreshold() * 100) / 100.0 + ").";
        }
        return new Recheck(
                personId,
                comparison,
                false,
                resolver.explain(Decision.Queued.CHANGED_SINCE_LINKED) + " " + why,
                List.of(),
                false,
                false);
    }

    private List<Outcome> resolveBatch(
            String source,
            List<Incoming> batch,
            Map<String, String> personIds,
            Map<String, Set<String>> apart,
            Map<String, LocalDate> eldestChildBorn,
            InFlight inFlight,
            StoredRecords memory) {
        var own = new HashMap<String, String>();
        var found = new HashMap<String, List<Found>>();
        var queries = new ArrayList<Map<String, Object>>();
        for (var in : batch) {
            // a record already stored keeps its person (held in memory: not looked up again)
            var owner = memory == null ? null : memory.owner(in.key());
            if (owner != null) {
                own.put(in.localId(), owner);
                found.put(in.localId(), new ArrayList<>());
                continue;
            }
            var q = new HashMap<String, Object>(in.keys());
            q.put("source", source);
            q.put("localId", in.localId());
            q.put("nhsNumber", in.record().nhsNumber());
            q.put("pncKey", in.record().pncId());
            q.put("upn", in.record().upn());
            q.put("newId", NewIds.person(source, in.localId()));
            q.put("addressIds", List.copyOf(in.record().addressIds()));
            queries.add(q);
        }
        var taken = new HashSet<String>();
        // each stored record read once per batch, however many incoming records found it
        var parsed = new HashMap<String, MatchRecord>();
        var people = new LinkedHashSet<String>();
        var info = new HashMap<String, PersonInfo>();
        var readStarted = System.nanoTime();
        // the batch's rows are independent: read in parts, in parallel read transactions; what the
        // blocking keys find is looked up in memory when the store's records are held there
        var atAddresses = new HashMap<String, List<String>>();
        List<Map<String, Object>> lookedUp = queries;
        if (memory != null) {
            // held in memory: what the blocking keys find, and the records already stored (above);
            // read from the store: whether the ids new persons would get are taken, and for a record
            // without a date of birth, everyone living at its addresses
            var byLocalId = new HashMap<String, Incoming>();
            batch.forEach(in -> byLocalId.put(in.localId(), in));
            var newIds = new HashMap<String, String>();
            for (var q : queries) {
                var localId = (String) q.get("localId");
                newIds.put((String) q.get("newId"), localId);
                found.put(localId, new ArrayList<>(memory.found(InFlight.searchKeys(byLocalId.get(localId)))));
                atAddresses.put(localId, List.of());
            }
            graph.readInParts(
                            "identity/taken-person-ids",
                            "ids",
                            List.copyOf(newIds.keySet()),
                            Map.of(),
                            READ_PART,
                            r -> r.get("id").asString())
                    .forEach(id -> taken.add(newIds.get(id)));
            lookedUp = queries.stream().filter(q -> q.get("bkDob") == null).toList();
        }
        for (var r : graph.readInParts(
                memory == null ? "identity/person-candidates-in-store" : "identity/person-candidates",
                "rows",
                lookedUp,
                Map.of("inFlight", inFlight.keys()),
                READ_PART,
                r -> r)) {
            var localId = r.get("localId").asString();
            if (memory == null) {
                if (!r.get("own").isNull()) {
                    own.put(localId, r.get("own").asString());
                }
                if (r.get("taken").asBoolean()) {
                    taken.add(localId);
                }
            }
            var list = found.computeIfAbsent(localId, k -> new ArrayList<>());
            var foundInMemory = new HashSet<String>();
            list.forEach(f -> foundInMemory.add(f.key()));
            var held = new HashMap<String, HeldIdentifiers>();
            for (var f : r.get("found").values()) {
                var key = f.get(0).asString();
                if (foundInMemory.contains(key)) {
                    // found by a key as well: once, as the store's look-up gives it
                    continue;
                }
                var sig = f.get(1).asString();
                var person = f.get(2).asString();
                list.add(new Found(
                        key,
                        parsed.computeIfAbsent(key, k -> MatchRecord.fromSignature(k, sig)),
                        person,
                        held.computeIfAbsent(person, p -> identifiers(f.get(3), f.get(4), f.get(5)))));
            }
            atAddresses.put(localId, r.get("atAddresses").asList(Value::asString));
        }
        foundNanos += System.nanoTime() - readStarted;
        // the records of the batch in flight, which the store left out
        var fromFlight = new HashMap<String, List<Found>>();
        var flightKeys = new LinkedHashSet<String>();
        for (var in : batch) {
            if (found.containsKey(in.localId()) && !own.containsKey(in.localId())) {
                var flying = inFlight.found(in, atAddresses.getOrDefault(in.localId(), List.of()));
                fromFlight.put(in.localId(), flying);
                flying.forEach(f -> flightKeys.add(f.key()));
            }
        }
        // whom they belong to is the store's once they are there (a steward may have split one meanwhile)
        var owners = new HashMap<String, String>();
        if (!flightKeys.isEmpty()) {
            graph.readInParts("identity/record-persons", "keys", List.copyOf(flightKeys), Map.of(), READ_PART, r -> r)
                    .forEach(r ->
                            owners.put(r.get("key").asString(), r.get("person").asString()));
        }
        fromFlight.forEach((localId, flying) -> {
            var list = found.get(localId);
            for (var f : flying) {
                var owner = owners.get(f.key());
                list.add(owner == null || owner.equals(f.personId()) ? f : new Found(f.key(), f.record(), owner, null));
            }
        });
        // a person found only by records that no record of the batch could come near
        // (Resolver.outOfReach) is left out of the decisions, and what the person holds is not read
        var reachStarted = System.nanoTime();
        var reach = reach(batch, found, inFlight);
        var reachNanos = System.nanoTime() - reachStarted;
        for (var in : batch) {
            var far = reach.outOfReach(in);
            for (var f : found.getOrDefault(in.localId(), List.of())) {
                if (!far.contains(f.personId())) {
                    people.add(f.personId());
                }
            }
        }
        // records of earlier extracts this batch's records are related to
        for (var in : batch) {
            for (var other : apart.getOrDefault(in.localId(), Set.of())) {
                var id = personIds.get(other);
                if (id != null) {
                    people.add(id);
                }
            }
        }
        var personsStarted = System.nanoTime();
        if (!people.isEmpty()) {
            for (var r : graph.readInParts(
                    "identity/candidate-persons", "ids", List.copyOf(people), Map.of(), READ_PART, r -> r)) {
                var held = identifiers(r.get("nhsNumber"), r.get("pncId"), r.get("upn"));
                info.put(
                        r.get("id").asString(),
                        new PersonInfo(
                                held.nhsNumbers(),
                                held.pncIds(),
                                held.upns(),
                                addressIds(r.get("addresses")),
                                postcodes(r.get("addresses")),
                                Set.copyOf(r.get("notSame").asList(Value::asString))));
            }
        }
        personsNanos += System.nanoTime() - personsStarted;
        // a person the batch in flight made or gave an identifier holds it whether or not the write has landed
        for (var person : people) {
            var given = inFlight.identifiers(person);
            if (given == null) {
                continue;
            }
            var known = info.get(person);
            info.put(
                    person,
                    new PersonInfo(
                            known != null && !known.nhs().isEmpty() ? known.nhs() : optional(given[0]),
                            known != null && !known.pnc().isEmpty()
                                    ? known.pnc()
                                    : given[1] == null ? Set.of() : Set.of(MatchRecord.pnc(given[1])),
                            known != null && !known.upn().isEmpty() ? known.upn() : optional(given[2]),
                            known == null ? Set.of() : known.addressIds(),
                            known == null ? Set.of() : known.postcodes(),
                            known == null ? Set.of() : known.notSame()));
        }
        // weighing who is within reach is deciding, not reading
        readNanos += System.nanoTime() - readStarted - reachNanos;
        var decideStarted = System.nanoTime() - reachNanos;
        // existing records keep their person; the rest are grouped into independent sequences
        var outcomes = new ConcurrentHashMap<String, Outcome>();
        var pending = new ArrayList<Incoming>();
        for (var in : batch) {
            var existing = own.get(in.localId());
            if (existing != null) {
                personIds.put(in.localId(), existing);
                outcomes.put(in.localId(), new Outcome(in, existing, null, true));
            } else {
                pending.add(in);
            }
        }
        var groups = groups(pending, found, apart);
        groups.parallelStream()
                .forEach(group ->
                        decide(source, group, reach, info, taken, personIds, apart, eldestChildBorn, outcomes));
        var result = new ArrayList<Outcome>();
        for (var in : batch) {
            result.add(outcomes.get(in.localId()));
        }
        decideNanos += System.nanoTime() - decideStarted;
        return result;
    }

    /**
     * What each incoming record of a batch found ({@code found}: local id to the stored records), and
     * the persons among them it cannot come near ({@code outOfReach}: local id to person ids; {@link
     * Resolver#outOfReach}: the record gives no identifier, and every record of the person it found
     * scores below both thresholds even at the best address). Such a person is never linked, queued
     * or a close second, so the record is decided without them, unless a record of its group has
     * joined them meanwhile (what it brought may come near). A person out of reach of every record
     * of the batch is not read at all ({@code identity/candidate-persons}): a record can only join a
     * person it was weighed against, whom the batch therefore read.
     */
    private record Reach(Map<String, List<Found>> found, Map<String, Set<String>> outOfReach) {

        List<Found> found(Incoming in) {
            return found.getOrDefault(in.localId(), List.of());
        }

        /** The persons out of the record's reach. */
        Set<String> outOfReach(Incoming in) {
            return outOfReach.getOrDefault(in.localId(), Set.of());
        }
    }

    private Reach reach(List<Incoming> batch, Map<String, List<Found>> found, InFlight inFlight) {
        var outOfReach = new ConcurrentHashMap<String, Set<String>>();
        batch.parallelStream().forEach(in -> {
            var byPerson = new LinkedHashMap<String, List<MatchRecord>>();
            // what each person holds, as read with their records; not known when a record came from
            // the batch in flight, or when that batch gives the person an identifier
            var held = new HashMap<String, HeldIdentifiers>();
            var unknown = new HashSet<String>();
            for (var f : found.getOrDefault(in.localId(), List.of())) {
                byPerson.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f.record());
                if (f.held() == null || inFlight.identifiers(f.personId()) != null) {
                    unknown.add(f.personId());
                } else {
                    held.putIfAbsent(f.personId(), f.held());
                }
            }
            var far = new HashSet<String>();
            byPerson.forEach((person, records) -> {
                if (resolver.outOfReach(in.record(), records, unknown.contains(person) ? null : held.get(person))) {
                    far.add(person);
                }
            });
            if (!far.isEmpty()) {
                outOfReach.put(in.localId(), far);
            }
        });
        return new Reach(found, outOfReach);
    }

    /**
     * Splits the batch into groups that cannot affect each other: records sharing a blocking key
     * value or a candidate person, or related in the extract, fall into one group (union-find).
     */
    private static List<List<Incoming>> groups(
            List<Incoming> pending, Map<String, List<Found>> found, Map<String, Set<String>> apart) {
        var parent = new int[pending.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        var firstByKey = new HashMap<String, Integer>();
        var byLocal = new HashMap<String, Integer>();
        for (int i = 0; i < pending.size(); i++) {
            byLocal.put(pending.get(i).localId(), i);
        }
        for (int i = 0; i < pending.size(); i++) {
            var in = pending.get(i);
            var keys = new ArrayList<>(keySet(in));
            for (var f : found.getOrDefault(in.localId(), List.of())) {
                keys.add("person=" + f.personId());
            }
            for (var key : keys) {
                var first = firstByKey.putIfAbsent(key, i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
            for (var other : apart.getOrDefault(in.localId(), Set.of())) {
                var j = byLocal.get(other);
                if (j != null) {
                    union(parent, i, j);
                }
            }
        }
        var groups = new LinkedHashMap<Integer, List<Incoming>>();
        for (int i = 0; i < pending.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(pending.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        var x = find(parent, a);
        var y = find(parent, b);
        if (x != y) {
            parent[Math.max(x, y)] = Math.min(x, y);
        }
    }

    /** Decides one group's records in the order of its {@link #plan}. */
    private void decide(
            String source,
            List<Incoming> group,
            Reach reach,
            Map<String, PersonInfo> info,
            Set<String> taken,
            Map<String, String> personIds,
            Map<String, Set<String>> apart,
            Map<String, LocalDate> eldestChildBorn,
            Map<String, Outcome> outcomes) {
        var assigned = new LinkedHashMap<String, List<MatchRecord>>();
        // the records of the group decided so far, and for each blocking key value which of them
        // carry it: an index, so that finding the earlier records sharing a key costs what they
        // are, not the whole group (a batch of a large population is often one group)
        var decided = new ArrayList<Incoming>();
        var decidedByKey = new HashMap<String, List<Integer>>();
        var plan = plan(group, reach, info, personIds, apart, eldestChildBorn);
        for (var in : plan.order()) {
            var myKeys = keySet(in);
            var sharing = new TreeSet<Integer>();
            for (var key : myKeys) {
                sharing.addAll(decidedByKey.getOrDefault(key, List.of()));
            }
            var alsoPeople = new ArrayList<String>();
            for (var index : sharing) {
                alsoPeople.add(personIds.get(decided.get(index).localId()));
            }
            var candidates = candidates(in, reach, info, assigned, alsoPeople, personIds, apart, eldestChildBorn);
            var decision =
                    plan.contested(in, resolver.decide(in.record(), candidates, eldestChildBorn.get(in.localId())));
            var personId = decision.personId() != null
                    ? decision.personId()
                    : taken.contains(in.localId())
                            ? freshId(NewIds.person(source, in.localId()))
                            : NewIds.person(source, in.localId());
            personIds.put(in.localId(), personId);
            assigned.computeIfAbsent(personId, k -> new ArrayList<>()).add(in.record());
            for (var key : myKeys) {
                decidedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(decided.size());
            }
            decided.add(in);
            outcomes.put(in.localId(), new Outcome(in, personId, decision, false));
        }
    }

    /**
     * How a group's records are decided ({@link #plan}): in {@code order}, and a record that would
     * link by score to a person another record of the extract would link to as well, by a score
     * within the ambiguity margin ({@code contested}: record's local id to that person), is queued
     * for review with that person instead.
     */
    private record Plan(List<Incoming> order, Map<String, String> contested) {

        Decision contested(Incoming in, Decision decision) {
            if (decision.linkedBy() != Decision.LinkedBy.SCORE
                    || !decision.personId().equals(contested.get(in.localId()))) {
                return decision;
            }
            var review = new ArrayList<Comparison>();
            review.add(decision.link());
            review.addAll(decision.review());
            return Decision.newPerson(
                    review.subList(0, Math.min(review.size(), Resolver.MAX_REVIEW)),
                    Decision.Queued.CONTESTED_IN_EXTRACT);
        }
    }

    /**
     * The order in which a group's records are decided, and which are too close to call. Records
     * with a date of birth come first (as the whole extract is sorted), then those that would link
     * to a person already known, by the highest score. Two records of one extract that would both
     * link by score to the same known person (twins, or a father and son of one name, when the
     * earlier extract knew only one of them) are decided best match first: the better match takes
     * the person, and the other then meets a person holding the first one's identifiers (a different
     * NHS number is another person). When the extract gives them different identifiers (two people)
     * and their scores are within the ambiguity margin, neither takes the person and both are queued
     * for review with them, instead of whichever came first in the file taking it. Twins of one
     * extract (one date of birth, different given names, no identifiers to tell them apart) are
     * treated alike, and when their scores are further apart the worse match is queued with the
     * person the better one takes.
     */
    private Plan plan(
            List<Incoming> group,
            Reach reach,
            Map<String, PersonInfo> info,
            Map<String, String> personIds,
            Map<String, Set<String>> apart,
            Map<String, LocalDate> eldestChildBorn) {
        if (group.size() < 2) {
            return new Plan(group, Map.of());
        }
        var best = new HashMap<String, Double>();
        var byPerson = new HashMap<String, List<Incoming>>();
        for (var in : group) {
            var decision = resolver.decide(
                    in.record(),
                    candidates(in, reach, info, Map.of(), List.of(), personIds, apart, eldestChildBorn),
                    eldestChildBorn.get(in.localId()));
            var score = decision.link() == null
                    ? Double.NEGATIVE_INFINITY
                    : decision.link().score();
            best.put(in.localId(), score);
            if (decision.linkedBy() == Decision.LinkedBy.SCORE) {
                byPerson.computeIfAbsent(decision.personId(), k -> new ArrayList<>())
                        .add(in);
            }
        }
        var margin = resolver.scorer().settings().ambiguityMargin();
        var contested = new HashMap<String, String>();
        byPerson.forEach((personId, records) -> {
            for (var a : records) {
                for (var b : records) {
                    if (a == b || !twoPeople(a.record(), b.record())) {
                        continue;
                    }
                    var close = Math.abs(best.get(a.localId()) - best.get(b.localId())) < margin;
                    // twins carry no identifier that would keep the worse match from the person the better
                    // one takes: the worse is queued with that person instead
                    var worseTwin =
                            resolver.twins(a.record(), b.record()) && best.get(a.localId()) < best.get(b.localId());
                    if (close || worseTwin) {
                        contested.put(a.localId(), personId);
                    }
                }
            }
        });
        var ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((Incoming x) -> x.record().dateOfBirth() == null)
                .thenComparing(x -> best.get(x.localId()), Comparator.reverseOrder())
                .thenComparingInt(Incoming::order));
        return new Plan(ordered, contested);
    }

    /**
     * Whether the extract itself says two of its records are two people: they carry different
     * NHS numbers, PNC ids or UPNs, or they are twins (one date of birth, given names that are
     * neither the same nor forms of one name: Leo and Leon). Two records of one person in one
     * extract, a duplicate, may still link; only two people are kept from taking one person's place.
     */
    private boolean twoPeople(MatchRecord a, MatchRecord b) {
        return differ(a.nhsNumber(), b.nhsNumber())
                || differ(a.pncId(), b.pncId())
                || differ(a.upn(), b.upn())
                || resolver.twins(a, b);
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /**
     * The persons a record is weighed against: those its blocking keys found in the store (less
     * those out of its reach, {@link Reach}), those earlier records of its group went to ({@code
     * alsoPeople}) with the records assigned to them so far ({@code assigned}); a person is
     * excluded when a record the extract relates to this one is theirs, when a steward decided they
     * are not this record's person, or when a record without a date of birth is the parent of a
     * child born before all of the person's known birth dates (allowing {@value #PARENT_GAP_YEARS}
     * years).
     */
    private static List<Candidate> candidates(
            Incoming in,
            Reach reach,
            Map<String, PersonInfo> info,
            Map<String, List<MatchRecord>> assigned,
            List<String> alsoPeople,
            Map<String, String> personIds,
            Map<String, Set<String>> apart,
            Map<String, LocalDate> eldestChildBorn) {
        var records = new LinkedHashMap<String, List<MatchRecord>>();
        var far = reach.outOfReach(in);
        for (var f : reach.found(in)) {
            // a person out of the record's reach is weighed only once a record of the group joined them
            if (!far.contains(f.personId()) || assigned.containsKey(f.personId())) {
                records.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f.record());
            }
        }
        for (var personId : alsoPeople) {
            records.computeIfAbsent(personId, k -> new ArrayList<>());
        }
        var excluded = new HashSet<String>();
        for (var other : apart.getOrDefault(in.localId(), Set.of())) {
            var id = personIds.get(other);
            if (id != null) {
                excluded.add(id);
            }
        }
        var candidates = new ArrayList<Candidate>();
        for (var entry : records.entrySet()) {
            var personId = entry.getKey();
            var person = info.get(personId);
            List<MatchRecord> list = entry.getValue();
            Set<String> nhs = person == null ? Set.of() : person.nhs();
            Set<String> pnc = person == null ? Set.of() : person.pnc();
            Set<String> upn = person == null ? Set.of() : person.upn();
            Set<String> addressIds = person == null ? Set.of() : person.addressIds();
            Set<String> codes = person == null ? Set.of() : person.postcodes();
            var notSame = person == null ? Set.<String>of() : person.notSame();
            var joinedHere = assigned.getOrDefault(personId, List.of());
            if (!joinedHere.isEmpty()) {
                // the records of the group that went to the person so far add what they hold
                list = new ArrayList<>(list);
                nhs = new HashSet<>(nhs);
                pnc = new HashSet<>(pnc);
                upn = new HashSet<>(upn);
                addressIds = new HashSet<>(addressIds);
                codes = new HashSet<>(codes);
                for (var joined : joinedHere) {
                    list.add(joined);
                    addIfPresent(nhs, joined.nhsNumber());
                    addIfPresent(pnc, joined.pncId());
                    addIfPresent(upn, joined.upn());
                    addressIds.addAll(joined.addressIds());
                    codes.addAll(joined.postcodes());
                }
            }
            var tooYoung = false;
            var eldest = in.record().dateOfBirth() == null ? eldestChildBorn.get(in.localId()) : null;
            var bound = eldest == null ? null : eldest.minusYears(PARENT_GAP_YEARS);
            if (bound != null) {
                var known = list.stream()
                        .map(MatchRecord::dateOfBirth)
                        .filter(Objects::nonNull)
                        .toList();
                tooYoung = !known.isEmpty() && known.stream().allMatch(d -> d.isAfter(bound));
            }
            candidates.add(new Candidate(
                    personId,
                    list,
                    nhs,
                    pnc,
                    upn,
                    addressIds,
                    codes,
                    excluded.contains(personId) || notSame.contains(in.key()) || tooYoung));
        }
        return candidates;
    }

    private static Set<String> keySet(Incoming in) {
        var keys = new HashSet<String>(InFlight.searchKeys(in));
        // everyone at an address meets a record without a date of birth there
        in.record().addressIds().forEach(a -> keys.add("addr=" + a));
        return keys;
    }

    private Map<String, Object> personWrite(String source, Outcome outcome, Recheck change) {
        var in = outcome.incoming();
        var row = in.row();
        var write = new HashMap<String, Object>();
        write.put("source", source);
        write.put("localId", in.localId());
        write.put("key", in.key());
        write.put("personId", outcome.personId());
        write.put("recordedAt", row.get("recordedAt"));
        write.put("fields", recordFields(row, in.record()));
        var personFields = new HashMap<String, Object>();
        for (var field : List.of(
                "givenName",
                "familyName",
                "dateOfBirth",
                "dobEstimated",
                "sex",
                "deceasedOn",
                "nhsNumber",
                "pncId",
                "laCaseNumber",
                "upn",
                "probationCrn")) {
            personFields.put(field, row.get(field));
        }
        var aliases = strings(row.get("aliases"));
        personFields.put("aliases", aliases.isEmpty() ? null : aliases);
        write.put("personFields", personFields);
        var name = ((row.get("givenName") == null ? "" : row.get("givenName")) + " "
                        + (row.get("familyName") == null ? "" : row.get("familyName")))
                .strip();
        write.put("name", name.isEmpty() ? null : name);
        var decision = outcome.decision();
        if (decision != null) {
            write.put("linkedBy", decision.linkedBy().name());
            var link = decision.link();
            write.put("score", link == null ? null : link.score());
            write.put("evidence", link == null ? List.of() : evidence(link));
            write.put("comparedWith", null);
        }
        if (change != null && change.holds()) {
            // the record keeps the fields it was linked on: the version sent waits on the question, its
            // date of death and case numbers too (review 98: written at once, a disputed version's date of
            // death reached the person, a child's, and hid the child's wider network)
            write.put("fields", Map.of());
        }
        if (outcome.existed() && change == null) {
            // stored already, its matching fields as before: its person takes its fields again when the
            // agency changed one the engine does not compare (identity/stale-persons)
            write.put("existed", true);
        }
        if (change != null && !change.waiting()) {
            // the record's earlier questions about its own person close: it is weighed again now; a version
            // set aside that it no longer sends no longer stands
            write.put("changed", true);
            write.put("sentSig", in.record().signature());
            // written only while the record is still on the person it was weighed with, and its version not
            // set aside meanwhile (else what the engine does not compare waits on that question)
            write.put("readPerson", change.personId());
            write.put("waitingFields", waitingFields(in));
            // the set-aside question itself, reopened meanwhile, is not closed by this write (review 100)
            write.put("keepsSent", change.setAside());
        }
        if (change != null && change.relinks()) {
            // the link's score and evidence are of the record as the agency now sends it
            write.put(
                    "rechecked",
                    Map.of("score", change.comparison().score(), "evidence", evidence(change.comparison())));
        }
        return write;
    }

    /**
     * A candidate to write; {@code changes}: for a question about a record sent again with other
     * matching fields (CHANGED_SINCE_LINKED), what changed, and it gets an id of its own; else null.
     */
    private Map<String, Object> candidateWrite(
            String source,
            Incoming in,
            Comparison review,
            Decision.Queued queued,
            String explanation,
            List<String> changes) {
        var write = new HashMap<String, Object>();
        // a question about a change has an id of its own each time (review 94: one id per signature came
        // back closed when the agency sent an earlier version again)
        var name = in.key() + ">" + review.personId();
        write.put(
                "id",
                changes != null
                        ? "mc-" + UUID.randomUUID()
                        : "mc-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        write.put("source", source);
        write.put("localId", in.localId());
        write.put("personId", review.personId());
        write.put("score", review.score());
        write.put("evidence", evidence(review));
        write.put("comparedWith", null);
        write.put("reason", queued == null ? null : queued.name());
        write.put("explanation", explanation);
        write.put("changes", changes);
        if (changes != null) {
            // the version sent, applied to the record only when a steward keeps it or splits it off
            write.put("sig", in.record().signature());
            var fields = recordFields(in.row(), in.record());
            var named = new HashMap<String, Object>();
            fields.forEach((k, v) -> {
                if (v != null) {
                    named.put("new_" + k, v);
                }
            });
            write.put("newFields", named);
            write.put("newFieldNames", List.copyOf(fields.keySet()));
        }
        return write;
    }

    /**
     * The fields the engine does not compare of a version a pending question already holds, sent
     * again (identity/update-waiting-version): named as the question holds them (new_…), null where
     * the agency no longer gives one.
     */
    private static Map<String, Object> waitingWrite(Incoming in) {
        var recordFields = new HashMap<String, Object>();
        NOT_COMPARED.forEach(f -> recordFields.put(f, in.row().get(f)));
        var write = new HashMap<String, Object>();
        write.put("key", in.key());
        write.put("localId", in.localId());
        write.put("sig", in.record().signature());
        write.put("fields", waitingFields(in));
        // the record's own, should a steward have made the version the record's meanwhile
        write.put("recordFields", recordFields);
        return write;
    }

    /** The fields the engine does not compare of a version sent, named as a question holds them (new_…). */
    private static Map<String, Object> waitingFields(Incoming in) {
        var fields = new HashMap<String, Object>();
        NOT_COMPARED.forEach(f -> fields.put("new_" + f, in.row().get(f)));
        return fields;
    }

    static List<String> evidence(Comparison comparison) {
        return comparison.evidence().stream().map(Evidence::text).toList();
    }

    // --- shared helpers ---------------------------------------------------------------------------

    private static MatchRecord matchRecord(Map<String, Object> row, String key) {
        return MatchRecord.of(
                key,
                (String) row.get("givenName"),
                (String) row.get("familyName"),
                strings(row.get("aliases")),
                (LocalDate) row.get("dateOfBirth"),
                (String) row.get("sex"),
                (String) row.get("nhsNumber"),
                (String) row.get("pncId"),
                (String) row.get("upn"));
    }

    /** The fields a source record keeps: what the agency sent, its comparable form and its blocking keys. */
    private Map<String, Object> recordFields(Map<String, Object> row, MatchRecord record) {
        var fields = new HashMap<String, Object>();
        for (var field : List.of(
                "givenName",
                "familyName",
                "dateOfBirth",
                "sex",
                "nhsNumber",
                "pncId",
                "upn",
                "laCaseNumber",
                "probationCrn",
                "deceasedOn",
                "dobEstimated")) {
            fields.put(field, row.get(field));
        }
        fields.put("aliases", strings(row.get("aliases")));
        fields.put("sig", record.signature());
        fields.put("pncKey", record.pncId());
        fields.putAll(record.blockingKeys(nicknames));
        return fields;
    }

    private static String freshId(String id) {
        return id + "~" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    static Set<String> optional(String value) {
        return value == null ? Set.of() : Set.of(value);
    }

    /**
     * The identifiers a person holds as the store gives them (its NHS number, PNC id and UPN), in
     * the form the engine compares: one conversion for what is read with the records found and for
     * what identity/candidate-persons reads, so that the two can be compared.
     */
    static HeldIdentifiers identifiers(Value nhsNumber, Value pncId, Value upn) {
        return new HeldIdentifiers(set(nhsNumber), pnc(pncId), set(upn));
    }

    private static Set<String> set(Value value) {
        return value.isNull() ? Set.of() : Set.of(value.asString());
    }

    private static Set<String> pnc(Value value) {
        return value.isNull() ? Set.of() : Set.of(MatchRecord.pnc(value.asString()));
    }

    /** The ids of the addresses of identity/candidate-persons' {@code [id, postcode]} pairs. */
    private static Set<String> addressIds(Value addresses) {
        var result = new HashSet<String>();
        addresses.values().forEach(a -> result.add(a.get(0).asString()));
        return result;
    }

    /** The standardised postcodes of identity/candidate-persons' {@code [id, postcode]} pairs. */
    private static Set<String> postcodes(Value addresses) {
        var result = new HashSet<String>();
        addresses.values().forEach(a -> {
            if (!a.get(1).isNull()) {
                addIfPresent(result, Standardise.postcode(a.get(1).asString()));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
