package uk.safeguarding.explorer.identity;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.identity.IdentityViews.AddressRecordView;
import uk.safeguarding.explorer.identity.IdentityViews.MatchCandidateView;
import uk.safeguarding.explorer.identity.IdentityViews.SourceRecordView;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * Reads and writes of the steward's work (the review queue, decisions, splits, links) with the
 * {@code cypher/identity/*.cypher} statements; access is through {@link StewardService}. A decision
 * or split is one write transaction: relationships move with their records in the same commit.
 */
@Repository
class StewardRepository {

    private final Graph graph;

    StewardRepository(Graph graph) {
        this.graph = graph;
    }

    List<MatchCandidateView> pending(int first) {
        return pending(null, first);
    }

    /** The pending candidates after the candidate {@code after} (null: from the strongest) in the queue's order. */
    List<MatchCandidateView> pending(String after, int first) {
        return graph.read(
                "identity/match-candidates",
                Parameters.with("after", after).and("first", first),
                r -> MatchCandidateView.from(r.get("m"), r.get("r"), r.get("own"), r.get("p")));
    }

    /** Whether a match candidate of this id exists, whatever its status. */
    boolean candidateExists(String id) {
        return !graph.read("identity/candidate-exists", Map.of("id", id), r -> r)
                .isEmpty();
    }

    /** How many candidates wait for a steward. */
    long pendingCount() {
        return graph.read("identity/pending-count", Map.of(), r -> r.get("n").asLong())
                .get(0);
    }

    /**
     * A candidate with whether each person holds an anchored record, whether the records make the
     * two people parent and child or partners, whether the record was declared different from
     * the candidate person, and whether records of the two give different NHS numbers.
     */
    record CandidateState(
            MatchCandidateView candidate,
            boolean ownAnchored,
            boolean personAnchored,
            boolean related,
            boolean declaredDifferent,
            boolean otherNhsNumber) {}

    Optional<CandidateState> candidate(String id) {
        return graph
                .read(
                        "identity/candidate",
                        Map.of("id", id),
                        r -> new CandidateState(
                                MatchCandidateView.from(r.get("m"), r.get("r"), r.get("own"), r.get("p")),
                                r.get("ownAnchored").asBoolean(),
                                r.get("personAnchored").asBoolean(),
                                r.get("related").asBoolean(),
                                r.get("declaredDifferent").asBoolean(),
                                r.get("otherNhsNumber").asBoolean()))
                .stream()
                .findFirst();
    }

    Optional<SourceRecordView> record(String source, String localId) {
        return graph
                .read(
                        "identity/source-record",
                        Map.of("source", source, "localId", localId),
                        r -> SourceRecordView.from(r.get("r"), r.get("p")))
                .stream()
                .findFirst();
    }

    Optional<AddressRecordView> addressRecord(String source, String localId, Predicate<String> caseData) {
        return graph
                .read("identity/address-record", Map.of("source", source, "localId", localId), r -> {
                    var address = r.get("addressId").asString();
                    // each person once, whatever the number of periods the record gives them there
                    var residents = new LinkedHashMap<String, String>();
                    r.get("residents")
                            .asList(p -> p)
                            .forEach(p -> residents.putIfAbsent(
                                    p.get("id").asString(),
                                    PersonView.from(p).displayName() + " ("
                                            + p.get("id").asString() + ")"));
                    return AddressRecordView.from(
                            r.get("record"),
                            address,
                            caseData,
                            r.get("others")
                                    .asList(o -> AddressRecordView.from(
                                            o, address, caseData, List.of(), List.of(), List.of())),
                            List.copyOf(residents.keySet()),
                            List.copyOf(residents.values()));
                })
                .stream()
                .findFirst();
    }

    boolean addressExists(String id) {
        return !graph.read("identity/address-exists", Map.of("id", id), r -> r).isEmpty();
    }

    /**
     * Splits the address record off address {@code from} onto a new address {@code newId}, with the
     * relationships that came through it (the people living there through it, markers it carried), and
     * takes the old address's fields again from its other records. What the split checked (the record's
     * address, not anchored, with other records) is read again under the locks of the record and the
     * address: when it changed, nothing is written and {@code false} is returned.
     */
    boolean splitAddress(
            String source, String localId, String from, String newId, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            var state = tx.run(
                            CypherStatements.named("identity/lock-address-record"),
                            Map.of("source", source, "localId", localId))
                    .list();
            return splitAsChecked(tx, state, "Address", new Split(source, localId, from, newId, user, note, now));
        });
    }

    /** The record's person, whether the record is anchored (it gave the person its id) and how many records the person has. */
    record RecordState(String personId, boolean anchored, long personRecords) {}

    Optional<RecordState> state(String source, String localId) {
        return graph
                .read(
                        "identity/record-state",
                        Map.of("source", source, "localId", localId),
                        r -> new RecordState(
                                r.get("personId").asString(),
                                r.get("anchored").asBoolean(),
                                r.get("n").asLong()))
                .stream()
                .findFirst();
    }

    /**
     * What {@link StewardService#linkRecord} checks before linking a record to person {@code to}:
     * besides the refusals, which declaration kept the two apart, by whom and when ({@code keptApart},
     * or null), who moved the record off the target with a link and when ({@code movedOff}, or null),
     * and a record of the target off the record's person ({@code otherMovedOff}, or null),
     * and the record's sex, date of birth, names (family names with aliases), PNC id and UPN beside
     * the distinct ones the target's records give (sorted).
     */
    record LinkState(
            String personId,
            boolean anchored,
            long personRecords,
            boolean exists,
            boolean declaredDifferent,
            boolean otherNhsNumber,
            boolean related,
            String keptApart,
            String movedOff,
            String otherMovedOff,
            String sex,
            String dateOfBirth,
            List<String> sexes,
            List<String> births,
            String givenName,
            String familyName,
            String pncId,
            String upn,
            List<String> givenNames,
            List<String> familyNames,
            List<String> pncIds,
            List<String> upns) {}

    Optional<LinkState> linkState(String source, String localId, String to) {
        return graph
                .read("identity/link-state", linkParameters(source, localId, to), StewardRepository::linkState)
                .stream()
                .findFirst();
    }

    private static Map<String, Object> linkParameters(String source, String localId, String to) {
        return Map.of("source", source, "localId", localId, "to", to, "record", source + ":" + localId);
    }

    private static LinkState linkState(org.neo4j.driver.Record r) {
        return new LinkState(
                r.get("personId").asString(),
                r.get("anchored").asBoolean(),
                r.get("n").asLong(),
                r.get("exists").asBoolean(),
                r.get("declaredDifferent").asBoolean(),
                r.get("otherNhsNumber").asBoolean(),
                r.get("related").asBoolean(),
                r.get("keptApart").asString(null),
                r.get("movedOff").asString(null),
                r.get("otherMovedOff").asString(null),
                r.get("sex").asString(null),
                r.get("dateOfBirth").asString(null),
                distinct(r.get("sexes")),
                distinct(r.get("births")),
                r.get("givenName").asString(null),
                r.get("familyName").asString(null),
                r.get("pncId").asString(null),
                r.get("upn").asString(null),
                distinct(r.get("givenNames")),
                distinct(r.get("familyNames")),
                distinct(r.get("pncIds")),
                distinct(r.get("upns")));
    }

    private static List<String> distinct(Value values) {
        return new TreeSet<>(values.asList(Value::asString)).stream().toList();
    }

    Map<String, List<SourceRecordView>> recordsOf(Collection<String> personIds, String agency) {
        var result = new LinkedHashMap<String, List<SourceRecordView>>();
        personIds.forEach(id -> result.put(id, new ArrayList<>()));
        var parameters = Parameters.with("ids", List.copyOf(personIds)).and("agency", agency);
        graph.read(
                        "identity/records-of-people",
                        parameters,
                        r -> Map.entry(r.get("personId").asString(), SourceRecordView.from(r.get("r"), null)))
                .forEach(e -> result.get(e.getKey()).add(e.getValue()));
        return result;
    }

    /**
     * The addresses each record gives its person (identity/record-addresses), by "source:localId",
     * but those of the kinds the predicate withholds.
     */
    Map<String, List<String>> addressesOf(Collection<SourceRecordView> records, Predicate<String> withheldKind) {
        return byRecord(
                "identity/record-addresses",
                records,
                r -> r.get("addresses").asList(a -> a).stream()
                        .filter(a -> !withheldKind.test(
                                a.get("kind").isNull() ? null : a.get("kind").asString()))
                        .map(a -> a.get("text").asString())
                        .toList());
    }

    /** The birth dates of the children a record's agency makes it the parent of, and those children's ids. */
    record Children(List<LocalDate> born, List<String> ids) {}

    /** Each record's {@link Children} (identity/record-children), by "source:localId". */
    Map<String, Children> parentOfChildrenBorn(Collection<SourceRecordView> records) {
        return byRecord(
                "identity/record-children",
                records,
                r -> new Children(
                        r.get("born").asList(Value::asLocalDate),
                        r.get("children").asList(Value::asString)));
    }

    /**
     * What each record's agency sent that waits for a steward ({@code status} PENDING), or that a steward
     * set aside (SET_ASIDE), by "source:localId" (identity/record-waiting-changes).
     */
    Map<String, List<String>> versionChanges(Collection<SourceRecordView> records, String status) {
        return byRecord(
                "identity/record-waiting-changes",
                records,
                Map.of("status", status),
                r -> r.get("changes").asList(Value::asString));
    }

    /** A statement's answer for each of the records (its rows' source and localId), by "source:localId". */
    private <V> Map<String, V> byRecord(
            String statement, Collection<SourceRecordView> records, Function<Record, V> value) {
        return byRecord(statement, records, Map.of(), value);
    }

    /** As above, with the statement's other parameters. */
    private <V> Map<String, V> byRecord(
            String statement,
            Collection<SourceRecordView> records,
            Map<String, Object> parameters,
            Function<Record, V> value) {
        var result = new LinkedHashMap<String, V>();
        var all = new HashMap<String, Object>(parameters);
        all.put("records", keys(records));
        graph.read(statement, all, r -> r)
                .forEach(r -> result.put(
                        r.get("source").asString() + ":" + r.get("localId").asString(), value.apply(r)));
        return result;
    }

    /** The records as (source, localId) parameters, each once. */
    private static List<Map<String, Object>> keys(Collection<SourceRecordView> records) {
        return records.stream()
                .map(r -> Map.<String, Object>of("source", r.source(), "localId", r.localId()))
                .distinct()
                .toList();
    }

    /** One pending candidate per pair of people in the network: person ids a and b. */
    record Pending(String id, String a, String b, double score) {}

    List<Pending> pendingAmong(Collection<String> personIds) {
        return graph.read(
                "identity/pending-between",
                Map.of("ids", List.copyOf(personIds)),
                r -> new Pending(
                        r.get("id").asString(),
                        r.get("a").asString(),
                        r.get("b").asString(),
                        r.get("score").asDouble()));
    }

    /**
     * DIFFERENT: the record is declared not the person and the candidate decided; false, with nothing
     * written, when the candidate was decided or its people changed since it was read.
     */
    boolean different(String id, String own, String other, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            if (stillPending(tx, id, own, other) == null) {
                return false;
            }
            run(tx, "identity/decide-different", Map.of("id", id, "user", user, "note", note, "now", now));
            return true;
        });
    }

    /**
     * Reopens a DIFFERENT decision: the candidate is pending again and the declaration it made is
     * removed; false, with nothing written, when it was reopened or its people changed since it was read.
     */
    boolean reopen(String id, String own, String other, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            // the declaration is something an import resolving against held records knows of
            movesGeneration(tx);
            if (stillIn(tx, "DIFFERENT", id, own, other) == null) {
                return false;
            }
            run(tx, "identity/reopen-different", Map.of("id", id, "user", user, "note", note, "now", now));
            return true;
        });
    }

    /**
     * Reopens a version set aside (identity/reopen-set-aside) about the record's own person; false, with
     * nothing written, when it no longer stands (another steward reopened it, or an import superseded it).
     */
    boolean reopenSetAside(String id, String person, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            if (stillIn(tx, "SET_ASIDE", id, person, person) == null) {
                return false;
            }
            return !tx.run(
                            CypherStatements.named("identity/reopen-set-aside"),
                            Map.of("id", id, "user", user, "note", note, "now", now))
                    .list()
                    .isEmpty();
        });
    }

    /** For each candidate, by id, the other pending candidates of its record, strongest first. */
    Map<String, List<MatchCandidateView>> competing(Collection<String> ids) {
        var result = new LinkedHashMap<String, List<MatchCandidateView>>();
        graph.read(
                "identity/competing-candidates",
                Map.of("ids", List.copyOf(ids)),
                r -> result.put(r.get("id").asString(), candidates(r.get("competing"))));
        return result;
    }

    private static List<MatchCandidateView> candidates(Value rows) {
        return rows.asList(d -> MatchCandidateView.from(d.get("m"), d.get("r"), d.get("own"), d.get("p")));
    }

    /**
     * The candidates of each record a steward decided DIFFERENT, or whose version a steward set aside and
     * that still stand ({@code status} SET_ASIDE), newest first, by "source:localId".
     */
    Map<String, List<MatchCandidateView>> decided(Collection<SourceRecordView> records, String status) {
        return byRecord(
                "identity/decided-different", records, Map.of("status", status), r -> candidates(r.get("decided")));
    }

    /**
     * SAME: merges person {@code from} into person {@code into} and decides the candidate; false, with
     * nothing written, when the candidate was decided or its people changed since it was read.
     */
    boolean same(
            String id,
            String own,
            String other,
            String from,
            String into,
            String user,
            String note,
            ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            var apart = stillPending(tx, id, own, other);
            if (apart == null || apart) {
                return false;
            }
            var parameters = Parameters.with("from", from)
                    .and("to", into)
                    .and("record", null)
                    .and("label", "Person");
            run(tx, "identity/move-relationships", parameters);
            run(tx, "identity/delete-person", Map.of("id", from));
            run(tx, "identity/decide-same", Map.of("id", id, "user", user, "note", note, "now", now));
            run(tx, "identity/close-settled", Map.of("id", into, "now", now));
            run(tx, "identity/refresh-person", Map.of("id", into));
            return true;
        });
    }

    /**
     * Locks the candidate and reads it again as {@link #candidate} did: null when it is no longer
     * pending between the same two people, else whether a steward kept the two apart meanwhile or an
     * import gave them two NHS numbers (a SAME must not merge them).
     */
    private static Boolean stillPending(TransactionContext tx, String id, String own, String other) {
        return stillIn(tx, "PENDING", id, own, other);
    }

    /**
     * Under the candidate's locks: whether it is still in {@code status} between the same two people
     * (null when not), and if so whether they are kept apart (a declaration, two NHS numbers).
     */
    private static Boolean stillIn(TransactionContext tx, String status, String id, String own, String other) {
        tx.run(CypherStatements.named("identity/lock-candidate"), Map.of("id", id))
                .consume();
        var now = tx.run(CypherStatements.named("identity/candidate"), Map.of("id", id))
                .list();
        if (now.size() != 1
                || !status.equals(now.get(0).get("m").get("status").asString(null))
                || !own.equals(now.get(0).get("own").get("id").asString(null))
                || !other.equals(now.get(0).get("p").get("id").asString(null))) {
            return null;
        }
        return now.get(0).get("declaredDifferent").asBoolean()
                || now.get(0).get("otherNhsNumber").asBoolean();
    }

    /**
     * Splits the record off person {@code from} onto a new person {@code newId}. What the split checked
     * ({@code checked}: the record's person, not anchored, with other records) is read again under the
     * locks a link and a decision take (hostile review 61: two stewards splitting both records of one
     * person at once left it with none, and a split of a record a link had moved since was said to be
     * done while nothing was): when it changed, nothing is written and {@code false} is returned.
     * {@code candidateId} (null: none): a pending candidate between the record and its own person (a
     * record its agency changed since it was linked), decided DIFFERENT in the same write; false, with
     * nothing written, when it is no longer pending between them.
     */
    boolean split(
            String source,
            String localId,
            RecordState checked,
            String newId,
            String user,
            String note,
            ZonedDateTime now,
            String candidateId) {
        var from = checked.personId();
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            if (candidateId != null && stillPending(tx, candidateId, from, from) == null) {
                return false;
            }
            // no person to link to: the record's own pending candidates, the record and its person
            tx.run(
                            CypherStatements.named("identity/lock-record"),
                            Parameters.with("source", source)
                                    .and("localId", localId)
                                    .and("to", null))
                    .consume();
            var state = tx.run(
                            CypherStatements.named("identity/record-state"),
                            Map.of("source", source, "localId", localId))
                    .list();
            if (!splitAsChecked(tx, state, "Person", new Split(source, localId, from, newId, user, note, now))) {
                return false;
            }
            closeChangeQuestions(tx, source, localId, from, candidateId == null ? "" : candidateId, user, now);
            if (candidateId != null) {
                // split off as the agency now sends it; only once the split is written (review 97: applied
                // before its checks, a refused split still wrote the disputed version)
                applyChangedFields(tx, candidateId);
                run(tx, "identity/decide-different", Map.of("id", candidateId, "user", user, "note", note, "now", now));
                run(
                        tx,
                        "identity/tag-split-declaration",
                        Map.of("source", source, "localId", localId, "from", from, "id", candidateId, "now", now));
            }
            run(tx, "identity/refresh-person", Map.of("id", from));
            run(tx, "identity/refresh-person", Map.of("id", newId));
            return true;
        });
    }

    /**
     * The version of a record a CHANGED_SINCE_LINKED question holds (identity/changed-fields), applied to
     * the record (identity/apply-changed-fields): what the agency sent, once a steward decided on it.
     */
    private static void applyChangedFields(TransactionContext tx, String candidateId) {
        var props = tx.run(CypherStatements.named("identity/changed-fields"), Map.of("id", candidateId))
                .single()
                .get("props");
        if (props.get("newFieldNames").isNull()) {
            return;
        }
        var fields = new HashMap<String, Object>();
        for (var name : props.get("newFieldNames").asList(Value::asString)) {
            var value = props.get("new_" + name);
            fields.put(name, value.isNull() ? null : value.asObject());
        }
        run(tx, "identity/apply-changed-fields", Map.of("id", candidateId, "fields", fields));
    }

    /**
     * The persons, but those excluded, a record of whom gives one of these identifiers
     * (identifier-holders; a null identifier finds nobody).
     */
    List<String> identifierHolders(String nhsNumber, String pncKey, String upn, Collection<String> exclude) {
        var parameters = new HashMap<String, Object>();
        parameters.put("nhsNumber", nhsNumber);
        parameters.put("pncKey", pncKey);
        parameters.put("upn", upn);
        parameters.put("exclude", List.copyOf(exclude));
        return graph.read(
                        "identity/identifier-holders",
                        parameters,
                        r -> r.get("ids").asList(Value::asString))
                .get(0);
    }

    /** The identifiers the version a CHANGED_SINCE_LINKED question holds gives: NHS number, PNC key, UPN. */
    List<String> changedIdentifiers(String candidateId) {
        var props = graph.read("identity/changed-fields", Map.of("id", candidateId), r -> r.get("props"))
                .get(0);
        var result = new ArrayList<String>();
        for (var name : List.of("new_nhsNumber", "new_pncKey", "new_upn")) {
            result.add(props.get(name).isNull() ? null : props.get(name).asString());
        }
        return result;
    }

    /**
     * A record moved off {@code person} by a steward: its questions about changes made while it was
     * theirs close, but {@code except} (the one being decided; "" for none).
     */
    private static void closeChangeQuestions(
            TransactionContext tx,
            String source,
            String localId,
            String person,
            String except,
            String user,
            ZonedDateTime now) {
        run(
                tx,
                "identity/close-change-questions",
                Map.of(
                        "source", source, "localId", localId, "person", person, "except", except, "user", user, "now",
                        now));
    }

    /**
     * A steward's SAME on a candidate between a record its agency changed and the record's own person:
     * the candidate is decided, the record stays, linked by review with the candidate's score and
     * evidence, and the person takes its fields again from its records; false, with nothing written,
     * when it is no longer pending between them.
     */
    boolean keep(String id, String person, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            if (stillPending(tx, id, person, person) == null) {
                return false;
            }
            applyChangedFields(tx, id);
            // only the record's earlier questions about its changes close with it (review 94)
            run(tx, "identity/keep-changed", Map.of("id", id, "user", user, "note", note, "now", now));
            // kept, what the record now says counts for the person as its other records do
            run(tx, "identity/refresh-person", Map.of("id", person));
            return true;
        });
    }

    /**
     * A steward keeps a record its agency changed as it was linked and sets the version aside
     * (identity/set-aside-version): nothing of the version is applied, what the engine does not compare
     * (a date of death, case numbers, which a steward does not see) included; false, with nothing
     * written, when it is no longer pending about that person.
     */
    boolean setAside(String id, String person, String user, String note, ZonedDateTime now) {
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            if (stillPending(tx, id, person, person) == null) {
                return false;
            }
            run(tx, "identity/set-aside-version", Map.of("id", id, "user", user, "note", note, "now", now));
            return true;
        });
    }

    /** A split of record (source, localId) off person or address {@code from} onto {@code newId}. */
    private record Split(
            String source, String localId, String from, String newId, String user, String note, ZonedDateTime now) {}

    /**
     * A split of a person record ({@code label} Person) or an address record (Address), under the locks
     * its caller took: when the state read under them ({@code state}: the record's person or address,
     * whether it is anchored, how many records that has) is no longer what the split checked (the
     * record on {@code from}, not anchored, with other records), nothing is written and false is
     * returned; else the record gets {@code newId}, and what came through it moves with it.
     */
    private static boolean splitAsChecked(TransactionContext tx, List<Record> state, String label, Split split) {
        var owner = "Person".equals(label) ? "personId" : "addressId";
        if (state.size() != 1
                || !split.from().equals(state.get(0).get(owner).asString())
                || state.get(0).get("anchored").asBoolean()
                || state.get(0).get("n").asLong() < 2) {
            return false;
        }
        run(
                tx,
                "Person".equals(label) ? "identity/split-record" : "identity/split-address-record",
                Map.of(
                        "source",
                        split.source(),
                        "localId",
                        split.localId(),
                        "from",
                        split.from(),
                        "newId",
                        split.newId(),
                        "user",
                        split.user(),
                        "note",
                        split.note(),
                        "now",
                        split.now()));
        run(
                tx,
                "identity/move-relationships",
                Map.of(
                        "from",
                        split.from(),
                        "to",
                        split.newId(),
                        "record",
                        split.source() + ":" + split.localId(),
                        "label",
                        label));
        return true;
    }

    /**
     * Links the record to person {@code to}: merges its person {@code from} into {@code to} when it
     * was that person's only record, else moves the record and the relationships that came through
     * it; then decides its pending candidates and recomputes both people. The checks are read again
     * in the write transaction: when anything they saw changed (another steward, an import), nothing
     * is written and {@code false} is returned.
     */
    boolean link(
            String source, String localId, String to, LinkState checked, String user, String note, ZonedDateTime now) {
        var record = source + ":" + localId;
        var from = checked.personId();
        var onlyRecord = checked.personRecords() == 1;
        return graph.inWriteTransaction(tx -> {
            movesGeneration(tx);
            tx.run(CypherStatements.named("identity/lock-record"), linkParameters(source, localId, to))
                    .consume();
            var state = tx.run(CypherStatements.named("identity/link-state"), linkParameters(source, localId, to))
                    .list();
            if (state.size() != 1 || !linkState(state.get(0)).equals(checked)) {
                return false;
            }
            if (onlyRecord) {
                run(
                        tx,
                        "identity/move-relationships",
                        Parameters.with("from", from)
                                .and("to", to)
                                .and("record", null)
                                .and("label", "Person"));
                run(tx, "identity/delete-person", Map.of("id", from));
            }
            run(
                    tx,
                    "identity/link-record",
                    Map.of("source", source, "localId", localId, "to", to, "user", user, "note", note, "now", now));
            if (!onlyRecord) {
                run(
                        tx,
                        "identity/move-relationships",
                        Map.of("from", from, "to", to, "record", record, "label", "Person"));
                closeChangeQuestions(tx, source, localId, from, "", user, now);
                run(tx, "identity/refresh-person", Map.of("id", from));
            }
            run(tx, "identity/close-settled", Map.of("id", to, "now", now));
            run(tx, "identity/refresh-person", Map.of("id", to));
            return true;
        });
    }

    List<PersonView> people(Collection<String> ids) {
        return graph.read("queries/people-by-id", Map.of("ids", List.copyOf(ids)), r -> PersonView.from(r.get("p")));
    }

    boolean personExists(String id) {
        return !graph.read("queries/people-by-id", Map.of("ids", List.of(id)), r -> r)
                .isEmpty();
    }

    /**
     * A steward's decision, split or link changes whom records belong to: it moves the identity
     * generation on (an import resolving against the records held in memory then reads them again),
     * first, before any record or person is locked, as every writer that moves it does (a resolution
     * batch, an import's people): taken last, it deadlocked with a batch linking a record to the
     * person the steward had locked (review 69). A decision refused under the locks moves it too,
     * which costs an import one reading of the records again, never a wrong join.
     */
    private static void movesGeneration(TransactionContext tx) {
        run(tx, "identity/bump-generation", Map.of("writer", "steward"));
    }

    private static void run(TransactionContext tx, String name, Map<String, Object> parameters) {
        tx.run(CypherStatements.named(name), parameters).consume();
    }
}
