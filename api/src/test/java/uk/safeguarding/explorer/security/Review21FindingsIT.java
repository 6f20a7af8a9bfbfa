package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 21 (F1): the limit of people per request still counts people the user may see whom an
 * answer only found, and whether it found them can turn on a hidden person's birth day. In
 * {@code fixtures/review21-found-visible.json} (fictional) the school has Ada Quill on its roll and
 * so sees her father Ron Pike, a registered sex offender; Ron lives with Wyn Dale and her baby Hal
 * (born 2021-05-19), whom the school may not see. Rule 1 (a child living with a registered sex
 * offender) finds Hal and Ron from Hal's birth day: the teacher is shown nothing of it, but Ron is
 * counted, and a refusal says how many people were counted.
 */
class Review21FindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioAndFixture() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/review21-found-visible.json");
    }

    /** The teacher's area-wide risk flags on a day, padded with 500 unknown ids: the refusal. */
    private String refusal(String day) {
        var padding = IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "p-r21-unknown-" + i)
                .toList();
        var json = http().graphql(
                        "teacher",
                        "query($ids: [ID!]!) { riskFlags(asOf: \"" + day + "\") { code } "
                                + "padding: riskFlags(personIds: $ids, asOf: \"" + day + "\") { code } }",
                        Map.of("ids", padding));
        assertThat(json.get("data").isNull()).as(json.toString()).isTrue();
        return json.get("errors").get(0).get("message").asString();
    }

    /** The teacher's area-wide risk flags of a day, as shown. */
    private String flags(String day) {
        var json = http().graphql(
                        "teacher",
                        "{ riskFlags(asOf: \"" + day
                                + "\") { rule code severity subjectId people restrictedPeople { kind } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        return json.get("data").toString();
    }

    @Test
    void theLimitOfPeoplePerRequestDoesNotTellAHiddenBirthDayThroughSomeoneVisible() {
        // what the teacher is shown does not move on Hal's birth day...
        assertThat(flags("2021-05-19")).isEqualTo(flags("2021-05-18"));
        // ...nor may how many people the request counted
        assertThat(refusal("2021-05-19")).contains("more than 500 people").isEqualTo(refusal("2021-05-18"));
    }
}
