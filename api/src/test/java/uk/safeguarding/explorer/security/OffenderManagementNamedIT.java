package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.identity.NewIds;
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

    private static final String TRIAGE_IDS =
            "{ triageQueue(asOf: \"2018-09-26\", first: 100) { referral { id from { id } " + "sourceCode } reasons } }";

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
        // review 93: probation's own extract, whose records' ids ("probation:R1") told it too
        var extract = http().post("/api/import", "admin", """
                {"source": "probation", "resolve": true,
                 "people": [{"id": "T1", "givenName": "Tom", "familyName": "Archer", "dateOfBirth": "2011-02-03",
                             "sex": "MALE"}],
                 "referrals": [{"id": "R1", "about": "T1", "from": "probation", "receivedAt": "2018-09-22T10:00:00Z",
                                "concern": "EMOTIONAL_ABUSE", "urgency": "ROUTINE", "sourceCode": "7"}]}
                """);
        assertThat(extract.status()).as(extract.body()).isEqualTo(200);
        assertThat(extract.json().get("rejected").isEmpty()).as(extract.body()).isTrue();
    }

    /**
     * Review 93: the id of probation's own referral ("probation:R1") named probation in the triage queue
     * and in the chronology's related ids, and the census code "7" (other legal agency) stood beside a
     * null agency. To a reader without offender detail the id is opaque and the code is not given.
     */
    @Test
    void theIdsAndCodeOfProbationsOwnRecordsDoNotNameIt() {
        var police = http().graphql("police-officer", TRIAGE_IDS);
        assertThat(police.toString()).contains("\"id\":\"probation:R1\"", "\"sourceCode\":\"7\"");
        var health = http().graphql("health-visitor", TRIAGE_IDS);
        assertThat(health.get("errors")).as(health.toString()).isNull();
        assertThat(health.toString())
                .contains("\"id\":\"" + NewIds.restricted("probation:R1") + "\",\"from\":null,\"sourceCode\":null")
                .doesNotContainIgnoringCase("probation");
        var chronology = http().graphql(
                        "health-visitor",
                        "{ chronology(personId: \"p-tom\") { kind summary source relatedIds agency { id } } }");
        assertThat(chronology.get("errors")).as(chronology.toString()).isNull();
        assertThat(chronology.toString())
                .contains(NewIds.restricted("probation:R1"))
                .doesNotContainIgnoringCase("probation");
        assertThat(http().graphql("police-officer", "{ chronology(personId: \"p-tom\") { relatedIds } }")
                        .toString())
                .contains("probation:R1");
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

    /**
     * Walk 72: rule 6's sentence ("Referral … from Probation service about Tom Archer was still
     * undecided …") and the meeting's family changes ("referral about Tom Archer from Probation service",
     * "… started on … by Probation service") told the health visitor too; the flag's subject was the id
     * of probation's own referral.
     */
    @Test
    void flagsAndFamilyChangesNameProbationOnlyToReadersWithOffenderDetail() {
        var flags =
                "{ riskFlags(personId: \"p-tom\", asOf: \"2018-09-26\", rules: [6]) { subjectId summary evidence } }";
        var police = http().graphql("police-officer", flags);
        assertThat(police.get("errors")).as(police.toString()).isNull();
        assertThat(police.toString())
                .contains(
                        "Referral r-tom-7 from Probation service about Tom Archer was",
                        "\"subjectId\":\"probation:R1\"");
        var health = http().graphql("health-visitor", flags);
        assertThat(health.get("errors")).as(health.toString()).isNull();
        assertThat(health.toString())
                .contains("Referral r-tom-7 about Tom Archer was", NewIds.restricted("probation:R1"))
                .doesNotContainIgnoringCase("probation");
        var changes =
                "{ familyChanges(personId: \"p-tom\", since: \"2018-09-01\", asOf: \"2018-09-26\") { kind summary } }";
        var policeChanges = http().graphql("police-officer", changes);
        assertThat(policeChanges.get("errors")).as(policeChanges.toString()).isNull();
        assertThat(policeChanges.toString()).contains("from Probation service", "by Probation service");
        var healthChanges = http().graphql("health-visitor", changes);
        assertThat(healthChanges.get("errors")).as(healthChanges.toString()).isNull();
        assertThat(healthChanges.toString())
                .contains("Referral about Tom Archer received on 2018-09-20")
                .doesNotContainIgnoringCase("probation");
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
