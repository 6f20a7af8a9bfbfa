package uk.safeguarding.explorer.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Dates are bounded to 1900-01-01 to 2100-12-31 wherever they come in: a GraphQL Date or DateTime
 * argument, a variable, a field of an input, a bundle record. Outside, the answer is BAD_REQUEST
 * naming the argument or variable, before any query runs (an overdue count as of the year 999999
 * once took seconds per action).
 */
class DateArgumentsIT extends ExplorerIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private static void refusedNaming(JsonNode json, String name) {
        var error = json.get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).contains("'" + name).contains("1900-01-01 to 2100-12-31");
        var data = json.get("data");
        assertThat(data == null || data.isNull()).isTrue();
    }

    @Test
    void anAsOfDayInTheYear999999IsRefusedNamingTheArgument() {
        var before = graph.transactionsRun();
        refusedNaming(http().graphql("meeting-chair", "{ overdueActions(asOf: \"+999999-12-31\") { id } }"), "asOf");
        assertThat(graph.transactionsRun()).as("no query ran").isEqualTo(before);
        refusedNaming(
                http().graphql(
                                "meeting-chair",
                                "query($day: Date) { overdueActions(asOf: $day) { id } }",
                                Map.of("day", "+999999-12-31")),
                "day");
        refusedNaming(
                http().graphql("social-worker", "{ person(id: \"p-sara\") { markers(asOf: \"1899-12-31\") { id } } }"),
                "asOf");
        refusedNaming(
                http().graphql("social-worker", "{ chronology(personId: \"p-sara\", from: \"2101-01-01\") { date } }"),
                "from");
    }

    @Test
    void theFirstAndLastDaysAreAccepted() {
        for (var day : new String[] {"1900-01-01", "2100-12-31"}) {
            var json = http().graphql(
                            "social-worker",
                            "query($day: Date) { person(id: \"p-sara\") { markers(asOf: $day) "
                                    + "{ id } } overdueActions(asOf: $day) { id } }",
                            Map.of("day", day));
            assertThat(json.get("errors")).as(day).isNull();
        }
    }

    @Test
    void anInstantOutsideTheBoundsInAMutationsInputIsRefusedAndNothingIsRecorded() {
        var referral = "mutation($at: DateTime!) { recordReferral(referral: {about: \"p-sara\", from: \"csc\", "
                + "receivedAt: $at, concern: NEGLECT, urgency: ROUTINE}) { id } }";
        refusedNaming(http().graphql("social-worker", referral, Map.of("at", "2101-01-01T00:00:00Z")), "at");
        refusedNaming(
                http().graphql(
                                "social-worker",
                                referral.replace("mutation($at: DateTime!)", "mutation")
                                        .replace("$at", "\"1899-12-31T23:59:59Z\""),
                                Map.of()),
                "referral");
        assertThat(count("MATCH (r:Referral) WHERE r.id STARTS WITH 'explorer-' RETURN count(r)"))
                .isZero();
    }

    @Test
    void aBundleDateOutsideTheBoundsIsRejectedWithArrayIndexFieldAndReason() {
        var response = http().post("/api/import", "admin", """
                {"source":"csc","people":[{"id":"p-old","dateOfBirth":"1850-06-01"}],
                 "relationships":[{"type":"LIVES_AT","from":"p-sara","to":"a-bell","start":"2019-01-01","end":"+999999-12-31"}]}""");
        assertThat(response.status()).isEqualTo(200);
        var rejected = response.json().get("rejected");
        assertThat(rejected.size()).isEqualTo(2);
        assertThat(rejected.get(0).get("array").asString()).isEqualTo("people");
        assertThat(rejected.get(0).get("index").asInt()).isZero();
        assertThat(rejected.get(0).get("id").asString()).isEqualTo("p-old");
        assertThat(rejected.get(0).get("field").asString()).isEqualTo("dateOfBirth");
        assertThat(rejected.get(0).get("reason").asString())
                .isEqualTo("must be from 1900-01-01 to 2100-12-31, not \"1850-06-01\"");
        assertThat(rejected.get(1).get("array").asString()).isEqualTo("relationships");
        assertThat(rejected.get(1).get("field").asString()).isEqualTo("end");
        assertThat(rejected.get(1).get("reason").asString())
                .isEqualTo("must be from 1900-01-01 to 2100-12-31, not \"+999999-12-31\"");
        assertThat(count("MATCH (p:Person {id: 'p-old'}) RETURN count(p)")).isZero();
    }
}
