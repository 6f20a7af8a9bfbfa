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
        return padded("triageQueue", "triageQueue(asOf: \"" + day + "\") { rank }", day);
    }

    private String padded(String field, String selection, String day) {
        return besideTheLimit("teacher", field, selection, day);
    }

    @Test
    void theTriageQueueDoesNotCountThePeopleAroundAReferralTheReaderIsNotShown() {
        assertThat(triagePadded("2021-05-19")).isEqualTo(triagePadded("2021-05-18"));
    }

    /** The people Ron's family changes from 2015 name for the teacher, on a day. */
    private java.util.Set<String> changesOfRonName(String day) {
        var json = http().graphql(
                        "teacher",
                        "{ familyChanges(personId: \"p-r22-ron\", since: \"2015-01-01\", asOf: \"" + day
                                + "\") { kind summary people { kind givenName } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var names = new java.util.TreeSet<String>();
        for (JsonNode change : json.get("data").get("familyChanges")) {
            for (JsonNode p : change.get("people")) {
                names.add(p.get("kind").asString() + ":" + p.get("givenName").asString(""));
            }
        }
        return names;
    }

    @Test
    void familyChangesDoNotTakeInAHiddenNewbornsHomeFromHisBirthDay() {
        var before = changesOfRonName("2021-05-18");
        assertThat(changesOfRonName("2021-05-19")).isEqualTo(before);
        assertThat(changesOfRonName("2021-05-31")).isEqualTo(before).doesNotContain("PERSON:Una");
        // from the month after his birth his home is in Ron's family: Una's marker (2016) is told
        assertThat(changesOfRonName("2021-06-01")).contains("PERSON:Una");
    }

    /** Ron's family changes since 2021 with 500 unknown ids beside them: the answer or the refusal. */
    private String familyChangesPadded(String day) {
        return padded(
                "familyChanges",
                "familyChanges(personId: \"p-r22-ron\", since: \"2021-01-01\", asOf: \"" + day + "\") { kind }",
                day);
    }

    @Test
    void familyChangesDoNotCountThePeopleOfAHiddenNewbornsHome() {
        assertThat(familyChangesPadded("2021-05-19")).isEqualTo(familyChangesPadded("2021-05-18"));
    }

    /** The links to placeholders in a network the teacher asks for: "type source target" by key. */
    private Map<String, String> placeholderLinks(String user, String personId, int depth, String asOf) {
        var json = http().graphql(
                        user,
                        "{ network(personId: \"" + personId + "\", depth: " + depth + ", asOf: \"" + asOf
                                + "\") { nodes { key kind } edges { key type source target } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var placeholders = new java.util.HashSet<String>();
        for (JsonNode n : json.get("data").get("network").get("nodes")) {
            if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                placeholders.add(n.get("key").asString());
            }
        }
        var links = new java.util.TreeMap<String, String>();
        for (JsonNode e : json.get("data").get("network").get("edges")) {
            var source = e.get("source").asString();
            var target = e.get("target").asString();
            if (placeholders.contains(source) || placeholders.contains(target)) {
                var previous =
                        links.put(e.get("key").asString(), e.get("type").asString() + " " + source + " " + target);
                assertThat(previous).as("edge keys are unique").isNull();
            }
        }
        return links;
    }

    /**
     * From a new-user walk: a link to someone the reader cannot see had a different key in each answer
     * (numbered in the order of the hidden people's real ids), so the explorer drew it twice when two
     * answers met. Its key is the same in every answer that shows it.
     */
    @Test
    void aLinkToAPlaceholderHasTheSameKeyInEveryAnswer() {
        var answers = new ArrayList<Map<String, String>>();
        for (var depth : List.of(1, 2, 3)) {
            for (var id : List.of("p-r22-ron", "p-r22-ada", "p-r22-una")) {
                answers.add(placeholderLinks("teacher", id, depth, "2021-07-01"));
            }
            for (var id : List.of("p-kerry", "p-gary")) {
                answers.add(placeholderLinks("probation-officer", id, depth, "2024-06-01"));
            }
        }
        // each link to a placeholder (its type and ends) has one key across the answers, and each key one link
        var keyOfLink = new java.util.HashMap<String, java.util.Set<String>>();
        var linkOfKey = new java.util.HashMap<String, java.util.Set<String>>();
        answers.forEach(links -> links.forEach((key, link) -> {
            keyOfLink.computeIfAbsent(link, k -> new java.util.TreeSet<>()).add(key);
            linkOfKey.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(link);
        }));
        assertThat(keyOfLink).as("links to placeholders").hasSizeGreaterThan(2);
        assertThat(keyOfLink.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
        assertThat(linkOfKey.values()).allSatisfy(links -> assertThat(links).hasSize(1));
    }
}
