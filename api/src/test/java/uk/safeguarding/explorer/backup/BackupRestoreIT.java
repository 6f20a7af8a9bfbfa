package uk.safeguarding.explorer.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.safeguarding.explorer.ExplorerApplication;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.support.Documents;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Http;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The backup drill: a backup taken while the explorer serves (a read answered and a write held back
 * while it reads), restored with {@code java -jar ... restore} into a new directory, answers the
 * named queries exactly as before, without the write that waited, and its audit chain verifies up to
 * the head the backup kept.
 */
class BackupRestoreIT extends ExplorerIT {

    private static final Map<String, Map<String, Object>> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("siblingsAtRisk", Map.of("personId", "p-sara", "asOf", Scenario.AS_OF));
        NAMED.put("sharedAddresses", Map.of("personId", "p-gary", "asOf", Scenario.AS_OF, "includeHistoric", true));
        NAMED.put("agencyInvolvement", Map.of("personId", "p-jack", "scope", "FAMILY", "asOf", Scenario.AS_OF));
        NAMED.put("network", Map.of("personId", "p-sara", "depth", 2, "asOf", Scenario.AS_OF));
        NAMED.put("connection", Map.of("fromId", "p-gary", "toId", "p-sara", "maxHops", 4, "asOf", Scenario.AS_OF));
        NAMED.put("chronology", Map.of("personId", "p-gary", "asOf", Scenario.AS_OF));
    }

    private static final String FLAGS = "{ riskFlags(asOf: \"2018-09-26\") { rule code severity subjectId summary } }";
    private static final String MARKER = "mutation { recordMarker(marker: {type: OTHER, "
            + "on: \"a-bell\", from: \"2018-09-20\", detail: \"Police address marker: call before visiting\"}) { id } }";

    @Autowired
    private BackupService backups;

    @Autowired
    private AuditLog audit;

    private static Map<String, JsonNode> answers(Http http) {
        var answers = new LinkedHashMap<String, JsonNode>();
        NAMED.forEach((name, variables) -> {
            var json = http.graphql("admin", Documents.named(name), variables);
            assertThat(json.get("errors")).as(name + ": " + json).isNull();
            answers.put(name, json.get("data"));
        });
        // an edge's key is the store's own id of the relationship, which a restore cannot keep; nor
        // the order of edges the same query finds in the same pattern (in the store's own order: Lee's
        // and Kerry's PARENT_OF of Jack came the other way round once), so they are compared as a set
        var edges = (ArrayNode) answers.get("network").get("network").get("edges");
        edges.forEach(edge -> ((ObjectNode) edge).remove("key"));
        var sorted = new ArrayList<JsonNode>();
        edges.forEach(sorted::add);
        sorted.sort(Comparator.comparing(JsonNode::toString));
        edges.removeAll();
        sorted.forEach(edges::add);
        answers.put("riskFlags", http.graphql("admin", FLAGS).get("data"));
        return answers;
    }

    private static JsonNode integrity(Http http) {
        return http.graphql("auditor", "{ auditIntegrity { valid events firstBrokenSeq } }")
                .get("data")
                .get("auditIntegrity");
    }

    private static Process restore(Path backup, Path dataDir) throws IOException {
        return restore(backup, dataDir, null);
    }

    private static Process restore(Path backup, Path dataDir, String auditKey) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java,
                        "-jar",
                        Path.of("target", "safeguarding-explorer.jar").toString(),
                        "restore",
                        "--from",
                        backup.toString())
                .redirectErrorStream(true);
        builder.environment().put("EXPLORER_DATA_DIR", dataDir.toString());
        builder.environment().put("EXPLORER_PAGECACHE", "32m");
        builder.environment().remove("EXPLORER_AUDIT_KEY");
        if (auditKey != null) {
            builder.environment().put("EXPLORER_AUDIT_KEY", auditKey);
        }
        return builder.start();
    }

    private static String output(Process process) throws Exception {
        var text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return text;
    }

    @Test
    void aBackupTakenWhileServingRestoresIntoANewDirectoryAndAnswersExactlyAsBefore() throws Exception {
        cleanDatabase();
        importScenario();
        // more than a checkpoint's worth of events: the restored log has a signed checkpoint, and its
        // rebuilt head must be signed by the restore for the restored explorer to append (review 21)
        audit.record(
                new AuditLog.Actor("backup-drill", "csc", "PRACTITIONER"),
                "person",
                IntStream.rangeClosed(1, 1_005)
                        .mapToObj(i -> AuditLog.Subject.allowed("p-drill-" + i))
                        .toList());
        assertThat(count("MATCH (c:AuditCheckpoint) RETURN count(c)")).isPositive();
        var before = answers(http());

        var midway = new CountDownLatch(1);
        var resume = new CountDownLatch(1);
        var backup = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            return backups.backup(() -> {
                midway.countDown();
                try {
                    resume.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
        assertThat(midway.await(2, TimeUnit.MINUTES)).isTrue();
        // while the backup reads: reads are answered (and audited), a write waits for it
        assertThat(http().graphql("admin", "{ person(id: \"p-sara\") { givenName } }")
                        .get("data")
                        .get("person")
                        .get("givenName")
                        .asString())
                .isEqualTo("Sara");
        var write = CompletableFuture.supplyAsync(() -> http().graphql("admin", MARKER));
        await().atMost(Duration.ofSeconds(60)).until(() -> graph.barrier().waitingWrites() == 1);
        assertThat(write).isNotDone();
        resume.countDown();
        var result = backup.get(5, TimeUnit.MINUTES);
        var recordedId = write.get(1, TimeUnit.MINUTES)
                .get("data")
                .get("recordMarker")
                .get("id")
                .asString();
        assertThat(recordedId).startsWith("explorer-marker-");
        assertThat(result.file())
                .exists()
                .hasFileName(result.file().getFileName().toString());
        assertThat(result.file().getFileName().toString()).matches("explorer-backup-\\d{8}T\\d{6}Z\\.jsonl\\.gz");

        var restored = Files.createTempDirectory("faults-restored").resolve("data");
        var restoring = restore(result.file(), restored);
        var said = output(restoring);
        assertThat(restoring.exitValue()).as(said).isZero();
        assertThat(said)
                .contains("Restored " + result.nodes() + " nodes, " + result.relationships() + " relationships");

        // an audit key that did not sign the log is refused before anything is written: the head it
        // signed would vouch for a log its checkpoints do not
        var elsewhere = Files.createTempDirectory("faults-wrong-key").resolve("data");
        var wrongKey = restore(result.file(), elsewhere, "a-different-key-that-nobody-should-hold-0123");
        assertThat(output(wrongKey))
                .contains("The audit key does not verify the backup's audit log")
                .contains("Nothing was changed");
        assertThat(wrongKey.exitValue()).isEqualTo(2);
        assertThat(elsewhere).doesNotExist();

        // a non-empty directory is refused, and nothing in it changes
        var refused = restore(result.file(), restored);
        assertThat(output(refused))
                .contains("EXPLORER_DATA_DIR " + restored.toAbsolutePath().normalize()
                        + " is not empty: restore only into an empty directory");
        assertThat(refused.exitValue()).isEqualTo(2);

        try (var app = new SpringApplicationBuilder(ExplorerApplication.class)
                .run(
                        "--explorer.data-dir=" + restored,
                        "--explorer.bolt-port=0",
                        "--server.port=0",
                        "--explorer.pagecache=32m",
                        "--explorer.mode=local",
                        "--explorer.demo-data=false",
                        "--explorer.query-timeout=120s",
                        "--explorer.area-query-timeout=300s")) {
            var http =
                    Http.on(((WebServerApplicationContext) app).getWebServer().getPort());
            var integrity = integrity(http);
            assertThat(integrity.get("valid").asBoolean())
                    .as(integrity.toString())
                    .isTrue();
            assertThat(integrity.get("events").asLong()).isEqualTo(result.auditSeq());
            assertThat(answers(http)).isEqualTo(before);
            assertThat(http.graphql("admin", "{ person(id: \"p-sara\") { markers(asOf: \"2018-09-26\") { id } } }")
                            .toString())
                    .doesNotContain(recordedId);
        }
        assertThat(integrity(http()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdministratorMayBackUpAndTheAnswerNamesTheFile() {
        var denied = "MATCH (e:AuditEvent {user: 'social-worker', operation: 'backup', outcome: 'DENIED'}) "
                + "RETURN count(e)";
        var before = count(denied);
        assertThat(http().post("/api/backup", "social-worker", "{}").status()).isEqualTo(403);
        assertThat(count(denied)).isEqualTo(before + 1);
        var response = http().post("/api/backup", "admin", "{}");
        assertThat(response.status()).isEqualTo(200);
        var file = Path.of(response.json().get("file").asString());
        assertThat(file).isAbsolute().exists();
        var events = http().graphql("auditor", "{ auditEvents(first: 5) { operation user reason } }")
                .get("data")
                .get("auditEvents");
        var operations = new ArrayList<String>();
        events.forEach(e -> operations.add(e.get("operation").asString() + " "
                + e.get("user").asString() + " " + e.get("reason").asString()));
        assertThat(operations).contains("backup admin backup to " + file);
    }
}
