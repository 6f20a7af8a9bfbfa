package uk.safeguarding.explorer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.model.matching.MatchingSettings;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * Agency extracts are resolved one at a time across every instance on a store (review 105: two at once
 * could each give one new NHS number to a person of its own). Two instances of the explorer are two
 * import services on one embedded store, each with its own turn-taking; all people are fictional.
 */
class ExtractLeaseIT {

    private static final String PASSWORD = "lease-secret";
    private static final String NUMBER = "9721183458";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anExtractSentWhileAnotherInstanceResolvesOneWaitsForItAndJoinsItsPerson(@TempDir Path dir) throws Exception {
        // the police's extract (instance A) gives a new woman an NHS number; health's (instance B), sent
        // while A's first write is held back, gives its own new record of her the same number. B waits for
        // A's turn to end and then joins her; without turns, B weighed her against a store without A's
        // record, and two persons gave the number
        try (var store = Store.start(dir)) {
            var driver = store.driver();
            var instanceB = new ImportService(
                    store.graph(), Clock.systemUTC(), 100, MatchingSettings.defaults(), true, 0, waitAtMost(60));
            var healthDone = new AtomicBoolean();
            // (without turns B does not wait: A's write is then held until B is done)
            // (B's ask refused: B waits on A's turn in the store)
            var heldA = new HeldUntil(driver, () -> instanceB.extractTurns().refusedAsks() >= 1 || healthDone.get());
            var instanceA = new ImportService(
                    heldA, Clock.systemUTC(), 100, MatchingSettings.defaults(), true, 0, waitAtMost(60));
            agencies(instanceA);
            var pool = Executors.newSingleThreadExecutor();
            try {
                var police = pool.submit(() -> instanceA.importBundle(extract("police", "P1")));
                // B is sent once A is resolving (A's first write is held until B waits)
                synchronized (heldA) {
                    while (!heldA.writing) {
                        heldA.wait();
                    }
                }
                var health = instanceB.importBundle(extract("health", "H1"));
                healthDone.set(true);
                var policeResult = police.get(2, TimeUnit.MINUTES);
                assertThat(heldA.released).isTrue();
                assertThat(policeResult.resolution().created()).isEqualTo(1);
                assertThat(health.resolution().linked()).isEqualTo(1);
                assertThat(health.resolution().created()).isZero();
            } finally {
                pool.shutdownNow();
            }
            try (var session = driver.session()) {
                var persons = session.run(
                                "MATCH (r:SourceRecord)-[:RECORD_OF]->(p:Person) RETURN count(DISTINCT p) AS persons,"
                                        + " count(r) AS records,"
                                        + " COUNT { MATCH (q:Person {nhsNumber: $n}) } AS numbered",
                                Map.<String, Object>of("n", NUMBER))
                        .single();
                assertThat(persons.get("records").asLong()).isEqualTo(2);
                assertThat(persons.get("persons").asLong()).isEqualTo(1);
                assertThat(persons.get("numbered").asLong()).isEqualTo(1);
                // the turn is given up
                assertThat(session.run("MATCH (g:IdentityGeneration) RETURN g.extractHolder AS holder")
                                .single()
                                .get("holder")
                                .isNull())
                        .isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anExtractThatWaitedItsLongestIsRefusedWithNothingWrittenAndATurnLeftByAnEndedInstanceIsTakenOver(
            @TempDir Path dir) {
        try (var store = Store.start(dir)) {
            var driver = store.driver();
            var graph = store.graph();
            var imports = new ImportService(
                    graph, Clock.systemUTC(), 100, MatchingSettings.defaults(), true, 0, waitAtMost(1));
            agencies(imports);
            // another instance resolves the police's extract, and beats
            holdTurn(driver, "police", "PT0S");
            assertThatThrownBy(() -> imports.importBundle(extract("health", "H1")))
                    .isInstanceOf(ExtractBusyException.class)
                    .hasMessageContaining("Another agency extract (police, resolving since ")
                    .hasMessageContaining(
                            "nothing of this one was written; send it again when that import has finished");
            try (var session = driver.session()) {
                assertThat(session.run("MATCH (r:SourceRecord) RETURN count(r) AS n")
                                .single()
                                .get("n")
                                .asLong())
                        .isZero();
            }
            // that instance ended three minutes ago without giving its turn up: taken over
            holdTurn(driver, "police", "PT3M");
            var result = imports.importBundle(extract("health", "H1"));
            assertThat(result.resolution().created()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTurnIsBeatenWhileHeldAndOneTakenOverIsStoppedAtItsNextCheck(@TempDir Path dir) throws Exception {
        try (var store = Store.start(dir)) {
            var driver = store.driver();
            var graph = store.graph();
            var turns = new ExtractLease(graph, waitAtMost(1), Duration.ofMillis(100));
            try (var turn = turns.take("police")) {
                // the holder beats: two beats after the store's beat was read, it has moved on (waited on the
                // beats the turn publishes; the first of the two may have landed before the read)
                var beats = turn.beaten();
                var first = beat(driver);
                turn.awaitBeatsAfter(beats + 1);
                assertThat(beat(driver)).isNotEqualTo(first);
                turn.check();
                // taken over (as by another instance after its beats had stopped): its next check stops it
                try (var session = driver.session()) {
                    session.run("MATCH (g:IdentityGeneration) SET g.extractHolder = 'extract:health:other'")
                            .consume();
                }
                assertThatThrownBy(turn::check)
                        .isInstanceOf(ExtractBusyException.class)
                        .hasMessageContaining("This agency extract lost its turn while it was imported");
            }
            // giving its turn up leaves the other's alone
            try (var session = driver.session()) {
                assertThat(session.run("MATCH (g:IdentityGeneration) RETURN g.extractHolder AS h")
                                .single()
                                .get("h")
                                .asString())
                        .isEqualTo("extract:health:other");
            }
        }
    }

    private static String beat(Driver driver) {
        try (var session = driver.session()) {
            return session.run("MATCH (g:IdentityGeneration) RETURN toString(g.extractBeat) AS beat")
                    .single()
                    .get("beat")
                    .asString();
        }
    }

    /** An embedded store with the schema, and a driver and graph on it. */
    private record Store(EmbeddedNeo4j server, Driver driver, Graph graph) implements AutoCloseable {

        static Store start(Path dir) {
            var server = EmbeddedNeo4j.start(new EmbeddedProperties(dir, 0, "32m", PASSWORD));
            var driver =
                    GraphDatabase.driver("bolt://127.0.0.1:" + server.boltPort(), AuthTokens.basic("neo4j", PASSWORD));
            var graph = new Graph(driver, null);
            new SchemaMigrations(graph).migrate();
            return new Store(server, driver, graph);
        }

        @Override
        public void close() {
            driver.close();
            server.close();
        }
    }

    private static Duration waitAtMost(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** Another instance's turn, on the police's extract, last beaten {@code ago} (an ISO duration) ago. */
    private static void holdTurn(Driver driver, String source, String ago) {
        try (var session = driver.session()) {
            session.run(
                            "MERGE (g:IdentityGeneration {id: 'identity'}) ON CREATE SET g.value = 0"
                                    + " SET g.extractHolder = 'extract:' + $source + ':other-instance',"
                                    + " g.extractSource = $source, g.extractSince = datetime() - duration($ago),"
                                    + " g.extractBeat = datetime() - duration($ago)",
                            Map.<String, Object>of("source", source, "ago", ago))
                    .consume();
        }
    }

    private static void agencies(ImportService imports) {
        var result = imports.importBundle(JsonMapper.shared().valueToTree(PoliceAndHealth.agencies()));
        assertThat(result.rejected()).isEmpty();
    }

    /** An agency's extract of one fictional woman giving {@link #NUMBER}. */
    private static JsonNode extract(String source, String localId) {
        return JsonMapper.shared()
                .valueToTree(Map.of(
                        "source",
                        source,
                        "resolve",
                        true,
                        "people",
                        List.of(Map.of(
                                "id",
                                localId,
                                "givenName",
                                "Rosalind",
                                "familyName",
                                "Quennell",
                                "dateOfBirth",
                                "2014-06-03",
                                "sex",
                                "FEMALE",
                                "nhsNumber",
                                NUMBER))));
    }

    /**
     * A store whose first resolution write is held until {@code until} holds (checked on its monitor,
     * woken every time a write is asked for and by the waiting extract's own asks), telling the test when
     * it holds one ({@code writing}).
     */
    private static final class HeldUntil extends Graph {

        private final BooleanSupplier until;
        volatile boolean writing;
        volatile boolean released;

        HeldUntil(Driver driver, BooleanSupplier until) {
            super(driver, null);
            this.until = until;
        }

        @Override
        public <T> T inWriteTransaction(Function<TransactionContext, T> work) {
            if (!released && Thread.currentThread().getName().startsWith("resolution-writer")) {
                synchronized (this) {
                    writing = true;
                    notifyAll();
                    try {
                        while (!until.getAsBoolean()) {
                            wait(50);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    released = true;
                }
            }
            return super.inWriteTransaction(work);
        }
    }
}
