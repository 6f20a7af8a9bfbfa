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
 * Review 24: attacks on review 23's fixes (a65413f, bd0e630). In
 * {@code fixtures/review22-found-through-household.json} (fictional) the school sees Ada, her father
 * Ron and her mother Meg, not Ron's half-brother Zed (born 2021-05-19). {@code
 * fixtures/review24-visible-newborn.json} (fictional) adds Amy, Ada's half-sister, born 2021-05-03:
 * the school sees her (a sibling of a child it works with). {@code fixtures/review24-newborn-meetings.json}
 * (fictional) adds two strategy meetings about Ada and Zed (social care and police attended, not the
 * school), held on 18 and 25 May 2021.
 */
class Review24FindingsIT extends ExplorerIT {

    @BeforeEach
    void scenarioAndFixtures() {
        cleanDatabase();
        importScenario();
        importResource("/fixtures/review22-found-through-household.json");
        importResource("/fixtures/review24-visible-newborn.json");
    }

    /** The people (kind and given name) of the snapshot of a meeting about Ron and Ada the teacher records on a day. */
    private List<String> snapshotPeople(String heldOn) {
        var meetingId = recordStrategyMeeting("teacher", heldOn, List.of("p-r22-ron", "p-r22-ada"), "school-a");
        var json = http().graphql(
                        "teacher",
                        "query($id: ID!) { meetingSnapshot(meetingId: $id) { "
                                + "involvement { people { person { kind givenName } } } network { nodes { kind label } } } }",
                        Map.of("id", meetingId));
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var snapshot = json.get("data").get("meetingSnapshot");
        var people = new ArrayList<String>();
        for (JsonNode p : snapshot.get("involvement").get("people")) {
            people.add("matrix " + p.get("person").get("kind").asString() + ":"
                    + p.get("person").get("givenName").asString(""));
        }
        for (JsonNode n : snapshot.get("network").get("nodes")) {
            people.add(
                    "network " + n.get("kind").asString() + ":" + n.get("label").asString(""));
        }
        people.sort(null);
        return people;
    }

    /**
     * F1: a snapshot keeps a second network and matrix without everyone born in the meeting's month by
     * its day, and a reader who may not see one of them reads it. Amy, whom the teacher sees, was born
     * on 3 May; from Zed's birth day on (19 May) she is left out of the snapshot of a meeting the teacher
     * records, so the day she goes is the hidden newborn's birth day (and it tells that he exists).
     */
    @Test
    void aVisibleNewbornStaysInASnapshotWhateverTheDayAHiddenOneWasBorn() {
        var before = snapshotPeople("2021-05-18");
        assertThat(before).contains("matrix PERSON:Amy", "network PERSON:Amy Quill");
        assertThat(snapshotPeople("2021-05-19")).isEqualTo(before);
    }

    /** The network of an imported meeting's snapshot as the teacher reads it (taken by the teacher). */
    private List<String> takenSnapshotNetwork(String meetingId) {
        var taken = http().graphql(
                        "teacher",
                        "mutation($id: ID!) { takeMeetingSnapshot(meetingId: $id) { asOf } }",
                        Map.of("id", meetingId));
        assertThat(taken.get("errors")).as(taken.toString()).isNull();
        var json = http().graphql(
                        "teacher",
                        "query($id: ID!) { meetingSnapshot(meetingId: $id) { network { subjectId nodes { kind label } } "
                                + "involvement { people { person { kind givenName } } } } }",
                        Map.of("id", meetingId));
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var snapshot = json.get("data").get("meetingSnapshot");
        var nodes = new ArrayList<String>();
        for (JsonNode n : snapshot.get("network").get("nodes")) {
            nodes.add(n.get("kind").asString() + ":" + n.get("label").asString(""));
        }
        for (JsonNode p : snapshot.get("involvement").get("people")) {
            nodes.add("matrix " + p.get("person").get("kind").asString() + ":"
                    + p.get("person").get("givenName").asString(""));
        }
        nodes.sort(null);
        // the subject is a child the teacher sees, never the hidden one's id
        nodes.add("subject " + snapshot.get("network").get("subjectId").asString(""));
        return nodes;
    }

    /**
     * F2: the snapshot's people born in the meeting's month leave out the children the meeting is about
     * ({@code born.removeAll(concerns)}), so a meeting about a hidden newborn, held in his month of birth
     * after his birth day, takes in his home from that day: 12 Notional Street, Una by name and Tia as a
     * placeholder come into the snapshot of 25 May and are not in that of 18 May (the month rule shows
     * him, and what is reached through him, from 1 June).
     */
    @Test
    void aSnapshotAboutAHiddenNewbornDoesNotTakeInHisHomeInHisMonthOfBirth() {
        importResource("/fixtures/review24-newborn-meetings.json");
        var before = takenSnapshotNetwork("sm-r24-zed-0518");
        assertThat(before).contains("subject p-r22-ada");
        assertThat(takenSnapshotNetwork("sm-r24-zed-0525")).isEqualTo(before);
        // review 25 F1: nor before his birth (a meeting about an unborn baby), through his family matrix
        assertThat(takenSnapshotNetwork("sm-r24-zed-0510")).isEqualTo(before);
        // review 25 F2: a meeting about Len (hidden from the teacher, first by id) and Ron: Ron is the subject
        assertThat(takenSnapshotNetwork("sm-r25-len-ron")).last().isEqualTo("subject p-r22-ron");
    }
}
