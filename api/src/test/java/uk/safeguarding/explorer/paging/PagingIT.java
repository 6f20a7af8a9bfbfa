package uk.safeguarding.explorer.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Every list that grows with the area pages with cursors: walking the connection page by page gives
 * exactly the list, in its order, with every page but the last full (need-to-know before paging, so
 * hidden people never shorten a page), and a cursor that is not one of the list's is BAD_REQUEST
 * naming {@code after}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIT extends ExplorerIT {

    @BeforeAll
    void data() throws Exception {
        cleanDatabase();
        importScenario();
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            var response = http().post("/api/import", "admin", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
        }
    }

    /** Every page of a connection, {@code first} at a time: the keys of its nodes, page by page. */
    private List<List<String>> pages(String user, String field, String arguments, int first, String key) {
        var pages = new ArrayList<List<String>>();
        String after = null;
        do {
            var variables = new HashMap<String, Object>();
            variables.put("first", first);
            variables.put("after", after);
            var json = http().graphql(
                            user,
                            "query($first: Int, $after: String) { " + field + "(" + arguments
                                    + (arguments.isEmpty() ? "" : ", ")
                                    + "first: $first, after: $after) { edges { cursor node { "
                                    + key + " } } pageInfo { hasNextPage endCursor } } }",
                            variables);
            assertThat(json.get("errors")).as(field + " errors").isNull();
            var connection = json.get("data").get(field);
            var page = connection
                    .get("edges")
                    .valueStream()
                    .map(e -> text(e.get("node"), key))
                    .toList();
            pages.add(page);
            var info = connection.get("pageInfo");
            after = info.get("hasNextPage").asBoolean() ? info.get("endCursor").asString() : null;
            if (after != null) {
                assertThat(page).as("a page before the last is full").hasSize(first);
                assertThat(info.get("endCursor").asString())
                        .isEqualTo(connection
                                .get("edges")
                                .get(page.size() - 1)
                                .get("cursor")
                                .asString());
            }
            assertThat(pages.size()).as("pages of " + field).isLessThan(200);
        } while (after != null);
        return pages;
    }

    private static String text(JsonNode node, String key) {
        var path = key.replaceAll("[{}]", " ").trim().split("\\s+");
        var value = node;
        for (var name : path) {
            value = value.get(name);
        }
        return value.asString();
    }

    private List<String> list(String user, String document, String field, String key) {
        var json = http().graphql(user, document);
        assertThat(json.get("errors")).as(field + " errors").isNull();
        return json.get("data").get(field).valueStream().map(n -> text(n, key)).toList();
    }

    private static List<String> flat(List<List<String>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    @Test
    void searchPagesThroughTheSameMatchesInTheSameOrderForAnyUser() {
        for (var text : List.of("a", "k", "m", "l")) {
            assertThat(list(
                            "admin",
                            "{ searchPeople(text: \"" + text + "\", first: 100) { id } }",
                            "searchPeople",
                            "id"))
                    .as("a search that pages: " + text)
                    .hasSizeGreaterThan(1);
            for (var user : List.of("admin", "social-worker", "teacher")) {
                var all =
                        list(user, "{ searchPeople(text: \"" + text + "\", first: 100) { id } }", "searchPeople", "id");
                assertThat(flat(pages(user, "searchPeopleConnection", "text: \"" + text + "\"", 1, "id")))
                        .as(user + " " + text)
                        .isEqualTo(all);
            }
        }
    }

    @Test
    void aTeachersPagesAreFullAlthoughMatchesAreHiddenFromThem() {
        // Archers no agency works with (fictional): the teacher, who sees the scenario's Archers, sees
        // none of them, and they sort among the Archers the teacher sees, so paging must skip them
        var unrelated = new StringBuilder("{\"source\": \"paging-fixture\", \"people\": [");
        var names = List.of("Abel", "Cora", "Ezra", "Jude", "Nell", "Otto", "Zara");
        for (int i = 0; i < names.size(); i++) {
            unrelated
                    .append(i == 0 ? "" : ", ")
                    .append("{\"id\": \"p-paging-")
                    .append(i)
                    .append("\", \"givenName\": \"")
                    .append(names.get(i))
                    .append("\", \"familyName\": \"Archer\", \"dateOfBirth\": \"199")
                    .append(i)
                    .append("-03-0")
                    .append(i + 1)
                    .append("\", \"sex\": \"UNKNOWN\"}");
        }
        var response =
                http().post("/api/import", "admin", unrelated.append("]}").toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        var document = "{ searchPeople(text: \"archer\", first: 100) { id } }";
        var all = list("admin", document, "searchPeople", "id");
        var seen = list("teacher", document, "searchPeople", "id");
        assertThat(all).as("every Archer").contains("p-paging-0", "p-paging-6", "p-kyle", "p-tom");
        assertThat(seen)
                .as("the Archers the teacher sees")
                .contains("p-kyle", "p-tom")
                .doesNotContain("p-paging-0", "p-paging-3", "p-paging-6");

        var admin = flat(pages("admin", "searchPeopleConnection", "text: \"archer\"", 3, "id"));
        var teacher = pages("teacher", "searchPeopleConnection", "text: \"archer\"", 1, "id");
        assertThat(admin).isEqualTo(all);
        assertThat(flat(teacher)).isEqualTo(seen);
        assertThat(teacher).allSatisfy(page -> assertThat(page).hasSize(1));
    }

    @Test
    void theWorkQueuesPageAsTheirListsAnswer() {
        var day = Scenario.AS_OF;
        var overdue = list("admin", "{ overdueActions(asOf: \"" + day + "\") { id } }", "overdueActions", "id");
        assertThat(overdue).isNotEmpty();
        assertThat(flat(pages("admin", "overdueActionsConnection", "asOf: \"" + day + "\"", 1, "id")))
                .isEqualTo(overdue);

        var triage = list(
                "admin",
                "{ triageQueue(asOf: \"" + day + "\", first: 500) { referral { id } } }",
                "triageQueue",
                "referral { id }");
        assertThat(triage).isNotEmpty();
        assertThat(flat(pages("admin", "triageQueueConnection", "asOf: \"" + day + "\"", 1, "referral { id }")))
                .isEqualTo(triage);

        var candidates = list("data-steward", "{ matchCandidates(first: 100) { id } }", "matchCandidates", "id");
        assertThat(candidates).isNotEmpty();
        assertThat(flat(pages("data-steward", "matchCandidatesConnection", "", 1, "id")))
                .isEqualTo(candidates);

        var requests = list(
                "social-worker",
                "{ informationRequests(direction: OUTGOING, first: 200) { id } }",
                "informationRequests",
                "id");
        assertThat(flat(pages("social-worker", "informationRequestsConnection", "direction: OUTGOING", 1, "id")))
                .isEqualTo(requests);
    }

    @Test
    void auditEventsPageNewestFirstBySequence() {
        var events = list("auditor", "{ auditEvents(first: 9) { seq } }", "auditEvents", "seq");
        assertThat(events).hasSize(9);
        var json = http().graphql(
                        "auditor",
                        "{ auditEventsConnection(first: 3) { edges { node { seq } } "
                                + "pageInfo { hasNextPage endCursor } } }");
        var seqs = new ArrayList<String>();
        json.get("data")
                .get("auditEventsConnection")
                .get("edges")
                .forEach(e -> seqs.add(e.get("node").get("seq").asString()));
        var cursor = json.get("data")
                .get("auditEventsConnection")
                .get("pageInfo")
                .get("endCursor")
                .asString();
        for (int i = 0; i < 2; i++) {
            var next = http().graphql(
                            "auditor",
                            "query($after: String) { auditEventsConnection(first: 3, after: $after) "
                                    + "{ edges { node { seq } } pageInfo { hasNextPage endCursor } } }",
                            Map.of("after", cursor))
                    .get("data")
                    .get("auditEventsConnection");
            next.get("edges").forEach(e -> seqs.add(e.get("node").get("seq").asString()));
            cursor = next.get("pageInfo").get("endCursor").asString();
        }
        assertThat(seqs).isEqualTo(events);
    }

    @Test
    void aCursorThatIsNotOneOfTheListsIsABadRequestNamingAfter() {
        var ofAnotherList = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1:triageQueue:r-1".getBytes(StandardCharsets.UTF_8));
        var gone = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1:searchPeople:p-nobody".getBytes(StandardCharsets.UTF_8));
        for (var after : List.of("not a cursor", "%%%", ofAnotherList, gone, "")) {
            var json = http().graphql(
                            "admin",
                            "query($after: String) { searchPeopleConnection(text: \"archer bell nolan hale\", after: $after) "
                                    + "{ edges { node { id } } } }",
                            Map.of("after", after));
            var error = json.get("errors").get(0);
            assertThat(error.get("extensions").get("classification").asString())
                    .as(after)
                    .isEqualTo("BAD_REQUEST");
            assertThat(error.get("message").asString()).as(after).startsWith("Argument 'after'");
        }
        var audit = http().graphql(
                        "auditor", "{ auditEventsConnection(after: \"djE6YXVkaXRFdmVudHM6eA\") { edges { cursor } } }");
        assertThat(audit.get("errors").get(0).get("message").asString()).startsWith("Argument 'after'");
    }
}
