package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * The auditor's finding has teeth: a grant reviewed as not justified ends at once, not when its
 * hours run out. And a reason must say why in words: at least 20 characters, neither one character
 * repeated nor only spaces and punctuation; the explorer's form asks for the same.
 */
class BreakGlassReviewIT extends ExplorerIT {

    private static final String BREAK = "mutation($id: ID!, $reason: String!) { breakGlass(personId: $id, "
            + "purpose: SECTION_47_ENQUIRY, reason: $reason, hours: 24) { id until active } }";
    private static final String REVIEW = "mutation($id: ID!, $outcome: BreakGlassReviewOutcome!) { reviewBreakGlass("
            + "grantId: $id, outcome: $outcome, note: \"Checked against the case record\") { id until active "
            + "review { at outcome } } }";
    private static final String GARY = "{ person(id: \"p-gary\") { id } }";

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode breakGlass(String user, String reason) {
        var variables = new HashMap<String, Object>();
        variables.put("id", "p-gary");
        variables.put("reason", reason);
        return http().graphql(user, BREAK, variables);
    }

    private static String classification(JsonNode json) {
        return json.get("errors").get(0).get("extensions").get("classification").asString();
    }

    @Test
    void aGrantReviewedAsNotJustifiedEndsAtOnce() {
        var grant = breakGlass("health-visitor", "Sara's disclosure names her mother's former partner")
                .get("data")
                .get("breakGlass");
        assertThat(http().graphql("health-visitor", GARY).get("errors")).isNull();

        var reviewed = http().graphql(
                        "auditor", REVIEW, Map.of("id", grant.get("id").asString(), "outcome", "NOT_JUSTIFIED"))
                .get("data")
                .get("reviewBreakGlass");
        assertThat(reviewed.get("active").asBoolean()).isFalse();
        assertThat(ZonedDateTime.parse(reviewed.get("until").asString()))
                .isEqualTo(ZonedDateTime.parse(reviewed.get("review").get("at").asString()));

        assertThat(classification(http().graphql("health-visitor", GARY))).isEqualTo("NOT_FOUND");
        assertThat(http().graphql("health-visitor", "{ myBreakGlassGrants { id } }")
                        .get("data")
                        .get("myBreakGlassGrants"))
                .isEmpty();
        assertThat(count(
                        "MATCH (g:BreakGlass {id: $id}) WHERE g.requestedUntil = datetime($until) RETURN count(g)",
                        Map.of(
                                "id",
                                grant.get("id").asString(),
                                "until",
                                grant.get("until").asString())))
                .isEqualTo(1);
    }

    @Test
    void aGrantReviewedAsJustifiedRunsOn() {
        var grant = breakGlass("health-visitor", "Strategy discussion today about Sara's safety")
                .get("data")
                .get("breakGlass");
        var reviewed = http().graphql(
                        "auditor", REVIEW, Map.of("id", grant.get("id").asString(), "outcome", "JUSTIFIED"))
                .get("data")
                .get("reviewBreakGlass");
        assertThat(reviewed.get("active").asBoolean()).isTrue();
        assertThat(reviewed.get("until").asString())
                .isEqualTo(grant.get("until").asString());
        assertThat(http().graphql("health-visitor", GARY).get("errors")).isNull();
    }

    @Test
    void aReasonMustSayWhyInWordsOfAtLeastTwentyCharacters() {
        var refused = new String[] {
            "Too short a reason",
            "aaaaaaaaaaaaaaaaaaaaaaaaa",
            "AaAaAaAaAaAaAaAaAaAaAaAa",
            "!!!!!!!!!!..........??????????",
            "a.a.a.a.a.a.a.a.a.a.a.a.a",
            "                              x",
            "-------------------- -------"
        };
        for (var reason : refused) {
            var json = breakGlass("health-visitor", reason);
            assertThat(classification(json)).as(reason).isEqualTo("BAD_REQUEST");
            assertThat(json.get("errors").get(0).get("message").asString())
                    .as(reason)
                    .startsWith("Argument 'reason'");
        }
        assertThat(count("MATCH (g:BreakGlass) RETURN count(g)")).isZero();
        assertThat(breakGlass("health-visitor", "Child seen with him today").get("errors"))
                .isNull();
    }

    @Test
    void theExplorersFormAsksForTwentyCharacters() {
        var page = http().get("/index.html", "health-visitor");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("id=\"break-glass-reason\"[^>]*minlength=\"20\"");
    }
}
