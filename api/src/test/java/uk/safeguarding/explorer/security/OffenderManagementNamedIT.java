package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 92: that probation referred a child, or assessed them, tells that probation manages someone
 * close to the child. The chronology named the referring and assessing agency in its sentences and in
 * its entries' agency ("Referral from Probation service"), and the triage queue gave the referral's
 * {@code from}; both now name an offender-management agency only to readers who may see offender
 * detail (police, social care), as the move's source and a meeting's attendance already did. Fictional:
 * a probation referral and assessment of Tom added to the scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffenderManagementNamedIT extends ExplorerIT {

    private static final String CHRONOLOGY =
            "{ chronology(personId: \"p-tom\", from: \"2018-09-01\") { kind summary source agency { id name } } }";
    private static final String TRIAGE =
            "{ triageQueue(asOf: \"2018-09-26\", first: 100) { referral { id from { id name } } } }";

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
        var response = http().post("/api/import", "admin", """
                {"source": "demo",
                 "referrals": [{"id": "r-tom-7", "about": "p-tom", "from": "probation",
                                "receivedAt": "2018-09-20T10:00:00Z", "concern": "NEGLECT", "urgency": "ROUTINE",
                                "sourceCode": "7"}],
                 "assessments": [{"id": "as-tom-7", "of": "p-tom", "type": "OTHER", "by": "probation",
                                  "startedOn": "2018-09-21"}]}
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rejected").isEmpty())
                .as(response.body())
                .isTrue();
    }

    /** Tom's entries of September 2018 as "kind: summary | source | agency id". */
    private List<String> entries(String user) {
        var json = http().graphql(user, CHRONOLOGY);
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var entries = new ArrayList<String>();
        for (var e : json.get("data").get("chronology")) {
            if (List.of("REFERRAL", "ASSESSMENT").contains(e.get("kind").asString())) {
                entries.add(e.get("kind").asString() + ": " + e.get("summary").asString() + " | "
                        + e.get("source").asString(null) + " | "
                        + (e.get("agency").isNull()
                                ? null
                                : e.get("agency").get("id").asString()));
            }
        }
        return entries;
    }

    @Test
    void theChronologyNamesProbationOnlyToReadersWithOffenderDetail() {
        assertThat(entries("police-officer"))
                .contains(
                        "REFERRAL: Referral from Probation service: neglect (routine); no decision recorded | demo | probation",
                        "ASSESSMENT: Other assessment started by Probation service | demo | probation");
        var health = entries("health-visitor");
        assertThat(health)
                .contains(
                        "REFERRAL: Referral: neglect (routine); no decision recorded | demo | null",
                        "ASSESSMENT: Other assessment started | demo | null");
        assertThat(health.toString()).doesNotContainIgnoringCase("probation");
    }

    @Test
    void theTriageQueueGivesTheReferringAgencyOnlyToReadersWithOffenderDetail() {
        assertThat(from(http().graphql("police-officer", TRIAGE))).isEqualTo("probation");
        var health = http().graphql("health-visitor", TRIAGE);
        assertThat(from(health))
                .as("the referral is in the health visitor's queue, from nobody named")
                .isEqualTo("-");
        assertThat(health.toString()).doesNotContainIgnoringCase("probation");
    }

    /** The {@code from} of Tom's probation referral in a triage answer: its id, "-" when null, or null when not listed. */
    private static String from(JsonNode json) {
        assertThat(json.get("errors")).as(json.toString()).isNull();
        for (var t : json.get("data").get("triageQueue")) {
            if ("r-tom-7".equals(t.get("referral").get("id").asString())) {
                var from = t.get("referral").get("from");
                return from.isNull() ? "-" : from.get("id").asString();
            }
        }
        return null;
    }
}
