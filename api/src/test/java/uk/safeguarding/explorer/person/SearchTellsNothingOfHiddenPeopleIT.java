package uk.safeguarding.explorer.person;

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

/**
 * Search is no existence test (DESIGN §7, "Hidden is not absent"). A cursor names someone shown on
 * an earlier page, so one forged to name a person the user may not see is answered exactly as one
 * naming nobody; and {@code searchPeople(first: n)} gives the first n people the user may see, so
 * hidden matches never make it short. Before, a teacher could confirm with a forged cursor that Gary
 * Nolan, whom she may not see, exists and matches his alias "Gaz" and his PNC id, and
 * {@code searchPeople(text: "Nolan", first: 1)} answered nothing (Gary and Joanne rank before Mia)
 * where {@code first: 3} answered Mia: two hidden Nolans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTellsNothingOfHiddenPeopleIT extends ExplorerIT {

    @BeforeAll
    void data() {
        cleanDatabase();
        importScenario();
    }

    private static String cursor(String personId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:searchPeople:" + personId).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode search(String user, String text, int first, String after) {
        var variables = new HashMap<String, Object>();
        variables.put("text", text);
        variables.put("first", first);
        variables.put("after", after);
        return http().graphql(
                        user,
                        "query($text: String!, $first: Int, $after: String) { searchPeopleConnection("
                                + "text: $text, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage "
                                + "endCursor } } }",
                        variables);
    }

    @Test
    void aCursorForgedToNameAHiddenPersonIsAnsweredExactlyAsOneNamingNobody() {
        // his family name, his alias and his PNC id each match Gary; an unknown id matches nothing
        for (var text : List.of("Nolan", "Gaz", "1998/0123456X")) {
            var hidden = search("teacher", text, 20, cursor("p-gary"));
            var unknown = search("teacher", text, 20, cursor("p-nobody"));
            assertThat(hidden.get("errors")).as(hidden.toString()).isNotNull();
            assertThat(hidden.get("errors")
                            .get(0)
                            .get("extensions")
                            .get("classification")
                            .asString())
                    .isEqualTo("BAD_REQUEST");
            assertThat(hidden.toString()).as(text).isEqualTo(unknown.toString());
        }
        // those who may see him page on from him as from anyone
        var police = search("police-officer", "Nolan", 20, cursor("p-gary"));
        assertThat(police.get("errors")).as(police.toString()).isNull();
    }

    @Test
    void hiddenMatchesNeverMakeTheListShort() {
        for (var first = 1; first <= 3; first++) {
            var json = http().graphql(
                            "teacher",
                            "query($first: Int) { searchPeople(text: \"Nolan\", first: $first) " + "{ id } }",
                            Map.of("first", first));
            assertThat(json.get("errors")).as(json.toString()).isNull();
            assertThat(json.get("data").get("searchPeople").toString())
                    .as("first: " + first)
                    .isEqualTo("[{\"id\":\"p-mia\"}]");
        }
        var police = http().graphql("police-officer", "{ searchPeople(text: \"Nolan\", first: 1) { id } }");
        assertThat(police.get("data").get("searchPeople").toString()).isEqualTo("[{\"id\":\"p-gary\"}]");
    }

    @Test
    void theCursorsOfRealPagesStillLeadToTheNextPage() {
        var all = search("teacher", "Bell", 20, null)
                .get("data")
                .get("searchPeopleConnection")
                .get("edges")
                .valueStream()
                .map(e -> e.get("node").get("id").asString())
                .toList();
        assertThat(all).hasSizeGreaterThan(2);
        var paged = new ArrayList<String>();
        String after = null;
        do {
            var page = search("teacher", "Bell", 2, after);
            assertThat(page.get("errors")).as(page.toString()).isNull();
            var connection = page.get("data").get("searchPeopleConnection");
            connection
                    .get("edges")
                    .forEach(e -> paged.add(e.get("node").get("id").asString()));
            after = connection.get("pageInfo").get("hasNextPage").asBoolean()
                    ? connection.get("pageInfo").get("endCursor").asString()
                    : null;
        } while (after != null);
        assertThat(paged).isEqualTo(all);
    }
}
