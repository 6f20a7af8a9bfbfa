package uk.safeguarding.explorer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.importing.ImportResult;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.bundle.Rejection;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * An extract's relationships, involvements and other rows are written after its people are resolved,
 * by the persons their records belong to (DESIGN §9). A steward who moves one of those records in
 * between (a split, or a link that merges its person away) must find the rows following the record
 * (review 105: they were written to the person it had left, or, that person gone, silently not at all).
 * All people are fictional.
 */
class RelationshipsFollowTheirRecordsIT {

    private static final String PASSWORD = "follow-secret";
    private static final String MOTHER_NUMBER = "9721183466";

    /**
     * {@code when}: the steward acts before the first kind of row is written ("before"), or once the
     * parent-of rows are mapped to persons and before they are written ("during": the import sees it only
     * once every kind is written, ExtractRows.settle).
     */
    @ParameterizedTest
    @ValueSource(strings = {"before", "during"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRecordSplitOffBeforeItsRelationshipsAreWrittenTakesThemWithIt(String when, @TempDir Path dir) {
        // health knows the mother (NHS number); the police's record of her gives it too, and joins her. The
        // police then send her again with a new child and his parent, and involvement; a steward splits
        // the police's record of her off (not the woman health knows) after resolution, before the rest is
        // written: the child's parent is the person split off
        try (var store = new Store(dir, when, SPLIT_OFF_THE_POLICE_MOTHER)) {
            store.imports(healthMother());
            store.imports(policeMother());
            var result = store.importsRaced(policeMotherAndChild());
            assertThat(store.graph.taken).isTrue();
            assertThat(result.warnings()).isEmpty();
            var parents = store.parentsOf("PC");
            assertThat(parents).containsExactly("p-split");
            assertThat(store.involvedWith("p-split")).isEqualTo(1);
            assertThat(store.involvedWith(store.personOf("health", "HM"))).isZero();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRelationshipSentAgainWhileAStewardSplitsItsRecordOffStaysWithTheRecord(@TempDir Path dir) {
        // as above, but the police sent the mother, the child, his parent and the involvement once already:
        // they send them again, and the steward splits their record of her off between the parent-of rows'
        // mapping and their write. The split moves the stored relationship; the import, which mapped it to
        // the woman health knows, must not write a second one under its key there (review 107: the key's
        // uniqueness stopped the import half-written)
        try (var store = new Store(dir, "during", SPLIT_OFF_THE_POLICE_MOTHER)) {
            store.imports(healthMother());
            store.imports(policeMotherAndChild());
            var result = store.importsRaced(policeMotherAndChild());
            assertThat(store.graph.taken).isTrue();
            assertThat(result.warnings()).isEmpty();
            assertThat(store.parentsOf("PC")).containsExactly("p-split");
            assertThat(store.involvedWith("p-split")).isEqualTo(1);
            assertThat(store.involvedWith(store.personOf("health", "HM"))).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "during"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRecordLinkedToAnotherPersonBeforeItsRelationshipsAreWrittenTakesThemThere(String when, @TempDir Path dir) {
        // the police send a mother they had not sent before, without an NHS number and with another family
        // name (a new person), her child and his parent; a steward links the police's record of her to the
        // woman health knows after resolution, before the rest is written: her new person, merged away, is
        // gone, and the child's parent is the woman health knows
        try (var store = new Store(dir, when, (steward, graph) -> {
            var to = personOf(graph, "health", "HM");
            return steward.linkState("police", "PM", to)
                    .map(state ->
                            steward.link("police", "PM", to, state, "data-steward", "Same woman", ZonedDateTime.now()))
                    .orElse(false);
        })) {
            store.imports(healthMother());
            var result = store.importsRaced(policeMotherUnknownAndChild());
            assertThat(store.graph.taken).isTrue();
            assertThat(result.warnings()).isEmpty();
            var mother = store.personOf("health", "HM");
            assertThat(store.personOf("police", "PM")).isEqualTo(mother);
            assertThat(store.parentsOf("PC")).containsExactly(mother);
            assertThat(store.involvedWith(mother)).isEqualTo(1);
        }
    }

    /** The steward splits the police's record of the mother (PM) off her person, as "p-split". */
    private static final StewardStep SPLIT_OFF_THE_POLICE_MOTHER = (steward, graph) -> steward.state("police", "PM")
            .map(state -> steward.split(
                    "police", "PM", state, "p-split", "data-steward", "Not health's", ZonedDateTime.now(), null))
            .orElse(false);

    private static Map<String, Object> mother(String id, String familyName, String nhsNumber) {
        var person = new LinkedHashMap<String, Object>();
        person.put("id", id);
        person.put("givenName", "Philippa");
        person.put("familyName", familyName);
        person.put("dateOfBirth", "1988-02-17");
        person.put("sex", "FEMALE");
        if (nhsNumber != null) {
            person.put("nhsNumber", nhsNumber);
        }
        return person;
    }

    private static Map<String, Object> healthMother() {
        return Map.of("source", "health", "resolve", true, "people", List.of(mother("HM", "Aldous", MOTHER_NUMBER)));
    }

    private static Map<String, Object> policeMother() {
        return Map.of("source", "police", "resolve", true, "people", List.of(mother("PM", "Aldous", MOTHER_NUMBER)));
    }

    private static Map<String, Object> policeMotherAndChild() {
        return motherAndChild(mother("PM", "Aldous", MOTHER_NUMBER));
    }

    private static Map<String, Object> policeMotherUnknownAndChild() {
        return motherAndChild(mother("PM", "Trelawney", null));
    }

    private static Map<String, Object> motherAndChild(Map<String, Object> mother) {
        return Map.of(
                "source",
                "police",
                "resolve",
                true,
                "professionals",
                List.of(Map.of(
                        "id", "OFF1", "name", "DC Fictional Officer", "role", "Police officer", "agency", "police")),
                "people",
                List.of(
                        mother,
                        Map.of(
                                "id",
                                "PC",
                                "givenName",
                                "Tobias",
                                "familyName",
                                "Aldous",
                                "dateOfBirth",
                                "2019-09-09",
                                "sex",
                                "MALE")),
                "relationships",
                List.of(Map.of("type", "PARENT_OF", "from", "PM", "to", "PC", "kind", "BIRTH")),
                "involvements",
                List.of(Map.of(
                        "professional", "OFF1", "person", "PM", "role", "Officer in case", "start", "2026-01-10")));
    }

    private static String personOf(Graph graph, String source, String localId) {
        return graph.inReadTransaction(tx -> tx.run(
                        "MATCH (:SourceRecord {source: $source, localId: $id})-[:RECORD_OF]->(p:Person)"
                                + " RETURN p.id AS id",
                        Map.<String, Object>of("source", source, "id", localId))
                .single()
                .get("id")
                .asString());
    }

    /** A steward's step once the extract's people are resolved, before its other rows are written; whether written. */
    private interface StewardStep {
        boolean take(StewardRepository steward, Graph graph);
    }

    /**
     * A store in which, once armed, a data steward takes a step when the extract's other rows are first
     * about to be written (ExtractRows reads the identity generation before each kind of row).
     */
    private static final class StewardBeforeTheRows extends Graph {

        private final StewardStep step;
        /** "before" the first kind of row is mapped, or "during": once the parent-of rows are. */
        private final String when;

        private int groupsMapped;

        volatile boolean armed;
        volatile boolean taken;
        private boolean asked;

        StewardBeforeTheRows(Driver driver, String when, StewardStep step) {
            super(driver, null);
            this.when = when;
            this.step = step;
        }

        @Override
        public <T> List<T> read(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
            if (!armed || asked || !"identity/generation".equals(name) || !calledBy("group")) {
                return super.read(name, parameters, mapper);
            }
            if ("before".equals(when)) {
                asked = true;
                taken = step.take(new StewardRepository(this), this);
                return super.read(name, parameters, mapper);
            }
            // the kinds are mapped in write order: once the parent-of rows are, the steward acts
            var read = super.read(name, parameters, mapper);
            if (BundleValidator.WRITE_GROUPS.get(groupsMapped++).equals("parent-of")) {
                asked = true;
                taken = step.take(new StewardRepository(this), this);
            }
            return read;
        }

        private static boolean calledBy(String method) {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(frames -> frames.anyMatch(f -> f.getDeclaringClass() == ExtractRows.class
                            && f.getMethodName().equals(method)));
        }
    }

    private static final class Store implements AutoCloseable {

        private final EmbeddedNeo4j server;
        private final Driver driver;
        final StewardBeforeTheRows graph;
        private final ImportService imports;

        Store(Path dir, String when, StewardStep step) {
            server = EmbeddedNeo4j.start(new EmbeddedProperties(dir, 0, "32m", PASSWORD));
            driver = GraphDatabase.driver("bolt://127.0.0.1:" + server.boltPort(), AuthTokens.basic("neo4j", PASSWORD));
            graph = new StewardBeforeTheRows(driver, when, step);
            new SchemaMigrations(graph).migrate();
            imports = new ImportService(graph, Clock.systemUTC(), 100);
            imports(PoliceAndHealth.agencies());
        }

        ImportResult imports(Map<String, Object> bundle) {
            var result = imports.importBundle(JsonMapper.shared().valueToTree(bundle));
            assertThat(result.rejected()).extracting(Rejection::toString).isEmpty();
            return result;
        }

        ImportResult importsRaced(Map<String, Object> bundle) {
            graph.armed = true;
            return imports(bundle);
        }

        String personOf(String source, String localId) {
            return RelationshipsFollowTheirRecordsIT.personOf(graph, source, localId);
        }

        List<String> parentsOf(String childLocalId) {
            try (var session = driver.session()) {
                return session.run(
                                "MATCH (:SourceRecord {source: 'police', localId: $id})-[:RECORD_OF]->(c:Person)"
                                        + "<-[:PARENT_OF]-(p:Person) RETURN p.id AS id",
                                Map.<String, Object>of("id", childLocalId))
                        .list(r -> r.get("id").asString());
            }
        }

        long involvedWith(String personId) {
            try (var session = driver.session()) {
                return session.run(
                                "MATCH (:Professional)-[r:INVOLVED_WITH]->(:Person {id: $id}) RETURN count(r) AS n",
                                Map.<String, Object>of("id", personId))
                        .single()
                        .get("n")
                        .asLong();
            }
        }

        @Override
        public void close() {
            driver.close();
            server.close();
        }
    }
}
