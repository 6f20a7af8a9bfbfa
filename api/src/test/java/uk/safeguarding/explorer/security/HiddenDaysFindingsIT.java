package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 19: a hidden person is shown in whole calendar months only (Visibility.shownFrom), yet moving
 * the as-of day by one still finds their birth day (or 18th birthday) through the risk rules and a
 * small network page. On the shared scenario, the need-to-know fixture and a few fictional additions
 * of ours ({@code fixtures/review19-hidden-days.json}: Lisa Marsh's baby Robin, born 2020-06-17 at
 * 9 Madeup Row where the registered sex offender Ian Crane lives; a harmful sexual behaviour marker on
 * Sam Marsh, born 2008-01-15, from 2020).
 */
class HiddenDaysFindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioFixtureAndAdditions() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/need-to-know.json");
        importResource("/fixtures/review19-hidden-days.json");
    }

    private JsonNode data(String user, String document) {
        var json = http().graphql(user, document, Map.of());
        assertThat(json.get("errors")).as(json.toString()).isNull();
        return json.get("data");
    }

    /** Each flag of a person on a day, as rule, severity and how many placeholders it carries. */
    private List<String> flags(String user, String personId, int rule, String day) {
        var flags = data(
                        user,
                        "{ riskFlags(personId: \"" + personId + "\", asOf: \"" + day + "\", rules: [" + rule + "]) { "
                                + "rule subjectId severity summary restrictedPeople { id } } }")
                .get("riskFlags");
        var out = new ArrayList<String>();
        flags.forEach(
                f -> out.add(f.get("rule").asInt() + " " + f.get("subjectId").asString() + " "
                        + f.get("severity").asString() + " hidden="
                        + f.get("restrictedPeople").size() + " "
                        + f.get("summary").asString()));
        return out;
    }

    @Test
    void rule2SeverityDoesNotTellAHiddenChildsEighteenthBirthday() {
        // probation may see Kerry and Gary, not Jack (born 2013-03-09); 7 Fictional Terrace is HIGH
        // while "a child lives there now", which is Jack alone from 2028: the day it turns MEDIUM is
        // his 18th birthday
        assertThat(flags("probation-officer", "p-kerry", 2, "2031-03-09"))
                .as("rule 2 on Kerry's home the day before and on Jack's 18th birthday")
                .isEqualTo(flags("probation-officer", "p-kerry", 2, "2031-03-08"));
        // the month rule: HIGH until the last day of the month before, MEDIUM from its first day
        assertThat(flags("probation-officer", "p-kerry", 2, "2031-02-28"))
                .singleElement()
                .asString()
                .contains("HIGH")
                .contains("a child lives there now");
        assertThat(flags("probation-officer", "p-kerry", 2, "2031-03-01"))
                .singleElement()
                .asString()
                .contains("MEDIUM")
                .doesNotContain("a child lives there");
    }

    @Test
    void rule2PlaceholdersDoNotTellAHiddenNewbornsBirthDay() {
        // police may see Sam (Rob's son), not his mother's baby Robin, born 2020-06-17 at Sam's home,
        // an address an offender lives at with no marker: the rule 2 flag carries the residents the
        // reader may not see as placeholders, one more from the birth day itself
        assertThat(flags("police-officer", "p-sam", 2, "2020-06-17"))
                .as("rule 2 on Sam's home the day before and on Robin's birth day")
                .isEqualTo(flags("police-officer", "p-sam", 2, "2020-06-16"));
        // Robin is among them from the first day of the next month
        assertThat(flags("police-officer", "p-sam", 2, "2020-06-30"))
                .isEqualTo(flags("police-officer", "p-sam", 2, "2020-06-16"));
        assertThat(flags("police-officer", "p-sam", 2, "2020-07-01").toString())
                .contains("hidden=" + (hidden(flags("police-officer", "p-sam", 2, "2020-06-16")) + 1));
    }

    private static int hidden(List<String> flags) {
        assertThat(flags).hasSize(1);
        var m = Pattern.compile("hidden=(\\d+)").matcher(flags.get(0));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void rule4OnAVisibleSiblingDoesNotTellAHiddenSubjectsEighteenthBirthday() {
        // the health visitor may see Eve, not her half brother Sam (born 2008-01-15, harmful sexual
        // behaviour): Eve's rule 4 flag "half sibling of someone your agency cannot see" goes on the
        // day Sam turns 18
        assertThat(flags("health-visitor", "p-eve", 4, "2026-01-15"))
                .as("rule 4 on Eve the day before and on Sam's 18th birthday")
                .isEqualTo(flags("health-visitor", "p-eve", 4, "2026-01-14"));
        // the flag stands until the last day of the month before Sam turns 18, then goes
        assertThat(flags("health-visitor", "p-eve", 4, "2025-12-31")).hasSize(1);
        assertThat(flags("health-visitor", "p-eve", 4, "2026-01-01")).isEmpty();
    }

    @Test
    void aSmallNetworkPageDoesNotTellAHiddenChildsBirthDay() {
        // network(first: 4): Jack, hidden from probation and left out in his month of birth, still takes
        // a place of the page from his birth day, so Kerry's home drops out and truncated turns true
        assertThat(page("2013-03-09"))
                .as("Kerry's network page of 4 the day before and on Jack's birth day")
                .isEqualTo(page("2013-03-08"));
    }

    private String page(String day) {
        var network = data(
                        "probation-officer",
                        "{ network(personId: \"p-kerry\", depth: 2, asOf: \"" + day + "\", first: 4) { "
                                + "truncated nodes { kind } edges { type } } }")
                .get("network");
        var kinds = new ArrayList<String>();
        network.get("nodes").forEach(n -> kinds.add(n.get("kind").asString()));
        return "truncated=" + network.get("truncated").asBoolean() + " nodes=" + kinds + " edges="
                + network.get("edges").size();
    }

    @Test
    void peopleTheReaderMaySeeKeepTheirExactDays() {
        // the control: the teacher may see Jack (school-a works with him), so he stands beside Kerry
        // from his birth day, his home from that day, and Kerry's home stays a child's home until the
        // day before his 18th birthday
        assertThat(jackBesideKerry("2013-03-08")).isEmpty();
        assertThat(jackBesideKerry("2013-03-09"))
                .contains("LIVES_AT 2013-03-09")
                .anyMatch(e -> e.startsWith("PARENT_OF"));
        var home = "{ network(personId: \"p-kerry\", depth: 1, asOf: \"%s\") { nodes { id child } } }";
        assertThat(child(data("teacher", home.formatted("2031-03-08")))).isTrue();
        assertThat(child(data("teacher", home.formatted("2031-03-09")))).isFalse();
    }

    private List<String> jackBesideKerry(String day) {
        var network = data(
                        "teacher",
                        "{ network(personId: \"p-kerry\", depth: 2, asOf: \"" + day + "\") { "
                                + "edges { type source target from } } }")
                .get("network");
        var out = new ArrayList<String>();
        network.get("edges").forEach(e -> {
            if ("Person:p-jack".equals(e.get("target").asString())
                    || "Person:p-jack".equals(e.get("source").asString())) {
                out.add(e.get("type").asString() + " "
                        + (e.get("from").isNull() ? "null" : e.get("from").asString()));
            }
        });
        return out;
    }

    /** Whether Jack is a child in a network answer. */
    private static boolean child(JsonNode data) {
        for (var n : data.get("network").get("nodes")) {
            if ("p-jack".equals(n.get("id").asString())) {
                return n.get("child").asBoolean();
            }
        }
        throw new AssertionError("Jack is not in " + data);
    }
}
