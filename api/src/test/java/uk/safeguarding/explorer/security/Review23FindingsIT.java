package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Review 23: answers never reviewed so far (search, meeting snapshots, overdue actions) and
 * familyChanges and placeholder links after f38dd2c. In {@code fixtures/review22-found-through-household.json}
 * (fictional) the school sees Ada, her father Ron and Bea's mother Una, not Ron's father Len, Len's
 * partner Tia, nor their baby Zed (born 2021-05-19), who lives from his birth with Tia and Una. The
 * review23 fixtures (fictional) add a hidden namesake of the Marshes, a MAPPA action about Una and
 * an action for Len, and a hidden half-brother of Ron whose id sorts before Ron's.
 */
class Review23FindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioAndFixture() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/review22-found-through-household.json");
    }

    /** A field of the teacher's asked beside 500 unknown ids: its answer, or the refusal with its count. */
    private String padded(String field, String selection, String day) {
        return besideTheLimit("teacher", field, selection, day);
    }

    /** F1: the search counted the visible matches it checked past the page, and how many turned on hidden ones. */
    @Test
    void searchDoesNotCountMoreWhenAHiddenPersonMatches() {
        var search = "found: searchPeople(text: \"Marsh\", first: 1) { id }";
        var before = padded("found", search, "2024-06-01");
        // Abe Marsh, whom the teacher may not see, sorts before the visible Marshes
        importResource("/fixtures/review23-hidden-namesake.json");
        assertThat(padded("found", search, "2024-06-01")).isEqualTo(before);
    }

    /** The family matrix of a meeting's snapshot as the teacher reads it: each row's kind and name. */
    private String snapshotFamily(String heldOn) {
        var meetingId = recordStrategyMeeting("teacher", heldOn, List.of("p-r22-ron", "p-r22-ada"), "school-a");
        var json = http().graphql(
                        "teacher",
                        "query($id: ID!) { meetingSnapshot(meetingId: $id) { involvement { people { person { kind givenName } } } } }",
                        Map.of("id", meetingId));
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var rows = new ArrayList<String>();
        for (JsonNode p :
                json.get("data").get("meetingSnapshot").get("involvement").get("people")) {
            rows.add(p.get("person").get("kind").asString() + ":"
                    + p.get("person").get("givenName").asString(""));
        }
        return rows.toString();
    }

    /**
     * F2: a snapshot keeps the raw family matrix of the meeting's day and shows it without working the
     * family out again: a meeting the reader records on a hidden newborn's birth day takes in his home.
     */
    @Test
    void aMeetingSnapshotDoesNotTakeInAHiddenNewbornsHomeFromHisBirthDay() {
        var before = snapshotFamily("2021-05-18");
        assertThat(snapshotFamily("2021-05-19")).isEqualTo(before);
    }

    /**
     * F3: overdueActions counts the people of every action it found, also of those it does not show: a
     * MAPPA action about Una (offender detail to a school) and an action for Len (hidden) at a meeting
     * about Ron; the count moves on the day each falls overdue.
     */
    @Test
    void overdueActionsDoNotCountThePeopleOfActionsNotShown() {
        importResource("/fixtures/review23-unshown-actions.json");
        var mappa = "o: overdueActions(asOf: \"%s\") { id }";
        assertThat(padded("o", mappa.formatted("2021-02-02"), "2021-02-02"))
                .isEqualTo(padded("o", mappa.formatted("2021-02-01"), "2021-02-01"));
        assertThat(padded("o", mappa.formatted("2021-03-02"), "2021-03-02"))
                .isEqualTo(padded("o", mappa.formatted("2021-03-01"), "2021-03-01"));
    }

    /** The people (kinds) a family change on a day names, in Ron's changes over May to 1 June 2021. */
    private List<String> markerResidents(String day) {
        var json = http().graphql(
                        "teacher",
                        "{ familyChanges(personId: \"p-r22-ron\", since: \"2021-05-01\", asOf: \"2021-06-01\") "
                                + "{ on kind summary people { kind givenName } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        for (JsonNode change : json.get("data").get("familyChanges")) {
            if ("MARKER_ADDED".equals(change.get("kind").asString())
                    && day.equals(change.get("on").asString())) {
                var people = new ArrayList<String>();
                change.get("people")
                        .forEach(p -> people.add(p.get("kind").asString() + ":"
                                + p.get("givenName").asString("")));
                people.sort(null);
                return people;
            }
        }
        throw new AssertionError("no marker added on " + day + ": " + json);
    }

    /**
     * F4: a marker on a home names its residents on the marker's day: a hidden newborn is among them
     * from his birth day, in a window that straddles his birth month (markers on the home, recorded by
     * the administrator: a school may not mark an address, review 61).
     */
    @Test
    void familyChangesDoNotTellAHiddenNewbornAmongAHomesResidentsBeforeHeIsShown() {
        for (var day : List.of("2021-05-18", "2021-05-19")) {
            var json = http().graphql(
                            "admin",
                            "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id } }",
                            Map.of("m", Map.of("type", "DOMESTIC_ABUSE", "on", "a-r22-vance", "from", day, "to", day)));
            assertThat(json.get("errors")).as(json.toString()).isNull();
        }
        assertThat(markerResidents("2021-05-19")).isEqualTo(markerResidents("2021-05-18"));
    }

    /**
     * F5: a derived sibling link runs from the lower real id to the higher, so the direction of a link
     * to a placeholder tells whether the hidden sibling's id sorts before or after the visible one's.
     */
    @Test
    void theDirectionOfASiblingLinkToAPlaceholderDoesNotFollowRealIds() {
        importResource("/fixtures/review23-sibling-order.json");
        var json = http().graphql(
                        "teacher",
                        "{ network(personId: \"p-r22-ron\", depth: 2, asOf: \"2021-07-01\") "
                                + "{ nodes { key kind } edges { type source target } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var placeholders = new HashSet<String>();
        for (JsonNode n : json.get("data").get("network").get("nodes")) {
            if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                placeholders.add(n.get("key").asString());
            }
        }
        // for each sibling link between Ron and a placeholder: whether Ron is its source
        var ronFirst = new TreeSet<Boolean>();
        var links = 0;
        for (JsonNode e : json.get("data").get("network").get("edges")) {
            var source = e.get("source").asString();
            var target = e.get("target").asString();
            if ("SIBLING".equals(e.get("type").asString())
                    && (placeholders.contains(source) || placeholders.contains(target))
                    && (source.equals("Person:p-r22-ron") || target.equals("Person:p-r22-ron"))) {
                links++;
                ronFirst.add(source.equals("Person:p-r22-ron"));
            }
        }
        assertThat(links).as("Ron's two hidden half-brothers").isEqualTo(2);
        assertThat(ronFirst).hasSize(1);
    }
    /**
     * Placeholders come in the order of their opaque ids, after the people shown: the raw answer's
     * order (by real id in a network, by date of birth in the family matrix) would tell how hidden
     * people's ids sort or who is older. Ron's network and family hold four hidden people (Len, Tia,
     * Zed and Amos).
     */
    @Test
    void placeholdersComeInTheOrderOfTheirOpaqueIdsNotOfWhatTheyHide() {
        importResource("/fixtures/review23-sibling-order.json");
        var network = http().graphql(
                        "teacher",
                        "{ network(personId: \"p-r22-ron\", depth: 2, asOf: \"2021-07-01\") "
                                + "{ nodes { key kind depth } edges { key type source target } } }")
                .get("data")
                .get("network");
        var kinds = new ArrayList<String>();
        var placeholders = new ArrayList<String>();
        for (JsonNode n : network.get("nodes")) {
            kinds.add(n.get("kind").asString());
            if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                placeholders.add(String.format(
                        "%03d %s", n.get("depth").asInt(), n.get("key").asString()));
            }
        }
        assertThat(placeholders).as(network.toString()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(placeholders).isSorted();
        assertThat(kinds.subList(kinds.size() - placeholders.size(), kinds.size()))
                .as("placeholders after the nodes shown")
                .containsOnly("RESTRICTED_PERSON");
        var placeholderLinks = new ArrayList<String>();
        for (JsonNode e : network.get("edges")) {
            if (e.get("key").asString().startsWith("restricted:")) {
                placeholderLinks.add(e.get("key").asString());
            } else {
                assertThat(placeholderLinks)
                        .as("placeholder links after the others")
                        .isEmpty();
            }
        }
        assertThat(placeholderLinks).hasSizeGreaterThanOrEqualTo(3).isSorted();

        var matrix = http().graphql(
                        "teacher",
                        "{ agencyInvolvement(personId: \"p-r22-ron\", scope: FAMILY, asOf: \"2021-07-01\") "
                                + "{ people { person { id kind } } } }")
                .get("data")
                .get("agencyInvolvement");
        var rows = new ArrayList<String>();
        for (JsonNode row : matrix.get("people")) {
            if ("RESTRICTED_PERSON".equals(row.get("person").get("kind").asString())) {
                rows.add(row.get("person").get("id").asString());
            }
        }
        assertThat(rows).as(matrix.toString()).hasSizeGreaterThanOrEqualTo(2).isSorted();
    }
}
