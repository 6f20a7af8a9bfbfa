package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.explorer.audit.AuditLog.Actor;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Audit once per request, group-committed: a request's events are appended together, concurrent
 * requests share one write transaction, and no request answers before its events are durable.
 * Several appenders on one database (several application instances) keep one intact chain, the
 * head's lock in the database being their only meeting point.
 */
class GroupCommitIT extends ExplorerIT {

    private static final String SARA = "{\"query\":\"{ person(id: \\\"p-sara\\\") { id givenName } }\"}";

    @Autowired
    private AuditWriter writer;

    @Autowired
    private AuditLog log;

    @Autowired
    private AuditKey key;

    @Autowired
    private Clock clock;

    @Autowired
    private Driver driver;

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private CompletableFuture<HttpResponse<String>> askForSara(HttpClient client) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("teacher:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SARA))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noAnswerLeavesBeforeItsEventsAreDurableAndWaitingRequestsShareOneCommit() {
        var client = HttpClient.newHttpClient();
        var requests = 6;
        var before = writer.commits();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        // another transaction holds the chain head's lock: no append can commit until it ends
        try (var session = driver.session();
                var blocker = session.beginTransaction()) {
            blocker.run("MATCH (h:AuditHead {id: 'head'}) SET h.lock = randomUUID()")
                    .consume();
            for (int i = 0; i < requests; i++) {
                answers.add(askForSara(client));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> writer.waiting() == requests);
            assertThat(answers).as("answered before the events were durable").noneMatch(CompletableFuture::isDone);
            blocker.commit();
        }
        for (var answer : answers) {
            var response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"data\":{\"person\":{\"id\":\"p-sara\",\"givenName\":\"Sara\"}}}");
            var requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(count(
                            "MATCH (a:AuditEvent {requestId: $id, subjectId: 'p-sara', outcome: 'ALLOWED'}) "
                                    + "RETURN count(a)",
                            Map.of("id", requestId)))
                    .isEqualTo(1);
        }
        // the first group waited alone on the lock; everything queued behind it went in one commit
        assertThat(writer.commits() - before).isBetween(1L, 2L);
        assertThat(log.verify(true).valid()).isTrue();
    }

    @Test
    void aRequestsEventsAreAppendedTogetherInOneCommit() {
        var before = writer.commits();
        var json = http().graphql(
                        "social-worker",
                        "{ a: person(id: \"p-sara\") { id } b: person(id: \"p-kyle\") { id } "
                                + "c: siblingsAtRisk(personId: \"p-kyle\", asOf: \"2018-09-26\") { child { id } } }");
        assertThat(json.get("errors")).isNull();
        assertThat(writer.commits() - before).isEqualTo(1);
    }

    @Test
    void twoAppendersOnOneDatabaseKeepOneIntactChain() throws Exception {
        var other = new AuditWriter(graph, key, clock, 1_000, false);
        var start = count("MATCH (h:AuditHead) RETURN h.seq");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var appends = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < 100; i++) {
                var target = i % 2 == 0 ? writer : other;
                var n = i;
                appends.add(CompletableFuture.supplyAsync(() -> target.append(drafts(n, 3)), pool)
                        .thenCompose(durable -> durable));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
            other.destroy();
        }
        assertThat(count("MATCH (h:AuditHead) RETURN h.seq")).isEqualTo(start + 300);
        assertThat(count("MATCH (a:AuditEvent) WHERE a.user = 'appender-test' RETURN count(a)"))
                .isEqualTo(300);
        var check = log.verify(true);
        assertThat(check.valid()).isTrue();
        assertThat(check.events()).isEqualTo(start + 300);
    }

    @Test
    void anAppenderAppendsAfterTheHeadItLeftWithoutReadingItAgainUnlessAnotherMovedIt() {
        var solo = new AuditWriter(graph, key, clock, 1_000, false);
        try {
            solo.append(drafts(1, 2)).join();
            assertThat(solo.headReads()).as("the first append reads the head").isEqualTo(1);
            solo.append(drafts(2, 2)).join();
            solo.append(drafts(3, 1)).join();
            assertThat(solo.headReads()).as("then it knows where the head is").isEqualTo(1);
            // another instance appends: the head is no longer where solo left it
            writer.append(drafts(4, 1)).join();
            solo.append(drafts(5, 2)).join();
            assertThat(solo.headReads()).isEqualTo(2);
        } finally {
            destroy(solo);
        }
        assertThat(count("MATCH (a:AuditEvent) WHERE a.user = 'appender-test' RETURN count(a)"))
                .isEqualTo(8);
        assertThat(log.verify(true).valid()).isTrue();
    }

    private static void destroy(AuditWriter writer) {
        try {
            writer.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<AuditDraft> drafts(int batch, int n) {
        var actor = new Actor("appender-test", "csc", "PRACTITIONER");
        var at = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return IntStream.range(0, n)
                .mapToObj(i -> new AuditDraft(
                        UUID.randomUUID().toString(),
                        at,
                        actor.user(),
                        actor.agency(),
                        actor.role(),
                        "person",
                        "p-" + batch,
                        List.of("identity"),
                        AuditLog.NEED_TO_KNOW,
                        null,
                        AuditLog.ALLOWED,
                        "request-" + batch,
                        null))
                .toList();
    }
}
