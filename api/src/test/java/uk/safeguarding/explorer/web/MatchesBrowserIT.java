package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.identity.NewIds;
import uk.safeguarding.explorer.support.BrowserIT;

/**
 * Identity resolution in a real browser (headless Chromium, as {@code ExplorerBrowserIT}): the data
 * steward's Matches queue, field by field, decided SAME; a record looked up, split off and linked
 * to the person it belongs to; and for practitioners the pending
 * candidate as a dashed POSSIBLY_SAME_AS edge and a badge, and the agency records that make up a
 * person in the details panel. Waits only on state the page publishes.
 */
class MatchesBrowserIT extends BrowserIT {

    /** The agencies of the extracts as a steward reads them: by name, with the id an extract names (walk 51). */
    private static final String POLICE = "Police vulnerability assessment team (police)";

    private static final String HEALTH = "Healthy child service (health)";

    /** The ids of the persons the police extract's records P105 and P107 make when they join nobody. */
    private static final String P105 = NewIds.person("police", "P105");

    private static final String P107 = NewIds.person("police", "P107");

    @BeforeEach
    void data() throws Exception {
        cleanDatabase();
        importScenario();
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            var response = http().post("/api/import", "admin", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
        }
    }

    private static long edgesOfType(JsonNode graph, String type) {
        return edges(graph).stream()
                .filter(e -> type.equals(e.get("type").asString()))
                .count();
    }

    /** The label the graph shows for a node, or null when the node is not in the graph. */
    private static String display(JsonNode graph, String key) {
        return nodes(graph).stream()
                .filter(n -> key.equals(n.get("key").asString()))
                .findFirst()
                .map(n -> n.get("display").asString())
                .orElse(null);
    }

    /** Types an agency and a record id into Matches' look-up, as a steward does, and asks for the record. */
    private void lookUp(String source, String localId) {
        driver.findElement(By.id("lookup-source")).clear();
        driver.findElement(By.id("lookup-source")).sendKeys(source);
        driver.findElement(By.id("lookup-local-id")).clear();
        driver.findElement(By.id("lookup-local-id")).sendKeys(localId);
        driver.findElement(By.cssSelector("#record-lookup button[type=submit]")).click();
    }

    @Test
    void aDataStewardComparesTheTwoRecordsFieldByFieldAndJoinsThem() throws Exception {
        // fictional: health knows Joanne Nolan as "Jo"; her record joins her
        var health = http().post("/api/import", "admin", """
                {"source": "health", "resolve": true, "people": [{"id": "H7", "givenName": "Jo", "familyName": "Nolan",
                 "dateOfBirth": "1979-12-01", "sex": "FEMALE"}]}""");
        assertThat(health.json().get("resolution").get("linked").asInt()).isEqualTo(1);
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '1'");
        // the queue is the steward's page: no Close that would leave a blank page
        assertThat(driver.findElement(By.id("matches-close")).isDisplayed()).isFalse();
        var card = driver.findElement(By.cssSelector("#panel-matches article.match"));
        // the person's column gives every value its records give, as the engine weighed them (new-user
        // check 47: one record's "Southfodr" stood against an exact agreement with another's "Southford")
        @SuppressWarnings("unchecked")
        var given = (List<String>) js(
                "return [...arguments[0].querySelectorAll('tbody tr')].filter((r) => "
                        + "r.querySelector('th').textContent === 'Given name').map((r) => r.querySelectorAll('td')[1].textContent)",
                card);
        assertThat(given).containsExactly("Joanne / Jo");
        // the address row gives what each side's records give (it was blank: a record exposed no address);
        // the police record gives none, Joanne's social care record her home
        @SuppressWarnings("unchecked")
        var address = (List<String>) js(
                "return [...arguments[0].querySelectorAll('tbody tr')].filter((r) => "
                        + "r.querySelector('th').textContent === 'Address').flatMap((r) => "
                        + "[...r.querySelectorAll('td')].slice(0, 2).map((d) => d.textContent))",
                card);
        assertThat(address).containsExactly("", "22 Placeholder Lane, YO26 4DD");
        var text = card.getText();
        assertThat(text)
                .contains(
                        POLICE + " P105: Joanne Wood",
                        "possibly Joanne Nolan (p-joanne)",
                        "Date of birth",
                        "1979-12-01",
                        "exact",
                        "different",
                        "demo p-joanne",
                        // why the engine left it to the steward, with the thresholds then in force
                        "Why it waits for you: It scored between the review threshold (12) and the link threshold"
                                + " (16)");
        assertThat(driver.findElement(By.id("search-text")).isDisplayed())
                .as("no case-data search for a steward")
                .isFalse();
        screenshot("steward-matches");
        // walk 48: which side lacks a field that was not weighed
        assertThat(card.findElements(By.cssSelector("table.match-table tbody tr")).stream()
                        .filter(row ->
                                row.findElement(By.tagName("th")).getText().equals("UPN"))
                        .map(row -> row.findElements(By.tagName("td")).get(2).getText())
                        .toList())
                .containsExactly("given by neither");
        // walk 56: the weights add up to the score, said under them
        var weights = card.findElements(By.cssSelector("table.match-table tbody td.number")).stream()
                .mapToDouble(w -> Double.parseDouble(w.getText()))
                .sum();
        var total = card.findElement(By.cssSelector("table.match-table tfoot tr"));
        assertThat(total.getText()).startsWith("Score: the sum of the weights");
        assertThat(Double.parseDouble(
                        total.findElement(By.cssSelector("td.number")).getText()))
                .isCloseTo(weights, within(0.03))
                .isBetween(12.0, 16.0);
        card.findElement(By.cssSelector("button.same")).click();
        // said beside the note, where the steward is (walk 56: the message line was scrolled away; walk 59:
        // said at the dialog's top, with the note cut by the dialog's edge), the note and its sentence in view
        var note = card.findElement(By.tagName("textarea"));
        assertThat(card.findElement(By.cssSelector(".field-error")).getText())
                .contains("Write a note saying why first");
        assertThat(note.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement()).isEqualTo(note);
        assertThat(message()).doesNotContain("Write a note saying why first");
        assertThat(js(
                        "const inside = (e) => { const r = e.getBoundingClientRect();"
                                + " let box = e.parentElement;"
                                + " while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) { box = box.parentElement; }"
                                + " const b = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };"
                                + " return r.top >= b.top && r.bottom <= b.bottom && r.bottom <= window.innerHeight; };"
                                + " return inside(arguments[0]) && inside(arguments[1])",
                        note,
                        card.findElement(By.cssSelector(".field-error"))))
                .as("the note and its sentence in view")
                .isEqualTo(true);
        note.sendKeys("Married name; same date of birth and GP practice");
        card.findElement(By.cssSelector("button.same")).click();
        // asked once more, with what it does and what undoing it costs; the keyboard is on the answer
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Join " + POLICE + " P105 to Joanne Nolan (p-joanne)?", "kept apart from p-joanne for good");
        assertThat(driver.findElement(By.id("message")).getText())
                .as("the warning to write a note is gone once it is written")
                .doesNotContain("Write a note saying why first");
        assertThat(card.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Join them");
        assertThat(count("MATCH (:SourceRecord {key: 'police:P105'})-[:RECORD_OF]->(p:Person {id: 'p-joanne'}) "
                        + "RETURN count(p)"))
                .isZero();
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("document.body.dataset.matches === '0'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Joined: " + POLICE + " P105 is now part of Joanne Nolan");
        assertThat(
                        count(
                                "MATCH (:SourceRecord {key: 'police:P105'})-[:RECORD_OF]->(p:Person {id: 'p-joanne'}) RETURN count(p)"))
                .isEqualTo(1);
    }

    /**
     * Walk 71: a SAME brought along records the card never showed (the record's person held a
     * probation record too), and a split did not take them back. Fictional: health's "Joanne Wood"
     * joins the police record of that name, which waits to be compared with Joanne Nolan: the card
     * lists health's record under the record, and the question before joining says it comes too.
     */
    @Test
    void theCardShowsTheOtherRecordsThatComeAlongWithTheRecordAndTheQuestionSaysSo() throws Exception {
        var health = http().post("/api/import", "admin", """
                {"source": "health", "resolve": true, "people": [{"id": "H8", "givenName": "Joanne",
                 "familyName": "Wood", "dateOfBirth": "1979-12-01", "sex": "FEMALE"}]}""");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(count("MATCH (:SourceRecord {key: 'health:H8'})-[:RECORD_OF]->(p:Person)"
                        + "<-[:RECORD_OF]-(:SourceRecord {key: 'police:P105'}) RETURN count(p)"))
                .isEqualTo(1);
        signIn("data-steward");
        waitFor("document.body.dataset.matches !== undefined");
        waitFor("[...document.querySelectorAll('#panel-matches article.match')].some((c) => "
                + "c.querySelector('h3').textContent.includes('P105'))");
        var card = driver.findElements(By.cssSelector("#panel-matches article.match")).stream()
                .filter(c -> c.findElement(By.tagName("h3")).getText().contains("P105"))
                .findFirst()
                .orElseThrow();
        assertThat(card.getText())
                .contains(
                        "this record stays with person " + P105 + ", with 1 other record (below)",
                        "Also joined with this record now (" + P105 + "): they come too",
                        HEALTH + " H8: Joanne Wood, born 1979-12-01");
        card.findElement(By.tagName("textarea")).sendKeys("Married name");
        card.findElement(By.cssSelector("button.same")).click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Its other record (" + HEALTH + " H8) comes too, and splitting this record off later would "
                        + "not take it back.");
    }

    /**
     * Walk 71 and review 91: the queue showed the 50 strongest, said "50 to review" when more waited, and
     * offered no more. Fictional: 60 police records of "Kyle Archer" without a date of birth, each queued.
     */
    @Test
    void theQueueSaysHowManyWaitAndShowsMoreOnAsking() {
        var people = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            people.append(i == 0 ? "" : ",")
                    .append("{\"id\": \"PQ")
                    .append(i)
                    .append("\", \"givenName\": \"Kyle\", \"familyName\": \"Archer\", \"sex\": \"MALE\"}");
        }
        var response = http().post(
                        "/api/import",
                        "admin",
                        "{\"source\": \"police\", \"resolve\": true, \"people\": [" + people + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var waiting = count("MATCH (m:MatchCandidate {status: 'PENDING'}) RETURN count(m)");
        assertThat(waiting).isGreaterThan(100);
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '50'");
        assertThat(driver.findElement(By.cssSelector("#panel-matches .queue-count"))
                        .getText())
                .isEqualTo(
                        waiting
                                + " match candidates to review: records their agency changed first, then the strongest; the first 50 are shown.");
        driver.findElement(By.cssSelector("#panel-matches button.show-more")).click();
        waitFor("document.body.dataset.matches === '100'");
        assertThat(driver.findElements(By.cssSelector("#panel-matches article.match")))
                .hasSize(100);
        @SuppressWarnings("unchecked")
        var ids = (List<String>) js("return [...document.querySelectorAll('#panel-matches article.match')]"
                + ".map((c) => c.dataset.candidate)");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(driver.findElement(By.cssSelector("#panel-matches .queue-count"))
                        .getText())
                .isEqualTo(
                        waiting
                                + " match candidates to review: records their agency changed first, then the strongest; the first 100 are shown.");
        assertThat(driver.findElements(By.cssSelector("#panel-matches button.show-more")))
                .hasSize(1);
        // a decision deep in the list goes on at the card that now stands there, not at the top (review 92)
        var cards = driver.findElements(By.cssSelector("#panel-matches article.match"));
        var sixtieth = cards.get(59);
        var next = cards.get(60).getDomAttribute("data-candidate");
        sixtieth.findElement(By.tagName("textarea")).sendKeys("Another man of that name");
        sixtieth.findElement(By.cssSelector("button.different")).click();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Keep apart");
        // while it is done, the keyboard waits on the message line saying so, in view, not on the page's body
        // (walk 74) nor on the card's heading out of view (walk 75); the card takes no input meanwhile
        holdRequests("decideMatch");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("window.held === 1");
        assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(By.id("message")));
        assertThat(message()).contains("Keeping apart…");
        assertThat(js("return arguments[0].inert", sixtieth)).isEqualTo(true);
        releaseRequests();
        waitFor("document.body.dataset.matchesAt === '" + next + "'");
        // what was done is said in view, at the dialog's top, and the card gone on at is not behind it
        assertThat(message()).contains("Kept apart: ");
        assertThat(js(
                        "const m = document.getElementById('message').getBoundingClientRect();"
                                + " const d = document.getElementById('matches').getBoundingClientRect();"
                                + " const h = arguments[0].getBoundingClientRect();"
                                + " return m.top >= d.top && m.bottom <= d.bottom && h.top >= m.bottom",
                        driver.findElement(
                                By.cssSelector("#panel-matches article.match[data-candidate='" + next + "'] h3"))))
                .as("the message line in view, above the card")
                .isEqualTo(true);
        var now = driver.findElement(By.cssSelector("#panel-matches article.match[data-candidate='" + next + "']"));
        assertThat(driver.findElements(By.cssSelector("#panel-matches article.match"))
                        .indexOf(now))
                .isEqualTo(59);
        assertThat(driver.switchTo().activeElement()).isEqualTo(now.findElement(By.tagName("h3")));
        assertThat(js(
                        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight",
                        now.findElement(By.tagName("h3"))))
                .as("the card the steward goes on at is in view")
                .isEqualTo(true);
    }

    @Test
    void aDataStewardIsToldWhichNamesOfARecordCouldBeReadAsOthers() throws Exception {
        // fictional: a health record of Ruby whose family name has a Cyrillic "а"
        var health = http().post("/api/import", "admin", """
                {"source": "health", "resolve": true, "people": [{"id": "H21", "givenName": "Ruby",
                 "familyName": "H\u0430le", "dateOfBirth": "2012-07-30", "sex": "FEMALE"}]}""");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        signIn("data-steward");
        waitFor("document.body.dataset.matches !== undefined");
        // the agency by its name, as the box offers it (walk 51: the steward had to know "health")
        @SuppressWarnings("unchecked")
        var offered = (List<String>) js("return [...document.querySelectorAll('#agency-list option')]"
                + ".map((o) => o.value + ' ' + o.label)");
        assertThat(offered).contains("health Healthy child service", "police Police vulnerability assessment team");
        lookUp("healthy child SERVICE", "H21");
        waitFor("(document.body.dataset.record || '').startsWith('health:H21 ')");
        var card = driver.findElement(By.cssSelector("#record-found article.record"));
        assertThat(card.findElement(By.cssSelector(".names-warning")).getText())
                .contains(
                        "Check these names with the agency that sent them",
                        HEALTH
                                + " H21, familyName: the word \"H\u0430le\" mixes letters of the scripts [LATIN, CYRILLIC]");
        // the scenario's own records give plain names: no warning beside them
        lookUp("demo", "p-lee");
        waitFor("(document.body.dataset.record || '').startsWith('demo:p-lee ')");
        assertThat(driver.findElements(By.cssSelector("#record-found .names-warning")))
                .isEmpty();
    }

    /** Review 67: a name two agencies share took the first of them silently; it is refused with their ids. */
    @Test
    void anAgencyNameTwoAgenciesShareIsRefusedWithTheirIds() {
        // fictional: a second health service of the same name
        var other = http().post("/api/import", "admin", """
                {"source": "hv", "agencies": [{"id": "hv", "name": "Healthy child service", "type": "HEALTH"}]}""");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        signIn("data-steward");
        waitFor("document.body.dataset.matches !== undefined");
        lookUp("healthy child service", "H21");
        waitFor("document.getElementById('message').textContent.includes('names 2 agencies')");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains(HEALTH, "Healthy child service (hv)", "Type the id");
        assertThat(js("return document.body.dataset.record || ''")).isEqualTo("");
        // its id names one: the police's record by the police's id in capitals
        lookUp("POLICE", "P105");
        waitFor("(document.body.dataset.record || '').startsWith('police:P105 ')");
    }

    /**
     * Review 91: a police address record giving the Archers' first line and postcode for a man who lives
     * elsewhere joined their home; a steward could neither see nor undo it. Looked up in Matches, it shows
     * the home's other record; split off with a note, it becomes an address of its own, the man with it.
     * Fictional.
     */
    @Test
    void aDataStewardLooksUpAnAddressRecordAndSplitsItOffTheAddressItWasWronglyJoinedTo() {
        var response = http().post("/api/import", "admin", """
                {"source": "police", "resolve": true,
                 "people": [{"id": "PZ9", "givenName": "Zed", "familyName": "Omega", "dateOfBirth": "1971-05-06",
                             "sex": "MALE"}],
                 "addresses": [{"id": "PZA9", "line1": "14 Example Rd", "postcode": "YO10 1AA"}],
                 "relationships": [{"type": "LIVES_AT", "from": "PZ9", "to": "PZA9", "start": "2018-01-01"}]}
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        signIn("data-steward");
        waitFor("document.body.dataset.matches !== undefined");
        lookUp("police", "PZA9");
        waitFor("document.body.dataset.record === 'police:PZA9 a-archer'");
        var card = driver.findElement(By.cssSelector("#record-found article.address-record"));
        assertThat(card.getText())
                .contains(
                        POLICE + " PZA9: address record",
                        "Joined to address a-archer with one other record",
                        "Living there through this record: Zed Omega (" + NewIds.person("police", "PZ9") + ").",
                        "14 Example Rd",
                        "demo a-archer: 14 Example Road, YO10 1AA, UPRN 100050000101 (gave the address its id)");
        card.findElement(By.cssSelector("button.split-address")).click();
        waitFor("document.activeElement.tagName === 'TEXTAREA'");
        card.findElement(By.tagName("textarea")).sendKeys("Police confirm he lives at 41 Example Road");
        card.findElement(By.cssSelector("button.split-address")).click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Split " + POLICE + " PZA9 off address a-archer?", "never joined to a-archer again");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        var own = NewIds.address("police", "PZA9");
        waitFor("document.body.dataset.record === 'police:PZA9 " + own + "'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Split: " + POLICE + " PZA9 is now address " + own + ", with Zed Omega (");
        assertThat(driver.findElement(By.cssSelector("#record-found article.address-record"))
                        .getText())
                .contains("An address of its own (" + own + ")", "Split off a-archer by a steward");
        assertThat(count(
                        "MATCH (:SourceRecord {key: 'police:PZ9'})-[:RECORD_OF]->(:Person)-[:LIVES_AT]->(a:Address) "
                                + "RETURN count(CASE WHEN a.id = $id THEN 1 END) * 10 + count(CASE WHEN a.id <> $id THEN 1 END)",
                        Map.of("id", own)))
                .as("Zed lives at the police record's own address only")
                .isEqualTo(10);
    }

    /**
     * Walk 71: the cards of a record two people compete for (a father and son of one name, the record
     * without a date of birth) did not name each other, and a Same person on one closed the other unseen.
     * Each card now names the other, and the question before a Same person says the other closes.
     * Fictional.
     */
    @Test
    void theCardsOfOneRecordNameEachOtherAndJoiningOneSaysTheOtherCloses() {
        for (var extract : List.of("""
                {"source": "health", "resolve": true,
                 "addresses": [{"id": "HA1", "line1": "8 Fictional Mews", "town": "York", "postcode": "YO1 6ZZ"}],
                 "people": [{"id": "H1", "givenName": "Cedric", "familyName": "Hollowmere", "sex": "MALE",
                             "dateOfBirth": "1970-02-11", "nhsNumber": "4873547296"},
                            {"id": "H2", "givenName": "Cedric", "familyName": "Hollowmere", "sex": "MALE",
                             "dateOfBirth": "2000-08-30", "nhsNumber": "7747740301"}],
                 "relationships": [{"type": "LIVES_AT", "from": "H1", "to": "HA1", "start": "2000-01-01"},
                                   {"type": "LIVES_AT", "from": "H2", "to": "HA1", "start": "2000-08-30"},
                                   {"type": "PARENT_OF", "from": "H1", "to": "H2", "kind": "BIRTH"}]}""", """
                {"source": "police", "resolve": true,
                 "addresses": [{"id": "PA1", "line1": "8 FICTIONAL MEWS", "town": "YORK", "postcode": "YO16ZZ"}],
                 "people": [{"id": "PC1", "givenName": "CEDRIC", "familyName": "HOLLOWMERE", "sex": "MALE"}],
                 "relationships": [{"type": "LIVES_AT", "from": "PC1", "to": "PA1", "start": "2020-01-01"}]}""")) {
            var response = http().post("/api/import", "admin", extract);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        var father = NewIds.person("health", "H1");
        var son = NewIds.person("health", "H2");
        signIn("data-steward");
        waitFor("document.body.dataset.matches !== undefined");
        var cards = driver.findElements(By.cssSelector("#panel-matches article.match")).stream()
                .filter(c -> c.getText().contains(POLICE + " PC1"))
                .toList();
        assertThat(cards).hasSize(2);
        var toFather = cards.stream()
                .filter(c -> c.getDomAttribute("aria-label").endsWith("(" + father + ")"))
                .findFirst()
                .orElseThrow();
        assertThat(toFather.findElement(By.cssSelector("p.competing")).getText())
                .startsWith("This record might also be Cedric Hollowmere (" + son + "), score ")
                .endsWith("a Same person here closes the others.");
        toFather.findElement(By.tagName("textarea")).sendKeys("PNC check: the father");
        toFather.findElement(By.cssSelector("button.same")).click();
        assertThat(toFather.findElement(By.cssSelector(".ask")).getText())
                .contains("Its other candidates (Cedric Hollowmere (" + son + "), score ")
                .contains(") close.");
    }

    /**
     * Review 91: a record its agency corrected after it was linked is asked about on a card of its own:
     * it says the record changed, compares it with the person's other records, and Different people
     * splits it off.
     */
    @Test
    void aRecordItsAgencyChangedSinceItWasLinkedIsAskedAboutAndSplitOff() throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            // the version also gives a date of death (fictional), which waits with it
            var corrected = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "\"dateOfBirth\": \"1983-04-27\"",
                            "\"dateOfBirth\": \"1991-09-14\", \"deceasedOn\": \"2026-03-01\"");
            var response = http().post("/api/import", "admin", corrected);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        // the police officer is told, on the police's record of Lee, why Lee still shows the old date (walk 74)
        signIn("police-officer");
        open("/?person=p-lee");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.cssSelector("#panel-details ul.records"))
                        .getText())
                .contains(
                        "P107",
                        "A newer version of this record waits for a data steward (date of birth: 1983-04-27 → "
                                + "1991-09-14)",
                        "Until then this page shows the record as it was linked.");
        // and beside the date of birth at the top of the page, which shows the old one (walk 76)
        assertThat(detailsField("Date of birth"))
                .isEqualTo("1983-04-27 — your agency sent date of birth 1991-09-14: a data steward has yet to check it"
                        + " (see Agency records)");
        assertThat(detailsField("Name")).isEqualTo("Lee Bell");
        // "Agency records" there is a link to the records, which takes the focus (walk 77: it could not be followed)
        driver.findElement(By.cssSelector("#panel-details span.disputed a.see-records"))
                .click();
        waitFor("document.activeElement && document.activeElement.id === 'details-agency-records'");
        assertThat(driver.getCurrentUrl()).doesNotContain("#");
        // the local admin, who reads every agency's records, reads whose record it is (review 103)
        signIn("admin");
        open("/?person=p-lee");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(detailsField("Date of birth"))
                .isEqualTo(
                        "1983-04-27 — Police vulnerability assessment team record P107 sent date of birth 1991-09-14:"
                                + " a data steward has yet to check it (see Agency records)");
        var card = changedCardOfTheSteward();
        assertThat(card.findElement(By.tagName("h3")).getText())
                .isEqualTo(POLICE + " P107: Lee Bell — changed since it was linked to Lee Bell (p-lee)");
        assertThat(card.getText())
                .contains(
                        "Until you decide, it stays with person p-lee.",
                        "(its other records)",
                        "sent this record again",
                        "changed: date of birth: 1983-04-27 → 1991-09-14.");
        assertThat(card.getText()).doesNotContain("they come too");
        // the record's column is the version the police sent, which the evidence weighs (walk 75: it showed the
        // date it was linked on, two equal dates marked different)
        assertThat(card.findElements(By.cssSelector("table.match-table tbody tr")).stream()
                        .filter(row ->
                                row.findElement(By.tagName("th")).getText().equals("Date of birth"))
                        .map(row -> row.findElements(By.tagName("td")).get(0).getText() + " | "
                                + row.findElements(By.tagName("td")).get(1).getText())
                        .toList())
                .containsExactly("1991-09-14 | 1983-04-27");
        card.findElement(By.tagName("textarea")).sendKeys("Police confirm another Lee Bell, born 1991");
        // Escape takes a question back, as Cancel does; the question says what the person would take (walk 76)
        card.findElement(By.cssSelector("button.same")).click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Keep " + POLICE + " P107 with Lee Bell (p-lee), taking what " + POLICE
                        + " changed (date of birth: 1983-04-27 → 1991-09-14)?");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).sendKeys(Keys.ESCAPE);
        assertThat(card.findElements(By.cssSelector(".ask"))).isEmpty();
        card.findElement(By.cssSelector("button.different")).click();
        // the split question says the version's date of death goes with the record, never the date (session 48)
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Split " + POLICE + " P107 off Lee Bell (p-lee)?")
                .contains(
                        "The new version also gives a date of death: the person split off is recorded as having died.")
                .doesNotContain("2026-03-01");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '1'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Split off: " + POLICE + " P107 is now a person of its own (" + P107 + ")");
        assertThat(count("MATCH (:SourceRecord {key: 'police:P107'})-[:RECORD_OF]->(p:Person) WHERE p.deceasedOn ="
                        + " date('2026-03-01') RETURN count(p)"))
                .isEqualTo(1);
    }

    /**
     * Review 98 #2: a change neither kept nor split off could wait for ever. The steward keeps the record as
     * linked from its card, finds the decision on the record's card and reopens it; set aside again, the
     * police officer reads that it was, without the steward's note.
     */
    @Test
    void aChangeIsSetAsideFromItsCardReopenedFromTheRecordsCardAndTheAgencyIsTold() throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            var corrected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("1983-04-27", "1991-09-14");
            var response = http().post("/api/import", "admin", corrected);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        var card = changedCardOfTheSteward();
        var id = card.getDomAttribute("data-candidate");
        card.findElement(By.tagName("textarea")).sendKeys("Health confirm 1983; police typed it");
        var setAside = card.findElement(By.cssSelector("button.set-aside"));
        assertThat(setAside.getText()).isEqualTo("Keep as linked: set the change aside");
        setAside.click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Keep " + POLICE + " P107 with Lee Bell (p-lee) as it was linked, and set aside what ");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '1'");
        assertThat(message()).contains("Set aside: " + POLICE + " P107 stays with Lee Bell as it was linked.");
        lookUp("police", "P107");
        waitFor("(document.body.dataset.record || '').startsWith('police:P107 ')");
        var record = driver.findElement(By.cssSelector("#record-found article.record"));
        assertThat(record.findElement(By.cssSelector("ul.set-aside")).getText())
                .contains(
                        "date of birth: 1983-04-27 → 1991-09-14: set aside by data-steward on ",
                        "“Health confirm 1983; police typed it”");
        assertThat(record.findElements(By.cssSelector("p.waiting-changes"))).isEmpty();
        record.findElement(By.tagName("textarea")).sendKeys("Police insist on 1991");
        record.findElement(By.cssSelector("button.reopen[data-candidate='" + id + "']"))
                .click();
        assertThat(record.findElement(By.cssSelector(".ask")).getText())
                .contains("Reopen the decision to keep " + POLICE + " P107 as it was linked?");
        record.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '2'");
        assertThat(message()).contains("Reopened: the change to " + POLICE + " P107 is back in the queue");
        assertThat(driver.findElement(
                                By.cssSelector("#panel-matches article.match[data-candidate='" + id + "'] p.history"))
                        .getText())
                .startsWith("Decided before, then reopened: the change set aside by data-steward at ");
        // the record's card, drawn again, says the change waits in the queue (walk 76: it said nothing)
        assertThat(driver.findElement(By.cssSelector("#record-found article.record p.waiting-changes"))
                        .getText())
                .isEqualTo(
                        "A newer version its agency sent waits in the queue (date of birth: 1983-04-27 → 1991-09-14):"
                                + " decide it on its card in the queue. Below is the record as it was linked.");
        var again = http().graphql(
                        "data-steward",
                        "mutation($id: ID!) { setAsideVersion(candidateId: $id, note: \"Health records say 1983\") "
                                + "{ status } }",
                        Map.of("id", id));
        assertThat(again.get("errors")).as(again.toString()).isNull();
        signIn("police-officer");
        open("/?person=p-lee");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        var records =
                driver.findElement(By.cssSelector("#panel-details ul.records")).getText();
        assertThat(records)
                .contains("A data steward kept this record as it was linked and set aside a newer version your agency "
                        + "sent (date of birth: 1983-04-27 → 1991-09-14)")
                .doesNotContain("Health records say")
                .doesNotContain("waits for a data steward");
        assertThat(detailsField("Date of birth"))
                .isEqualTo("1983-04-27 — your agency sent date of birth 1991-09-14: a data steward set it aside"
                        + " (see Agency records)");
        // to the local admin, who reads every agency's records, the agency is named (walk 77: "your agency")
        signIn("admin");
        open("/?person=p-lee");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.cssSelector("#panel-details ul.records"))
                        .getText())
                .contains("set aside a newer version Police vulnerability assessment team sent (date of birth:")
                .doesNotContain("your agency");
    }

    /** The text of a field of the details panel, by its label. */
    private String detailsField(String label) {
        var labels = driver.findElements(By.cssSelector("#panel-details dl dt"));
        var values = driver.findElements(By.cssSelector("#panel-details dl dd"));
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).getText().equals(label)) {
                return values.get(i).getText();
            }
        }
        return null;
    }

    /**
     * Walk 76: the card of a person's only record, changed to give another person's NHS number, read "Score
     * 0.00", every field "not weighed", and offered a split the server refuses. It says there is nothing to
     * weigh it against nor to split it off from, offers no split, and the change is set aside.
     */
    @Test
    void theCardOfAPersonsOnlyRecordOffersNoSplitAndTheChangeIsSetAside() {
        for (var extract : List.of("""
                {"source": "csc", "resolve": true,
                 "people": [{"id": "C1", "sex": "MALE", "givenName": "Wendell", "familyName": "Testw",
                             "dateOfBirth": "1977-05-05"}]}""", """
                {"source": "health", "resolve": true,
                 "people": [{"id": "H8", "givenName": "Norris", "familyName": "Testn", "sex": "MALE",
                             "dateOfBirth": "1950-01-01", "nhsNumber": "4873547296"}]}""", """
                {"source": "csc", "resolve": true,
                 "people": [{"id": "C1", "sex": "MALE", "givenName": "Wendell", "familyName": "Testw",
                             "dateOfBirth": "1977-05-05", "nhsNumber": "4873547296", "deceasedOn": "2026-02-03"}]}""")) {
            var response = http().post("/api/import", "admin", extract);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '2'");
        var card = driver.findElements(By.cssSelector("article.match")).stream()
                .filter(c -> c.getText().contains("C1: Wendell Testw"))
                .findFirst()
                .orElseThrow();
        assertThat(card.findElement(By.cssSelector("p.meta")).getText())
                .startsWith("It is Wendell Testw's only record: there is no other record to weigh the new version "
                        + "against, nor to split it off from. Until you decide, it stays with person p-")
                .endsWith(" as it was linked.");
        assertThat(card.findElements(By.cssSelector("button.different"))).isEmpty();
        card.findElement(By.tagName("textarea")).sendKeys("Social care typed Norris's number");
        // each question says what it does with the version's date of death, never the date (review 101)
        card.findElement(By.cssSelector("button.same")).click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("The new version also gives a date of death: Wendell Testw is recorded as having died.")
                .doesNotContain("2026-02-03");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).sendKeys(Keys.ESCAPE);
        card.findElement(By.cssSelector("button.set-aside")).click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("nothing of the new version is applied (nor the date of death it gives)");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '1'");
        assertThat(message()).contains("stays with Wendell Testw as it was linked.");
    }

    /** Signed in as the data steward, the card of the question about police P107's corrected version. */
    private WebElement changedCardOfTheSteward() {
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '2'");
        return driver.findElements(By.cssSelector("article.match")).stream()
                .filter(c -> c.getText().contains("changed since it was linked"))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Walk 75: a question the agency closed while the steward had its card open (it sent the record again
     * as it was linked) was refused as "a candidate already decided (CLOSED)", and the stale card stayed.
     */
    @Test
    void aQuestionClosedWhileItsCardWasOpenIsSaidSoAndTheQueueShownAsItIsNow() throws Exception {
        String original;
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var response = http().post("/api/import", "admin", original.replace("1983-04-27", "1991-09-14"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var card = changedCardOfTheSteward();
        var id = card.getDomAttribute("data-candidate");
        card.findElement(By.tagName("textarea")).sendKeys("Police confirm another Lee Bell, born 1991");
        // meanwhile the police send the record again as it was linked: the question closes
        var again = http().post("/api/import", "admin", original);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        card.findElement(By.cssSelector("button.different")).click();
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '1'");
        assertThat(message()).contains("this question was decided or closed meanwhile");
        assertThat(driver.findElements(By.cssSelector("#panel-matches article.match[data-candidate='" + id + "']")))
                .isEmpty();
    }

    /**
     * Walk 71: a DIFFERENT decided by mistake could never be undone. The record's card lists its DIFFERENT
     * decisions with *Reopen*; asked once more and confirmed, the candidate is back in the queue.
     */
    @Test
    void aDataStewardReopensADifferentDecisionFromTheRecordsCard() {
        var queue = http().graphql("data-steward", "{ matchCandidates { id record { localId } } }");
        var id = queue.get("data").get("matchCandidates").get(0).get("id").asString();
        assertThat(queue.get("data")
                        .get("matchCandidates")
                        .get(0)
                        .get("record")
                        .get("localId")
                        .asString())
                .isEqualTo("P105");
        var decided = http().graphql(
                        "data-steward",
                        "mutation($id: ID!) { decideMatch(candidateId: $id, decision: DIFFERENT, note: \"Different maiden "
                                + "names\") { status } }",
                        Map.of("id", id));
        assertThat(decided.get("errors")).as(decided.toString()).isNull();
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '0'");
        lookUp("police", "P105");
        waitFor("(document.body.dataset.record || '').startsWith('police:P105 ')");
        var card = driver.findElement(By.cssSelector("#record-found article.record"));
        assertThat(card.findElement(By.cssSelector("ul.decided-different")).getText())
                .contains("Not Joanne Nolan (p-joanne): decided by data-steward on ", "“Different maiden names”");
        // the note comes before the buttons it is for in the tab order (walk 74: Reopen came first)
        @SuppressWarnings("unchecked")
        var order = (List<String>) js(
                "return [...arguments[0].querySelectorAll('textarea, button')].map((e) => e.tagName === 'TEXTAREA'"
                        + " ? 'note' : e.textContent)",
                card);
        assertThat(order.indexOf("note")).isLessThan(order.indexOf("Reopen"));
        card.findElement(By.tagName("textarea")).sendKeys("The GP confirms one woman");
        card.findElement(By.cssSelector("button.reopen[data-candidate='" + id + "']"))
                .click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Reopen the decision that " + POLICE + " P105 is not Joanne Nolan (p-joanne)?");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.matches === '1'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Reopened: whether " + POLICE + " P105 is Joanne Nolan (p-joanne) is back in the queue");
        assertThat(driver.findElements(By.cssSelector("#record-found ul.decided-different")))
                .isEmpty();
        // back in the queue, its card tells the decision reopened, its times as people write them (walk 74)
        var history = driver.findElement(
                        By.cssSelector("#panel-matches article.match[data-candidate='" + id + "'] p.history"))
                .getText();
        assertThat(history)
                .startsWith("Decided before, then reopened: different people, decided by data-steward at ")
                .contains("Different maiden names", "The GP confirms one woman")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
                .containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
    }

    @Test
    void aDataStewardLooksUpARecordSplitsItOffAndLinksItToThePersonItBelongsTo() throws Exception {
        // fictional: the police record P107 was joined to the scenario's Lee Bell; it is Gary Nolan's
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '1'");
        // the agency as a steward types it: the police's extract is "police"
        lookUp("Police", "P999");
        waitFor("document.body.dataset.record === 'none'");
        assertThat(driver.findElement(By.id("message")).getText()).contains("No record " + POLICE + " P999");
        // an agency's name typed in part is said as no agency, with those it could be (walk 72)
        lookUp("Riverside", "P107");
        waitFor("document.getElementById('message').textContent.includes('No agency')");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("No agency “Riverside”: did you mean Riverside Primary School (school-a)?");
        driver.findElement(By.id("lookup-source")).clear();
        driver.findElement(By.id("lookup-source")).sendKeys("Police");
        driver.findElement(By.id("lookup-local-id")).clear();
        driver.findElement(By.id("lookup-local-id")).sendKeys("P107");
        driver.findElement(By.cssSelector("#record-lookup button[type=submit]")).click();
        waitFor("document.body.dataset.record === 'police:P107 p-lee'");
        var card = driver.findElement(By.cssSelector("#record-found article.record"));
        assertThat(card.getText()).contains(POLICE + " P107: Lee Bell", "Part of Lee Bell (p-lee)", "1983-04-27");
        card.findElement(By.tagName("textarea")).sendKeys("PNC check: not Lee Bell");
        card.findElement(By.cssSelector("button.split[data-record='police:P107']"))
                .click();
        assertThat(card.findElement(By.cssSelector(".ask")).getText())
                .contains("Split " + POLICE + " P107 off Lee Bell (p-lee)?", "never linked to p-lee again");
        card.findElement(By.cssSelector(".ask button.ask-confirm")).click();
        waitFor("document.body.dataset.record === 'police:P107 " + P107 + "'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Split: " + POLICE + " P107 is now person " + P107);
        card = driver.findElement(By.cssSelector("#record-found article.record"));
        assertThat(card.getText())
                .contains(
                        "A person of its own (" + P107 + "), placed here by a steward (a decision, a link or a split)");
        card.findElement(By.cssSelector("button.link")).click();
        waitFor("document.getElementById('message').textContent.includes('Give the agency and the record id')");
        card.findElement(By.cssSelector("input.link-source")).sendKeys("demo");
        // Enter in the record id box checks the link
        card.findElement(By.cssSelector("input.link-local-id")).sendKeys("p-gary" + Keys.ENTER);
        // nothing is joined until the steward has seen who the record would join, and what to check
        waitFor("document.body.dataset.linkCheck === 'warnings'");
        assertThat(card.findElement(By.cssSelector(".link-preview")).getText())
                .contains(
                        "to Gary Nolan (p-gary), whose records are:",
                        "demo p-gary",
                        "Check these first:",
                        "record police:P107 gives born 1983-04-27 where person p-gary's records give 1970-02-11",
                        "only record of person " + P107,
                        "merged into p-gary",
                        "kept apart from p-gary for good");
        // Confirm waits until the steward says they checked; the note is read when it is pressed
        var confirm = card.findElement(By.cssSelector("button.link-confirm"));
        assertThat(confirm.getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("link-checked");
        confirm.click();
        waitFor("document.getElementById('message').textContent.includes('Tick that you checked the warnings')");
        assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("link-checked");
        assertThat(count(
                        "MATCH (:SourceRecord {key: 'police:P107'})-[:RECORD_OF]->(p:Person {id: $id}) RETURN count(p)",
                        Map.of("id", P107)))
                .isEqualTo(1);
        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(confirm.getAttribute("aria-disabled")).isEqualTo("false");
        card.findElement(By.tagName("textarea")).clear();
        card.findElement(By.tagName("textarea")).sendKeys("PNC check: the record is Gary Nolan's; born date wrong");
        assertThat(count(
                        "MATCH (:SourceRecord {key: 'police:P107'})-[:RECORD_OF]->(p:Person {id: $id}) RETURN count(p)",
                        Map.of("id", P107)))
                .isEqualTo(1);
        screenshot("steward-link-record");
        card.findElement(By.cssSelector("button.link-confirm")).click();
        waitFor("document.body.dataset.record === 'police:P107 p-gary'");
        assertThat(driver.findElement(By.id("message")).getText())
                .contains("Linked: " + POLICE + " P107 is now part of Gary Nolan (p-gary)");
        assertThat(
                        count(
                                "MATCH (:SourceRecord {key: 'police:P107'})-[:RECORD_OF]->(p:Person {id: 'p-gary'}) RETURN count(p)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Marker {id: 'police:m-v-1'})-[:ON]->(p:Person {id: 'p-gary'}) RETURN count(p)"))
                .isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {operation: 'linkRecord', outcome: 'ALLOWED'}) "
                        + "WHERE e.reason ENDS WITH 'born date wrong' AND e.reason CONTAINS 'despite warnings: ' "
                        + "AND e.reason CONTAINS 'date of birth' AND NOT e.reason CONTAINS '1983-04-27' "
                        + "RETURN count(DISTINCT e.subjectId)"))
                .isEqualTo(2);
        // linking it back to Lee is refused before anything is confirmed: the split kept the two apart
        card = driver.findElement(By.cssSelector("#record-found article.record"));
        card.findElement(By.cssSelector("input.link-source")).sendKeys("demo");
        card.findElement(By.cssSelector("input.link-local-id")).sendKeys("p-lee");
        card.findElement(By.cssSelector("button.link")).click();
        waitFor("document.body.dataset.linkCheck === 'refused'");
        assertThat(card.findElement(By.cssSelector(".link-preview")).getText())
                .contains(
                        "Not done: it is a person kept apart from record police:P107", "by a split by data-steward on ")
                .doesNotContain("Argument")
                // the split's note may hold case data: who and when only
                .doesNotContain("PNC check: not Lee Bell");
        assertThat(card.findElements(By.cssSelector("button.link-confirm"))).isEmpty();
        screenshot("steward-link-refused");
    }

    @Test
    void aPendingCandidateShowsAsADashedEdgeAndABadgeAndTheDetailsListTheAgencyRecords() throws Exception {
        signIn("admin");
        // the graph is drawn before flags and panels load: wait on what it shows
        open("/?person=" + P105);
        var graph = graph();
        assertThat(edgesOfType(graph, "POSSIBLY_SAME_AS")).isEqualTo(1);
        assertThat(display(graph, "Person:p-joanne")).contains("[MATCH?]");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.id("panel-details")).getText())
                .contains(POLICE + " P105 (a new person: no link was strong enough)");
        screenshot("possibly-same-as");
        // the search result says so too (walk 51: only the graph did)
        var results = renders("results");
        var search = driver.findElement(By.id("search-text"));
        search.clear();
        search.sendKeys("Joanne", Keys.ENTER);
        waitRendered("results", results);
        assertThat(driver.findElement(By.cssSelector("#results button[data-person='p-joanne']"))
                        .getText())
                .contains("[MATCH?] may be a duplicate record: a data steward is checking");
        // the record a person was made from is not "linked by an identifier" (walk 51: beside identifiers
        // "given by neither")
        open("/?person=p-joanne");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.id("panel-details")).getText())
                .contains("demo p-joanne (its id is the person’s)")
                .doesNotContain("linked by an identifier");
        // the agency matrix says that what the other record's agencies hold is not in it yet (walk 66: a
        // health visitor read a child with MATCH? on the graph as known to no agency)
        driver.findElement(By.id("tab-agencies")).click();
        waitFor("document.getElementById('possible-match-note') !== null");
        assertThat(text("possible-match-note"))
                .startsWith("Joanne ")
                .contains(
                        "may also be recorded as someone else: a data steward is checking (MATCH?).",
                        "Until the steward decides, what agencies recorded under the other record is not shown as"
                                + " theirs.");
        assertThat(driver.findElement(By.cssSelector("#panel-agencies tbody tr .possible-match"))
                        .getText())
                .isEqualTo("MATCH?");
        // the police may not see Joanne: only the badge says a duplicate may exist; their own record is listed
        signIn("police-officer");
        open("/?person=" + P105);
        waitFor("document.getElementById('panel-details').textContent.includes('(police) P105')");
        var theirs = graph();
        assertThat(edgesOfType(theirs, "POSSIBLY_SAME_AS")).isZero();
        assertThat(display(theirs, "Person:" + P105)).contains("[MATCH?]");
        assertThat(display(theirs, "Person:p-joanne")).isNull();
        // their search says so of their own record, and names no one else
        var found = http().graphql("police-officer", "{ searchPeople(text: \"Joanne\") { id possibleMatch } }");
        assertThat(found.get("errors")).as(found.toString()).isNull();
        assertThat(found.get("data").get("searchPeople").toString())
                .contains("{\"id\":\"" + P105 + "\",\"possibleMatch\":true}")
                .doesNotContain("p-joanne");
        // Jack came from social care's records: the police hold a marker on his home, but no person record
        open("/?person=p-jack");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.id("panel-details")).getText())
                .contains("Your agency has sent no person record of its own for this person (what it holds about "
                        + "them, such as markers or referrals, is shown in its place).")
                .doesNotContain("csc ");
    }
}
