package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 20: the triage queue still counts a hidden child as an unassessed sibling from the exact day
 * they are born to the day before they turn 18, so moving the as-of day by one finds both. On the
 * shared scenario, the need-to-know fixture, review 19's additions (Lisa Marsh's baby Robin, born
 * 2020-06-17; a harmful sexual behaviour marker on Sam Marsh, born 2008-01-15) and two fictional
 * referrals of ours ({@code fixtures/review20-triage.json}), decided on the day they came so that
 * the queue's waiting reason does not move with the day. And (F2) the limit of people per request
 * counted a hidden newborn the database found from her birth day, and a refusal says how many it
 * counted.
 */
class Review20FindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioFixturesAndReferrals() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/need-to-know.json");
        importResource("/fixtures/review19-hidden-days.json");
        importResource("/fixtures/review20-triage.json");
    }

    /** The queue's entry for a referral on a day: score, placeholders and reasons. */
    private String entry(String user, String referralId, String day) {
        var json = http().graphql(
                        user,
                        "{ triageQueue(asOf: \"" + day + "\") { score reasons referral { id } "
                                + "restrictedPeople { id } } }",
                        Map.of());
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var out = new ArrayList<String>();
        for (JsonNode t : json.get("data").get("triageQueue")) {
            if (referralId.equals(t.get("referral").get("id").asString())) {
                var reasons = new ArrayList<String>();
                t.get("reasons").forEach(r -> reasons.add(r.asString()));
                out.add("score=" + t.get("score").asInt() + " hidden="
                        + t.get("restrictedPeople").size() + " " + reasons);
            }
        }
        assertThat(out).as("%s on %s", referralId, day).hasSize(1);
        return out.get(0);
    }

    @Test
    void triageDoesNotTellAHiddenNewbornsBirthDay() {
        // police may see Sam, not his half sister Robin (born 2020-06-17): the referral about Sam
        // counts her as a sibling not assessed, with a placeholder, from her birth day itself
        assertThat(entry("police-officer", "r-r20-sam", "2020-06-17"))
                .as("Sam's referral in the queue the day before and on Robin's birth day")
                .isEqualTo(entry("police-officer", "r-r20-sam", "2020-06-16"));
    }

    @Test
    void triageDoesNotTellAHiddenSiblingsEighteenthBirthday() {
        // the health visitor may see Eve, not her half brother Sam (born 2008-01-15): the referral
        // about Eve counts him as a child not assessed until the day before he turns 18
        assertThat(entry("health-visitor", "r-r20-eve", "2026-01-15"))
                .as("Eve's referral in the queue the day before and on Sam's 18th birthday")
                .isEqualTo(entry("health-visitor", "r-r20-eve", "2026-01-14"));
    }

    @Test
    void triageCountsAHiddenSiblingInWholeMonths() {
        // Robin is counted from the first day of the month after her birth; Sam until the last day of
        // the month before he turns 18
        var before = entry("police-officer", "r-r20-sam", "2020-06-16");
        assertThat(entry("police-officer", "r-r20-sam", "2020-06-30")).isEqualTo(before);
        assertThat(entry("police-officer", "r-r20-sam", "2020-07-01"))
                .isNotEqualTo(before)
                .contains("hidden=1");
        assertThat(entry("health-visitor", "r-r20-eve", "2025-12-31")).contains("hidden=1");
        assertThat(entry("health-visitor", "r-r20-eve", "2026-01-01")).contains("hidden=0");
    }

    @Test
    void triageNeverNamesAnOffenderTheReaderMayNotSee() {
        // police may see Sam but not Ian, the registered sex offender he lives with: risk flags
        // withhold rules 1 and 2 from police here (RESTRICTED), so the queue's reason must too
        assertThat(entry("police-officer", "r-r20-sam", "2020-06-16"))
                .doesNotContain("registered sex offender")
                .contains("hold information about Sam Marsh's household or contacts");
    }

    @Test
    void triageStillCountsChildrenTheReaderMaySeeToTheDay() {
        // the control: police may see Zoe and Eve, counted on both days, named
        assertThat(List.of(entry("police-officer", "r-r20-sam", "2020-06-16")))
                .singleElement()
                .asString()
                .contains("Zoe Fenwick, Eve Fenwick");
    }

    /**
     * The refusal of a request padded to past the limit of people (500 ids named in riskFlags
     * beside Sam's network), which says how many people it had counted.
     */
    private String refusal(String day) {
        var padding = java.util.stream.IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "p-r20-unknown-" + i)
                .toList();
        var json = http().graphql(
                        "police-officer",
                        "query($ids: [ID!]!) { network(personId: \"p-sam\", depth: 2, asOf: \"" + day
                                + "\") { nodes { id } } riskFlags(personIds: $ids, asOf: \"" + day
                                + "\") { code } }",
                        Map.of("ids", padding));
        assertThat(json.get("data").isNull()).as(json.toString()).isTrue();
        return json.get("errors").get(0).get("message").asString();
    }

    /** How many times police were recorded (DENIED) finding Robin in a network. */
    private long robinDenied() {
        return count("MATCH (a:AuditEvent {operation: 'network', subjectId: 'p-r19-baby', user: 'police-officer', "
                + "outcome: 'DENIED'}) RETURN count(a)");
    }

    @Test
    void theLimitOfPeoplePerRequestDoesNotCountAHiddenNewborn() {
        // police may see Sam, not his half sister Robin (born 2020-06-17), who is in his network (as
        // a placeholder) from the first day of the month after her birth. A refused request says how
        // many people it counted: Robin, found by the database from her birth day itself, must not
        // be among them
        assertThat(refusal("2020-06-17")).contains("more than 500 people").isEqualTo(refusal("2020-06-16"));
        // she is recorded (DENIED) once the network shows her placeholder, from the first day of the
        // month after her birth; before that she is in no answer, and the audit records what answers held
        var before = robinDenied();
        for (var day : java.util.List.of("2020-06-16", "2020-06-17", "2020-06-30")) {
            var json = http().graphql(
                            "police-officer",
                            "{ network(personId: \"p-sam\", depth: 2, asOf: \"" + day + "\") { nodes { id } } }");
            assertThat(json.get("errors")).as(json.toString()).isNull();
        }
        assertThat(robinDenied()).isEqualTo(before);
        var json = http().graphql(
                        "police-officer",
                        "{ network(personId: \"p-sam\", depth: 2, asOf: \"2020-07-01\") { nodes { id } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        assertThat(robinDenied()).isEqualTo(before + 1);
    }
}
