package uk.safeguarding.explorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.identity.NewIds;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.support.Http;
import uk.safeguarding.explorer.support.LocalExplorer;

/**
 * What a new user gets on an empty database in local mode: the fictional demo families, and a
 * school's fictional extract whose two records wait for the data steward (a pupil the school knows
 * by another family name, a parent contact without a date of birth), while the families' answers
 * stay those the README shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT {

    private ConfigurableApplicationContext app;
    private Http http;
    /** How many people the store held when the web server started (-1: not seen). */
    private final AtomicLong peopleAtServerStart = new AtomicLong(-1);

    @BeforeAll
    void start() throws Exception {
        // a class, not a lambda, so that Spring reads the event type it listens to
        var serverStarted = new ApplicationListener<WebServerInitializedEvent>() {
            @Override
            public void onApplicationEvent(WebServerInitializedEvent event) {
                peopleAtServerStart.set(
                        LocalExplorer.people((ConfigurableApplicationContext) event.getApplicationContext()));
            }
        };
        app = LocalExplorer.start(
                Files.createTempDirectory("demo-data").toString(),
                List.<ApplicationListener<?>>of(serverStarted),
                "--explorer.demo-data=true");
        http = LocalExplorer.http(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static List<String> texts(JsonNode array, String... path) {
        var result = new ArrayList<String>();
        for (var element : array) {
            var node = element;
            for (var step : path) {
                node = node.get(step);
            }
            result.add(node.asString());
        }
        return result;
    }

    /**
     * A new user's first questions, asked as soon as the sign-in page answers, came during the load
     * (it ran after the server had started) and were stopped at the query timeout: the families are
     * now in the store, and the school's extract with them, before the server answers anyone.
     */
    @Test
    void theDemoDataIsLoadedBeforeTheWebServerAnswers() {
        assertThat(peopleAtServerStart.get())
                .as("people in the store when the web server started")
                .isEqualTo(LocalExplorer.people(app))
                .isGreaterThan(0);
    }

    @Test
    void theDataStewardFindsTheSchoolsTwoRecordsWaitingForReview() {
        var queue = http.graphql(
                "data-steward",
                "{ matchCandidates { record { source localId givenName familyName dateOfBirth } "
                        + "person { id givenName familyName } } }");
        assertThat(queue.get("errors")).as(queue.toString()).isNull();
        var candidates = queue.get("data").get("matchCandidates");
        assertThat(texts(candidates, "record", "localId")).containsExactlyInAnyOrder("SA-2291", "SA-C-0417");
        assertThat(texts(candidates, "record", "source")).containsOnly("school-a");
        assertThat(texts(candidates, "person", "id")).containsExactlyInAnyOrder("p-ruby", "p-dawn");
    }

    /**
     * Walk 48: the school finds its own record of Ruby (its safeguarding lead is involved with her),
     * with the match waiting for the steward.
     */
    @Test
    void theSchoolFindsItsOwnRecordOfRubyWaitingForTheSteward() {
        var found = http.graphql("teacher", "{ searchPeople(text: \"Ruby Archer\") { id givenName familyName } }");
        assertThat(found.get("errors")).as(found.toString()).isNull();
        assertThat(texts(found.get("data").get("searchPeople"), "id")).contains(NewIds.person("school-a", "SA-2291"));
    }

    /**
     * Review 59: a start stopped between the families and the school's extract loads the extract the
     * next time (it has a check of its own; the families are not loaded twice).
     */
    @Test
    void theSchoolsExtractIsLoadedAtTheNextStartWhenItWasNot() throws Exception {
        var graph = app.getBean(Graph.class);
        graph.inWriteTransaction(tx -> tx.run("MATCH (r:SourceRecord {source: 'school-a'})-[:RECORD_OF]->(p:Person) "
                        + "OPTIONAL MATCH (m:MatchCandidate)-[:OF_RECORD]->(r) DETACH DELETE m, r, p")
                .consume());
        long people = LocalExplorer.people(app);
        assertThat(http.graphql("data-steward", "{ matchCandidates { score } }")
                        .get("data")
                        .get("matchCandidates"))
                .isEmpty();

        app.getBean(DemoDataLoader.class).loadIfMissing();

        theDataStewardFindsTheSchoolsTwoRecordsWaitingForReview();
        assertThat(LocalExplorer.people(app))
                .as("the school's two new persons, the families not loaded again")
                .isEqualTo(people + 2);
    }

    @Test
    void theFamiliesAnswerAsTheReadmeShows() {
        var answer = http.graphql(
                "admin", "{ siblingsAtRisk(personId: \"p-kyle\", asOf: \"2018-09-26\") { child { id } } }");
        assertThat(answer.get("errors")).as(answer.toString()).isNull();
        assertThat(texts(answer.get("data").get("siblingsAtRisk"), "child", "id"))
                .containsExactly("p-lily", "p-tom", "p-ruby");
    }
}
