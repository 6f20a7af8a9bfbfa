package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Documents;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/** network, connection and chronology on the shared scenario, and the argument checks of every query. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkAndChronologyIT extends ExplorerIT {

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode error(String document, Map<String, Object> variables) {
        var json = http().graphql("admin", Documents.named(document), variables);
        assertThat(json.get("errors")).as("errors").isNotNull();
        return json.get("errors").get(0);
    }

    private static Set<String> keys(JsonNode nodes) {
        var keys = new TreeSet<String>();
        nodes.forEach(n -> keys.add(n.get("key").asString()));
        return keys;
    }

    @Test
    void depthOneShowsParentsHomeProfessionalsAndTheirAgencies() {
        var network = query("network", Map.of("personId", "p-sara", "depth", 1, "asOf", Scenario.AS_OF));
        assertThat(network.get("truncated").asBoolean()).isFalse();
        assertThat(keys(network.get("nodes")))
                .containsExactlyInAnyOrder(
                        "Person:p-sara",
                        "Person:p-kerry",
                        "Person:p-lee",
                        "Address:a-bell",
                        "Professional:sw-2",
                        "Professional:sn-1",
                        "Professional:csaac-1",
                        "Professional:dsl-a",
                        "Professional:dc-1",
                        "Agency:csc",
                        "Agency:health",
                        "Agency:csaac",
                        "Agency:school-a",
                        "Agency:police");
        var sara = network.get("nodes").get(0);
        assertThat(sara.get("subject").asBoolean()).isTrue();
        assertThat(sara.get("child").asBoolean()).isTrue();
        assertThat(sara.get("age").asInt()).isEqualTo(8);
        assertThat(sara.get("markers").toString())
                .isEqualTo("[{\"type\":\"CSA_VICTIM\"},{\"type\":\"CHILD_PROTECTION_PLAN\"}]");
        var edgeTypes = new TreeSet<String>();
        network.get("edges").forEach(e -> edgeTypes.add(e.get("type").asString()));
        assertThat(edgeTypes).containsExactly("INVOLVED_WITH", "LIVES_AT", "PARENT_OF", "WORKS_FOR");
        // the CSAAC examination ended in June: shown, but not current
        for (var edge : network.get("edges")) {
            if (edge.get("source").asString().equals("Professional:csaac-1")
                    && edge.get("type").asString().equals("INVOLVED_WITH")) {
                assertThat(edge.get("current").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void depthTwoAddsTheHouseholdAndDerivedSiblingEdges() {
        var network = query("network", Map.of("personId", "p-sara", "depth", 2, "asOf", Scenario.AS_OF));
        assertThat(keys(network.get("nodes"))).contains("Person:p-jack", "Person:p-gary");
        var derived = new ArrayList<String>();
        network.get("edges").forEach(e -> {
            if (e.get("derived").asBoolean()) {
                derived.add(e.get("type").asString() + " " + e.get("kind").asString() + " "
                        + e.get("source").asString() + " " + e.get("target").asString());
            }
        });
        assertThat(derived).containsExactly("SIBLING FULL Person:p-jack Person:p-sara");
        var garyAtBell = findEdge(network, "LIVES_AT", "Person:p-gary", "Address:a-bell");
        assertThat(garyAtBell.get("current").asBoolean()).isFalse();
        assertThat(garyAtBell.get("to").asString()).isEqualTo("2018-06-20");
    }

    @Test
    void movingTheDateBackTo2016RemovesGarysStayFromSarasNetwork() {
        var then = query("network", Map.of("personId", "p-sara", "depth", 2, "asOf", "2016-01-01"));
        assertThat(keys(then.get("nodes"))).doesNotContain("Person:p-gary").contains("Person:p-jack");
        // Lee had moved out by then: his stay is historic
        assertThat(findEdge(then, "LIVES_AT", "Person:p-lee", "Address:a-bell")
                        .get("current")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theNetworkIsCappedAndSaysSo() {
        var network = query("network", Map.of("personId", "p-sara", "depth", 3, "asOf", Scenario.AS_OF, "first", 5));
        assertThat(network.get("nodes")).hasSize(5);
        assertThat(network.get("truncated").asBoolean()).isTrue();
        for (var edge : network.get("edges")) {
            assertThat(keys(network.get("nodes")))
                    .contains(edge.get("source").asString(), edge.get("target").asString());
        }
    }

    @Test
    void whenTheRowCapOfAHopBitesTheCypherKeepsFamilyAheadOfHomesAndProfessionals() {
        // Sara has two parents, a home and five professionals; a cap of three rows must keep both
        // parents whatever order the store reads the relationships in.
        var rows = graph.read(
                "queries/network-hop",
                Map.of(
                        "people",
                        List.of("p-sara"),
                        "addresses",
                        List.of(),
                        "asOf",
                        LocalDate.parse(Scenario.AS_OF),
                        "limit",
                        3,
                        "excluded",
                        List.of()),
                r -> r.get("type").asString() + ":" + r.get("y").get("id").asString());
        assertThat(rows).containsExactly("PARENT_OF:p-kerry", "PARENT_OF:p-lee", "LIVES_AT:a-bell");
    }

    private static JsonNode findEdge(JsonNode network, String type, String source, String target) {
        for (var edge : network.get("edges")) {
            if (edge.get("type").asString().equals(type)
                    && edge.get("source").asString().equals(source)
                    && edge.get("target").asString().equals(target)) {
                return edge;
            }
        }
        throw new AssertionError("no " + type + " edge from " + source + " to " + target);
    }

    @Test
    void theConnectionBetweenGaryAndSaraGoesThroughKerryAndTheirHome() {
        var paths =
                query("connection", Map.of("fromId", "p-gary", "toId", "p-sara", "maxHops", 6, "asOf", Scenario.AS_OF));
        var described = new TreeSet<String>();
        for (var path : paths) {
            assertThat(path.get("length").asInt()).isEqualTo(2);
            var nodes = new ArrayList<String>();
            path.get("nodes").forEach(n -> nodes.add(n.get("key").asString()));
            described.add(String.join(" > ", nodes));
        }
        assertThat(described)
                .containsExactly(
                        "Person:p-gary > Address:a-bell > Person:p-sara",
                        "Person:p-gary > Person:p-kerry > Person:p-sara");
        // in 2016 Gary had not yet met Kerry nor moved in
        assertThat(query(
                        "connection", Map.of("fromId", "p-gary", "toId", "p-sara", "maxHops", 6, "asOf", "2016-01-01")))
                .isEmpty();
    }

    @Test
    void aConnectionLongerThanMaxHopsIsNotReturned() {
        var paths =
                query("connection", Map.of("fromId", "p-kyle", "toId", "p-sara", "maxHops", 6, "asOf", Scenario.AS_OF));
        assertThat(paths).isNotEmpty();
        var shortest = paths.get(0).get("length").asInt();
        paths.forEach(p -> assertThat(p.get("length").asInt()).isEqualTo(shortest));
        assertThat(query(
                        "connection",
                        Map.of("fromId", "p-kyle", "toId", "p-sara", "maxHops", shortest - 1, "asOf", Scenario.AS_OF)))
                .isEmpty();
    }

    @Test
    void aChronologyOfADayTellsNoDecisionMadeLater() {
        // r-kyle-2, received on 2018-09-03, was decided on the 5th
        var fourth = query("chronology", Map.of("personId", "p-kyle", "asOf", "2018-09-04"));
        assertThat(fourth.get(fourth.size() - 1).get("summary").asString())
                .endsWith("; not decided by 2018-09-04")
                .doesNotContain("2018-09-05");
        var fifth = query("chronology", Map.of("personId", "p-kyle", "asOf", "2018-09-05"));
        assertThat(fifth.get(fifth.size() - 1).get("summary").asString()).endsWith("; decided on 2018-09-05");
    }

    @Test
    void kylesChronologyIsOneTimeOrderedListAcrossAgencies() {
        var entries = query("chronology", Map.of("personId", "p-kyle", "asOf", Scenario.AS_OF));
        var lines = new ArrayList<String>();
        entries.forEach(
                e -> lines.add(e.get("date").asString() + " " + e.get("kind").asString()));
        assertThat(lines)
                .containsExactly(
                        "2010-05-01 MOVE",
                        "2018-02-20 EVENT",
                        "2018-03-01 REFERRAL",
                        "2018-03-01 MARKER",
                        "2018-03-05 MEETING",
                        "2018-03-05 ACTION",
                        "2018-03-06 ASSESSMENT",
                        "2018-04-10 ASSESSMENT",
                        "2018-09-03 REFERRAL");
        assertThat(entries.get(2).get("summary").asString())
                .isEqualTo("Referral from Police vulnerability assessment "
                        + "team: harmful sexual behaviour (routine); incident on 2018-02-20; decided on 2018-03-01");
        assertThat(entries.get(4).get("summary").asString())
                .isEqualTo("Strategy meeting attended by "
                        + "Children's social care (front door), Police vulnerability assessment team; invited but absent: "
                        + "Healthy child service");
        assertThat(entries.get(2).get("agency").get("id").asString()).isEqualTo("police");
        assertThat(entries.get(4).get("relatedIds").toString()).isEqualTo("[\"sm-kyle\"]");
    }

    @Test
    void chronologyCanBeNarrowedToAPeriod() {
        var entries = query(
                "chronology",
                Map.of("personId", "p-gary", "from", "2018-01-01", "to", "2018-12-31", "asOf", Scenario.AS_OF));
        var lines = new ArrayList<String>();
        entries.forEach(
                e -> lines.add(e.get("date").asString() + " " + e.get("summary").asString()));
        assertThat(lines)
                .containsExactly(
                        "2018-06-20 Left 7 Fictional Terrace, York",
                        "2018-06-20 Partnership with Kerry Bell ended",
                        "2018-06-21 Move: Moved to approved premises under licence conditions",
                        "2018-06-21 Moved to Approved Premises, 1 Station Rise, York (approved premises)");
    }

    @Test
    void badArgumentsNameTheArgument() {
        var depth = error("network", Map.of("personId", "p-sara", "depth", 9));
        assertThat(depth.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(depth.get("message").asString()).isEqualTo("Argument 'depth' must be from 1 to 3");
        assertThat(error("network", Map.of("personId", "p-sara", "first", 100000))
                        .get("message")
                        .asString())
                .isEqualTo("Argument 'first' must be from 1 to 2000");
        assertThat(error("connection", Map.of("fromId", "p-sara", "toId", "p-kyle", "maxHops", 7))
                        .get("message")
                        .asString())
                .isEqualTo("Argument 'maxHops' must be from 1 to 6");
        assertThat(error("chronology", Map.of("personId", "p-sara", "from", "2018-02-01", "to", "2018-01-01"))
                        .get("message")
                        .asString())
                .isEqualTo("Argument 'to' must not be before 'from'");
    }

    @Test
    void unknownIdsAreNotFound() {
        for (var document :
                List.of("siblingsAtRisk", "sharedAddresses", "agencyInvolvement", "network", "chronology")) {
            var error = error(document, Map.of("personId", "p-nobody"));
            assertThat(error.get("extensions").get("classification").asString())
                    .as(document)
                    .isEqualTo("NOT_FOUND");
        }
        // in the very words a person the user may not see gets: the message must not tell them apart
        var missing = error("connection", Map.of("fromId", "p-sara", "toId", "p-nobody"));
        assertThat(missing.get("message").asString()).isEqualTo("No person with id 'p-nobody'");
    }

    @Test
    void nestedFieldsCostAFixedNumberOfQueriesWhateverTheNumberOfResults() {
        var document = "query($text: String!) { searchPeople(text: $text) { id markers { id } currentAddress { id } "
                + "child age } }";
        var one = transactions(document, Map.of("text", "kyle"));
        var five = transactions(document, Map.of("text", "archer"));
        assertThat(five).isEqualTo(one);
        var siblings =
                "query($id: ID!) { siblingsAtRisk(personId: $id, asOf: \"2018-09-26\") { child { id markers { id } "
                        + "currentAddress { id } } links { via { id markers { id } } } } }";
        // subject, children, partnerships, people named in links, addresses, then one per nested field
        assertThat(transactions(siblings, Map.of("id", "p-gary"))).isLessThanOrEqualTo(7);
        assertThat(transactions(siblings, Map.of("id", "p-kyle"))).isLessThanOrEqualTo(7);
    }

    private long transactions(String document, Map<String, Object> variables) {
        var before = graph.transactionsRun();
        var json = http().graphql("admin", document, new HashMap<>(variables));
        assertThat(json.get("errors")).isNull();
        return graph.transactionsRun() - before;
    }
}
