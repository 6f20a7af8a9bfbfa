package uk.safeguarding.explorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Base of the integration tests: the whole application on a random port, on a real embedded
 * Neo4j 5.26 in a fresh directory, with Bolt on a free port. Every test class shares this one
 * context (one Neo4j per test JVM) and cleans the data it needs away. In the failsafe runs against
 * the current Neo4j line ({@link NewerNeo4j}) the same context uses that server through
 * {@code neo4j.uri} instead.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "explorer.mode=local",
            "explorer.bolt-port=0",
            "explorer.demo-data=false",
            "explorer.pagecache=64m",
            "explorer.import.max-bytes=2000000",
            "demo.password=demo",
            // a sign-in delay long enough that a test sees it before it passes, whatever the machine's load
            "explorer.signin.delay=10m",
            "explorer.signin.max-delay=1h",
            // the suite checks answers, not speed: a build machine shared by several builds must not turn a
            // slow answer into a TIMEOUT (QueryTimeoutIT tests the timeouts with an application of its own)
            "explorer.query-timeout=120s",
            "explorer.area-query-timeout=300s",
            // every answer of the suite carries its Server-Timing header (off by default): the timing code
            // runs on every request path the suite takes, and ServerTimingIT checks what it says
            "explorer.server-timing=true",
            // no background planning beside the tests (some count the transactions a request costs):
            // StartupWarmUpIT runs the warm-up itself
            "explorer.warm-up=false"
        })
@ExtendWith(NewerNeo4jCondition.class)
public abstract class ExplorerIT {

    private static final Path DATA = tempDirectory("explorer-it-neo4j");
    private static final Path BACKUPS = tempDirectory("explorer-it-backups");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("explorer.data-dir", DATA::toString);
        registry.add("explorer.backup-dir", BACKUPS::toString);
        if (NewerNeo4j.requested()) {
            registry.add("neo4j.uri", NewerNeo4j::uri);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Graph graph;

    protected Http http() {
        return new Http(port);
    }

    /** Removes every node but the schema-migration records. */
    /**
     * Empties the graph for the next test, but for the migrations and the audit chain's head, which
     * is reset to an empty chain. The head is locked first, as every audit append locks it: a
     * request still being answered (a page of the previous test) then appends its events wholly
     * before the clean-up, and they are deleted, or wholly after it, on the empty chain. Deleting the
     * head under an append left that append reading a head without a sequence number, and the
     * request failed (a browser test under load, once).
     */
    protected void cleanDatabase() {
        graph.inWriteTransaction(tx -> {
            tx.run("MERGE (h:AuditHead {id: 'head'}) SET h.lock = randomUUID()").consume();
            tx.run("MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:AuditHead DETACH DELETE n")
                    .consume();
            tx.run("MATCH (h:AuditHead {id: 'head'}) SET h.seq = 0, h.hash = '', h.checkpointSeq = 0 "
                            + "REMOVE h.signature, h.lock")
                    .consume();
            return null;
        });
    }

    protected long count(String cypher) {
        return graph.inReadTransaction(tx -> tx.run(cypher).single().get(0).asLong());
    }

    protected long count(String cypher, Map<String, Object> parameters) {
        return graph.inReadTransaction(
                tx -> tx.run(cypher, parameters).single().get(0).asLong());
    }

    /** Runs a test document (graphql-test/<name>.graphql) as admin; asserts no errors; returns its field. */
    protected JsonNode query(String document, Map<String, Object> variables) {
        var json = http().graphql("admin", Documents.named(document), variables);
        if (json.get("errors") != null) {
            throw new AssertionError("errors of " + document + ": " + json.get("errors"));
        }
        return json.get("data").get(document);
    }

    /**
     * A field asked beside riskFlags of 500 unknown ids, so that one more person counted refuses the
     * request: the field's answer, or the refusal (which says how many people were counted).
     */
    protected String besideTheLimit(String user, String field, String selection, String day) {
        var padding = java.util.stream.IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "p-padding-unknown-" + i)
                .toList();
        var json = http().graphql(
                        user,
                        "query($ids: [ID!]!) { " + selection + " padding: riskFlags(personIds: $ids, asOf: \"" + day
                                + "\") { code } }",
                        Map.of("ids", padding));
        return json.get("errors") == null
                ? "answered " + json.get("data").get(field)
                : json.get("errors").get(0).get("message").asString();
    }

    /**
     * Records, as the user, a strategy meeting held on a day about the people given, invited and
     * attended by the agency given; asserts it was recorded and answers the id the explorer gave it.
     */
    protected String recordStrategyMeeting(String user, String heldOn, List<String> concerns, String agency) {
        var recorded = http().graphql(
                        user,
                        "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                        Map.of(
                                "m",
                                Map.of(
                                        "heldOn",
                                        heldOn,
                                        "concerns",
                                        concerns,
                                        "attendance",
                                        List.of(Map.of("agency", agency, "invited", true, "attended", true)))));
        if (recorded.get("errors") != null) {
            throw new IllegalStateException("meeting of " + heldOn + " not recorded: " + recorded);
        }
        return recorded.get("data").get("recordStrategyMeeting").get("id").asString();
    }

    /**
     * Sends the requests at the same moment, each from its own thread, and returns the answers in the
     * order given (races: what a check made before a write lets through).
     */
    @SafeVarargs
    protected static List<JsonNode> atOnce(Callable<JsonNode>... requests) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(requests.length);
        try {
            var answers = new ArrayList<Future<JsonNode>>();
            for (var request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var result = new ArrayList<JsonNode>();
            for (var answer : answers) {
                result.add(answer.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Imports the shared scenario through the real HTTP endpoint as admin. */
    protected JsonNode importScenario() {
        var response = http().post("/api/import", "admin", Scenario.text());
        if (response.status() != 200) {
            throw new IllegalStateException("import failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** Imports a test fixture (a classpath resource, e.g. /fixtures/need-to-know.json) as admin; asserts nothing rejected. */
    protected void importResource(String resource) {
        String text;
        try (var in = ExplorerIT.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var response = http().post("/api/import", "admin", text);
        if (response.status() != 200 || !response.json().get("rejected").isEmpty()) {
            throw new IllegalStateException(
                    "import of " + resource + " failed: " + response.status() + " " + response.body());
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
