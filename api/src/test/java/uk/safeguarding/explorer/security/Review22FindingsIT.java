package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 22: a hidden newborn's home came into answers from his birth day. In
 * {@code fixtures/review22-found-through-household.json} (fictional) the school sees Ada's father
 * Ron and Bea's mother Una, not Ron's father Len, Len's partner Tia, nor their baby Zed (born
 * 2021-05-19), who lives from his birth with Tia and Una; Una has a registered sex offender marker
 * and a referral about Zed came on 2021-05-10.
 */
class Review22FindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioAndFixture() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/review22-found-through-household.json");
    }

    /** Ron's family matrix as the teacher sees it on a day: each row's kind and name (placeholder ids change daily). */
    private String familyOfRon(String day) {
        var json = http().graphql(
                        "teacher",
                        "{ agencyInvolvement(personId: \"p-r22-ron\", scope: FAMILY, asOf: \"" + day
                                + "\") { people { person { kind givenName } } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var rows = new ArrayList<String>();
        for (JsonNode p : json.get("data").get("agencyInvolvement").get("people")) {
            rows.add(p.get("person").get("kind").asString() + ":"
                    + p.get("person").get("givenName").asString(""));
        }
        return rows.toString();
    }

    @Test
    void theFamilyMatrixDoesNotTakeInAHiddenNewbornsHomeFromHisBirthDay() {
        var before = familyOfRon("2021-05-18");
        assertThat(familyOfRon("2021-05-19")).isEqualTo(before);
        assertThat(familyOfRon("2021-05-31")).isEqualTo(before);
        // from the month after his birth he (a placeholder) and his home are in Ron's family
        assertThat(familyOfRon("2021-06-01")).isNotEqualTo(before).contains("Una");
    }

    /** The teacher's triage queue on a day with 500 unknown ids beside it: the answer or the refusal. */
    private String triagePadded(String day) {
        var padding = IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "p-r22-unknown-" + i)
                .toList();
        var json = http().graphql(
                        "teacher",
                        "query($ids: [ID!]!) { triageQueue(asOf: \"" + day + "\") { rank } "
                                + "padding: riskFlags(personIds: $ids, asOf: \"" + day + "\") { code } }",
                        Map.of("ids", padding));
        return json.get("errors") == null
                ? "answered " + json.get("data").get("triageQueue")
                : json.get("errors").get(0).get("message").asString();
    }

    @Test
    void theTriageQueueDoesNotCountThePeopleAroundAReferralTheReaderIsNotShown() {
        assertThat(triagePadded("2021-05-19")).isEqualTo(triagePadded("2021-05-18"));
    }
}
