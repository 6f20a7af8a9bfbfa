package uk.safeguarding.explorer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.startup.StartupWarmUp;
import uk.safeguarding.explorer.support.Http;
import uk.safeguarding.explorer.support.LocalExplorer;

/**
 * Every read has a timeout, area-wide questions a longer one, and a question stopped for it answers
 * TIMEOUT with a sentence. The questions here cannot finish in any time: a schema change held open
 * by the test keeps the labels they read locked, so the timeout is what ends them, deterministically.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTimeoutIT {

    private ConfigurableApplicationContext app;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        app = LocalExplorer.start(
                Files.createTempDirectory("faults-timeout").toString(),
                "--explorer.demo-data=true",
                "--explorer.query-timeout=8s",
                "--explorer.area-query-timeout=30s");
        http = LocalExplorer.http(app);
        // while the start-up warm-up plans every read gets the area timeout (StartupWarmUpIT): the
        // ordinary one is tested once it has finished, as it publishes
        var warmUp = app.getBean(StartupWarmUp.class);
        await().atMost(Duration.ofMinutes(10)).until(() -> warmUp.state() == StartupWarmUp.State.DONE);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static JsonNode onlyError(JsonNode answer) {
        assertThat(answer.get("errors")).as(answer.toString()).hasSize(1);
        return answer.get("errors").get(0);
    }

    @Test
    void aQuestionThatCannotFinishInTimeIsStoppedAndAnswersTimeoutWithASentence() {
        var person = "{ person(id: \"p-sara\") { id givenName } }";
        var triage = "{ triageQueue(asOf: \"2018-09-26\") { score referral { id } } }";
        // asked once first, so that their plans are cached and the lock below stops them while they run
        // (on a heavily loaded machine this first, cold answer may itself run out of time: no matter)
        http.graphql("admin", person);
        http.graphql("admin", triage);

        var driver = app.getBean(Driver.class);
        try (var session = driver.session();
                var lock = session.beginTransaction(TransactionConfig.builder()
                        .withTimeout(Duration.ofMinutes(5))
                        .build())) {
            // an uncommitted schema change holds the labels' schema locks; reads of them wait for it
            lock.run("CREATE INDEX faults_lock_person IF NOT EXISTS FOR (n:Person) ON (n.faultsLock)")
                    .consume();
            lock.run("CREATE INDEX faults_lock_referral IF NOT EXISTS FOR (n:Referral) ON (n.faultsLock)")
                    .consume();

            var stopped = onlyError(http.graphql("admin", person));
            assertThat(stopped.get("extensions").get("classification").asString())
                    .isEqualTo("TIMEOUT");
            assertThat(stopped.get("message").asString())
                    .isEqualTo("The question took longer than the 8 s allowed "
                            + "and was stopped; nothing was changed. Ask a narrower question (one person, fewer hops, a "
                            + "shorter period) or try again later");
            assertThat(stopped.get("path").toString()).isEqualTo("[\"person\"]");

            var areaWide = onlyError(http.graphql("admin", triage));
            assertThat(areaWide.get("extensions").get("classification").asString())
                    .isEqualTo("TIMEOUT");
            assertThat(areaWide.get("message").asString()).startsWith("The question took longer than the 30 s allowed");
            lock.rollback();
        }
        // once the lock is gone the same questions answer (waiting on the answer, never on time)
        await().atMost(Duration.ofMinutes(3))
                .until(() -> http.graphql("admin", person).get("errors") == null);
        assertThat(http.graphql("admin", person)
                        .get("data")
                        .get("person")
                        .get("givenName")
                        .asString())
                .isEqualTo("Sara");
        await().atMost(Duration.ofMinutes(3))
                .until(() -> http.graphql("admin", triage).get("errors") == null);
    }

    @Test
    void theEmbeddedDatabaseStopsAnyTransactionWithoutATimeoutAfterTwiceTheAreaTimeoutAndAtLeastTwoMinutes() {
        var value = app.getBean(Driver.class)
                .executableQuery("SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value")
                .execute()
                .records()
                .get(0)
                .get("value")
                .asString();
        assertThat(value).isEqualTo("2m");
    }
}
