package uk.safeguarding.explorer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.ExplorerApplication;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.model.matching.MatchingSettings;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;
import uk.safeguarding.explorer.support.CanonicalDump;
import uk.safeguarding.explorer.support.Http;
import uk.safeguarding.explorer.support.Scenario;

/**
 * An external Neo4j (a second embedded server with Bolt on a free port, reached through
 * {@code neo4j.uri}) goes away and comes back: every request fails fast with a plain sentence,
 * readiness is DOWN while it lasts, nothing is written, and the explorer recovers by itself.
 */
class DatabaseOutageIT {

    private static final String PASSWORD = "outage-secret";
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final String SENTENCE = "The database cannot be reached; nothing was changed; try again shortly";
    private static final Map<String, String> READS = Map.of(
            "person", "{ person(id: \"p-sara\") { id givenName familyName markers(asOf: \"2018-09-26\") { type } } }",
            "siblings", "{ siblingsAtRisk(personId: \"p-kyle\", asOf: \"2018-09-26\") { child { id } assessed } }",
            "network", "{ network(personId: \"p-sara\", depth: 2, asOf: \"2018-09-26\") { truncated nodes { key } } }",
            "search", "{ searchPeople(text: \"Archer\", first: 10) { id } }",
            "several fields",
                    "{ a: person(id: \"p-sara\") { id } b: person(id: \"p-kyle\") { id } "
                            + "c: triageQueue(asOf: \"2018-09-26\") { score } }");
    private static final String NEW_PERSON = """
            {"source": "csc", "people": [{"id": "p-outage", "givenName": "Olive", "familyName": "Outage",
             "dateOfBirth": "2012-03-04", "sex": "FEMALE"}]}""";

    private static EmbeddedNeo4j server(Path store, int port) {
        return EmbeddedNeo4j.start(new EmbeddedProperties(store, port, "32m", PASSWORD));
    }

    private static ConfigurableApplicationContext explorer(int boltPort, Path dir) {
        return new SpringApplicationBuilder(ExplorerApplication.class)
                .run(
                        "--neo4j.uri=bolt://127.0.0.1:" + boltPort,
                        "--neo4j.username=neo4j",
                        "--neo4j.password=" + PASSWORD,
                        "--explorer.mode=local",
                        "--explorer.demo-data=true",
                        "--server.port=0",
                        "--explorer.data-dir=" + dir.resolve("unused"),
                        "--explorer.query-timeout=120s");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static int readiness(Http http) {
        return http.get("/actuator/health/readiness", null).status();
    }

    @Test
    void whileTheDatabaseIsAwayEveryRequestFailsFastAndTheExplorerRecoversByItself() throws Exception {
        var dir = Files.createTempDirectory("faults-outage");
        var store = dir.resolve("store");
        var server = server(store, 0);
        var boltPort = server.boltPort();
        try (var app = explorer(boltPort, dir)) {
            var http = Http.on(port(app));
            var before = new TreeMap<String, JsonNode>();
            READS.forEach((name, document) -> before.put(name, http.graphql("admin", document)));
            before.values()
                    .forEach(answer -> assertThat(answer.get("errors"))
                            .as(answer.toString())
                            .isNull());
            assertThat(readiness(http)).isEqualTo(200);

            server.close();

            for (var read : READS.entrySet()) {
                var started = System.nanoTime();
                var answer = http.graphql("admin", read.getValue());
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as(read.getKey())
                        .isLessThan(FAST);
                assertThat(answer.get("errors")).as(read.getKey()).isNotEmpty();
                for (var error : answer.get("errors")) {
                    assertThat(error.get("message").asString()).isEqualTo(SENTENCE);
                    assertThat(error.get("extensions").get("classification").asString())
                            .isEqualTo("UNAVAILABLE");
                }
            }
            var started = System.nanoTime();
            var mutation = http.graphql(
                    "admin",
                    "mutation { recordMarker(marker: {type: OTHER, "
                            + "on: \"a-bell\", from: \"2018-09-20\", detail: \"Call before visiting\"}) { id } }");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
            assertThat(mutation.get("errors")
                            .get(0)
                            .get("extensions")
                            .get("classification")
                            .asString())
                    .isEqualTo("UNAVAILABLE");

            started = System.nanoTime();
            var imported = http.post("/api/import", "admin", NEW_PERSON);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
            assertThat(imported.status()).isEqualTo(503);
            assertThat(imported.headers().get("retry-after")).isEqualTo("5");
            assertThat(imported.json().get("error").asString()).isEqualTo("UNAVAILABLE");
            assertThat(imported.json().get("message").asString()).isEqualTo(SENTENCE);
            assertThat(readiness(http)).isEqualTo(503);
            assertThat(http.get("/actuator/health/readiness", null)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DOWN");

            // the same store on the same port: the explorer finds it again without a restart
            server = server(store, boltPort);
            await().atMost(Duration.ofSeconds(60)).until(() -> readiness(http) == 200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.graphql("admin", READS.get("person")).get("errors") == null);
            READS.forEach((name, document) ->
                    assertThat(http.graphql("admin", document)).as(name).isEqualTo(before.get(name)));
            // nothing of the refused writes was written
            assertThat(http.graphql("admin", "{ person(id: \"p-outage\") { id } }")
                            .get("errors")
                            .get(0)
                            .get("extensions")
                            .get("classification")
                            .asString())
                    .isEqualTo("NOT_FOUND");
            long markers = app.getBean(Graph.class)
                    .inReadTransaction(tx -> tx.run("MATCH (m:Marker {id: 'm-outage'}) RETURN count(m)")
                            .single()
                            .get(0)
                            .asLong());
            assertThat(markers).isZero();
            assertThat(http.post("/api/import", "admin", NEW_PERSON).status()).isEqualTo(200);
            assertThat(http.graphql("admin", "{ person(id: \"p-outage\") { givenName } }")
                            .get("data")
                            .get("person")
                            .get("givenName")
                            .asString())
                    .isEqualTo("Olive");
        } finally {
            server.close();
        }
    }

    /** A Graph whose database stops for good just before the write transaction number {@code stopBefore}. */
    private static final class StoppingGraph extends Graph {

        private final EmbeddedNeo4j server;
        private final int stopBefore;
        private int writes;

        StoppingGraph(Driver driver, EmbeddedNeo4j server, int stopBefore) {
            super(driver, null);
            this.server = server;
            this.stopBefore = stopBefore;
        }

        @Override
        public <T> T inWriteTransaction(Function<TransactionContext, T> work) {
            synchronized (this) {
                if (++writes == stopBefore) {
                    server.close();
                }
            }
            return super.inWriteTransaction(work);
        }
    }

    private static Driver driver(int boltPort) {
        return GraphDatabase.driver(
                "bolt://127.0.0.1:" + boltPort,
                AuthTokens.basic("neo4j", PASSWORD),
                Config.builder()
                        .withConnectionTimeout(1, TimeUnit.SECONDS)
                        .withMaxTransactionRetryTime(2, TimeUnit.SECONDS)
                        .build());
    }

    private static List<String> cleanImport(Path dir) {
        try (var server = server(dir.resolve("clean"), 0);
                var driver = driver(server.boltPort())) {
            var graph = new Graph(driver, null);
            new SchemaMigrations(graph).migrate();
            new ImportService(graph, Clock.systemUTC(), 5)
                    .importBundle(JsonMapper.shared().readTree(Scenario.text()));
            return CanonicalDump.of(driver);
        }
    }

    /**
     * Batches written one at a time: the four before the outage are whole, and the error says so
     * exactly. Two at a time (the default on two cores): as many as were whole when it came.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anImportCutShortByAnOutageWritesWholeRecordsOnlyAndAReimportCompletesIt(int writers) throws Exception {
        var dir = Files.createTempDirectory("faults-outage-import");
        var clean = cleanImport(dir);
        var store = dir.resolve("cut");
        var server = server(store, 0);
        var boltPort = server.boltPort();
        try (var driver = driver(boltPort)) {
            var migrations = new Graph(driver, null);
            new SchemaMigrations(migrations).migrate();
            var bundle = JsonMapper.shared().readTree(Scenario.text());
            var cut = new ImportService(
                    new StoppingGraph(driver, server, 5),
                    Clock.systemUTC(),
                    5,
                    MatchingSettings.defaults(),
                    true,
                    writers,
                    Duration.ofMinutes(1));
            assertThatThrownBy(() -> cut.importBundle(bundle))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageMatching(
                            writers == 1
                                    ? "The database could no longer be reached during the import: 20 of .*"
                                    : "The database could no longer be reached during the import: (15|20) of .*")
                    .hasMessageEndingWith("rows were written, each record whole, the rest not at all; import the "
                            + "same bundle again when it is back (records already written are not duplicated)");

            server = server(store, boltPort);
            var partial = CanonicalDump.of(driver);
            assertThat(partial).isNotEmpty().hasSizeLessThan(clean.size());
            assertThat(CanonicalDump.notIn(partial, clean))
                    .as("records not whole")
                    .isEmpty();

            new ImportService(new Graph(driver, null), Clock.systemUTC(), 5).importBundle(bundle);
            assertThat(CanonicalDump.of(driver)).isEqualTo(clean);
        } finally {
            server.close();
        }
    }
}
