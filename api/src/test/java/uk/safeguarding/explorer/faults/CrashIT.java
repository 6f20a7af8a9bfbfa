package uk.safeguarding.explorer.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.CanonicalDump;
import uk.safeguarding.explorer.support.ChildExplorer;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * {@code kill -9} of the explorer (a child process started from the built jar): in the middle of an
 * import, then a restart with no manual step and the same import again, gives the graph of a clean
 * import; right after answered reads, every one of them is in the audit log after the restart.
 */
class CrashIT extends ExplorerIT {

    private static final List<String> SUBJECTS = List.of("p-sara", "p-kyle", "p-gary", "p-jack", "p-mia", "p-lily");
    private static final int PEOPLE = 600;

    @Autowired
    private Driver driver;

    private static Driver bolt(ChildExplorer child) {
        return GraphDatabase.driver(child.boltUri(), AuthTokens.basic("neo4j", ChildExplorer.BOLT_PASSWORD));
    }

    @Test
    void everyReadAnsweredBeforeAKill9IsInTheAuditLogAfterTheRestart() throws Exception {
        var dir = Files.createTempDirectory("faults-crash-reads");
        try (var child = ChildExplorer.start(dir)) {
            assertThat(child.http()
                            .post("/api/import", "admin", Scenario.text())
                            .status())
                    .isEqualTo(200);
            for (var subject : SUBJECTS) {
                var answer = child.http().graphql("admin", "{ person(id: \"" + subject + "\") { id } }");
                assertThat(answer.toString()).contains("\"id\":\"" + subject + "\"");
            }
            child.kill();
        }
        try (var restarted = ChildExplorer.start(dir)) {
            var integrity = restarted
                    .http()
                    .graphql("auditor", "{ auditIntegrity { valid events } }")
                    .get("data")
                    .get("auditIntegrity");
            assertThat(integrity.get("valid").asBoolean())
                    .as(integrity.toString())
                    .isTrue();
            for (var subject : SUBJECTS) {
                var events = restarted
                        .http()
                        .graphql(
                                "auditor",
                                "{ auditEvents(first: 10, user: \"admin\", " + "subjectId: \"" + subject
                                        + "\") { operation outcome } }")
                        .get("data")
                        .get("auditEvents");
                assertThat(events.toString())
                        .as(subject)
                        .contains("{\"operation\":\"person\",\"outcome\":\"ALLOWED\"}");
            }
        }
    }

    /** A bundle of one agency, 600 people and 100 homes with who lives where: 600 / 50 people batches. */
    private static String bigBundle() {
        var json = JsonMapper.shared().createObjectNode().put("source", "csc");
        json.putArray("agencies")
                .addObject()
                .put("id", "csc")
                .put("name", "Children's social care")
                .put("type", "CHILDRENS_SOCIAL_CARE");
        var people = json.putArray("people");
        var addresses = json.putArray("addresses");
        var relationships = json.putArray("relationships");
        for (int a = 0; a < 100; a++) {
            addresses
                    .addObject()
                    .put("id", "a-crash-%03d".formatted(a))
                    .put("line1", a + 1 + " Crash Street")
                    .put("town", "York")
                    .put("postcode", "YO1 7HH")
                    .put("kind", "HOME");
        }
        for (int p = 0; p < PEOPLE; p++) {
            people.addObject()
                    .put("id", "p-crash-%04d".formatted(p))
                    .put("givenName", "Given" + p)
                    .put("familyName", "Family" + p / 6)
                    .put("dateOfBirth", "19%02d-01-15".formatted(50 + p % 50))
                    .put("sex", p % 2 == 0 ? "FEMALE" : "MALE");
            relationships
                    .addObject()
                    .put("type", "LIVES_AT")
                    .put("from", "p-crash-%04d".formatted(p))
                    .put("to", "a-crash-%03d".formatted(p / 6))
                    .put("start", "2015-01-01");
        }
        return json.toString();
    }

    @Test
    void anImportKilledHalfwayAndImportedAgainAfterARestartGivesTheGraphOfACleanImport() throws Exception {
        var bundle = bigBundle();
        cleanDatabase();
        assertThat(http().post("/api/import", "admin", bundle).status()).isEqualTo(200);
        var clean = CanonicalDump.of(driver);
        // the agency; each person and address with its source record and the link between them; who lives where
        assertThat(clean).hasSize(1 + 3 * PEOPLE + 3 * 100 + PEOPLE);

        var dir = Files.createTempDirectory("faults-crash-import");
        try (var child = ChildExplorer.start(
                dir, "--explorer.import.batch-size=50", "--logging.level.uk.safeguarding.explorer.importing=DEBUG")) {
            var bolt = bolt(child);
            try {
                // an uncommitted person with the id of the 401st holds its key: the 9th batch of people waits on it
                var lock = bolt.session()
                        .beginTransaction(TransactionConfig.builder()
                                .withTimeout(Duration.ofMinutes(10))
                                .build());
                lock.run("CREATE (:Person {id: 'p-crash-0400'})").consume();
                var importing = CompletableFuture.runAsync(() -> child.http().post("/api/import", "admin", bundle));
                child.await(Pattern.compile("Import progress: 401 of \\d+ rows written \\(people\\)"));
                child.kill();
                assertThat(importing).failsWithin(Duration.ofMinutes(1));
            } finally {
                // the server is gone with its connections: the held transaction ends with it
                bolt.closeAsync();
            }
        }
        try (var restarted = ChildExplorer.start(dir);
                var bolt = bolt(restarted)) {
            var partial = CanonicalDump.of(bolt);
            // the agency and eight whole batches of people, each with its source record and link
            assertThat(partial).hasSize(1 + 3 * 400);
            assertThat(CanonicalDump.notIn(partial, clean))
                    .as("records not whole")
                    .isEmpty();
            var again = restarted.http().post("/api/import", "admin", bundle);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(CanonicalDump.of(bolt)).isEqualTo(clean);
        }
    }
}
