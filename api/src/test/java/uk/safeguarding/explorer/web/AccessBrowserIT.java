package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.BrowserIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Need-to-know in the explorer (issue 11, "Done when"), in headless Chromium as
 * {@code ExplorerBrowserIT}: a teacher meets Gary as "someone your agency cannot see" where he
 * stands in Sara's network (no name, no id, no PNC), asks the police about him, and reads their
 * answer; the police answer from their Information requests queue; the social worker and the
 * meeting chair see Gary Nolan by name in Sara's network and siblings panel, and moving the date
 * back shows the same people's history. Waits only on state the page publishes.
 */
class AccessBrowserIT extends BrowserIT {

    private static final String HIDDEN = "Someone your agency cannot see";
    /**
     * What a teacher must never learn of Gary: his name, alias, id, birth date, PNC id, approved
     * premises (his daughter Mia, Sara's step sister, is in Sara's circle and keeps her own name).
     */
    private static final List<String> GARY =
            List.of("Gary", "Gaz", "p-gary", "1970-02-11", "1998/0123456X", "a-hostel", "pproved premises");

    private static final String WHY = "Sara says her mother's former partner may visit the home; is it safe for her?";
    private static final String ANSWER =
            "Police and probation manage him; he must not visit a household with children. "
                    + "Call the public protection unit before any visit.";

    @BeforeEach
    void data() {
        cleanDatabase();
        importScenario();
    }

    // --- the page ------------------------------------------------------------------------------

    private static boolean hasEdge(JsonNode graph, String type, String source, String target, boolean current) {
        return edges(graph).stream()
                .anyMatch(e -> type.equals(e.get("type").asString())
                        && source.equals(e.get("source").asString())
                        && target.equals(e.get("target").asString())
                        && hasClass(e, current ? "current" : "historic"));
    }

    /** Everything the page shows or keeps in its DOM as text, and every label the graph draws. */
    private String everythingShown() {
        var labels = new StringBuilder();
        nodes(graph()).forEach(n -> labels.append(n.get("display").asString("")).append('\n'));
        return js("return document.body.innerText") + "\n" + js("return document.body.textContent") + "\n" + labels;
    }

    /** The teacher's placeholder where Gary stands in Sara's network: its graph key. */
    private String placeholderKey() {
        var placeholders = withClass(graph(), "restricted-person");
        assertThat(placeholders).hasSize(1);
        return placeholders.iterator().next();
    }

    /** The teacher opens Sara's network and selects the one placeholder in it; its details are drawn. */
    private void teacherSelectsThePlaceholderInSarasNetwork() {
        signIn("teacher");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var panels = renders("panel-details");
        clickNode(placeholderKey());
        waitRendered("panel-details", panels);
    }

    private void openWorkQueue() {
        var work = renders("work");
        driver.findElement(By.id("work-button")).click();
        waitRendered("work", work);
        driver.findElement(By.id("tab-requests")).click();
        assertThat(driver.findElement(By.id("panel-requests")).isDisplayed()).isTrue();
    }

    // --- tests ---------------------------------------------------------------------------------

    /**
     * New-user check 47: a social worker who selected Mia's mother, whom no agency is recorded as
     * holding, was offered Request information with nobody to ask, and was told so only after writing
     * a reason and sending it, then to ask the police public protection unit (as if she were an
     * offender). Now nobody to ask is said at once, plainly, beside break glass.
     */
    @Test
    void aPlaceholderThatNoAgencyHoldsOffersNoRequestAndSaysSoPlainly() {
        signIn("social-worker");
        open("/?person=p-gary&asOf=" + Scenario.AS_OF);
        var unheld = withClass(graph(), "restricted-person").stream()
                .filter(k -> !node(graph(), k).get("display").asString().contains("held by"))
                .toList();
        assertThat(unheld).as("placeholders no agency holds in Gary's network").isNotEmpty();
        var panels = renders("panel-details");
        clickSelect(unheld.get(0));
        waitRendered("panel-details", panels);
        assertThat(driver.findElements(By.id("placeholder-request"))).isEmpty();
        assertThat(driver.findElement(By.id("placeholder-break-glass")).isDisplayed())
                .isTrue();
        assertThat(text("placeholder-nobody-to-ask"))
                .isEqualTo("There is no other agency to ask through the explorer. If you need to know who they are to "
                        + "protect a child, break the glass: it is recorded and reviewed.");
        assertThat(text("panel-details"))
                .contains("no other agency is recorded as holding information about them")
                .doesNotContain("public protection");
    }

    @Test
    void thePanelsOfThePersonBeforeSayWhoseTheyAreWhileAPlaceholderIsSelected() throws Exception {
        // walk 64: "Flags: … No risk flags on this date" beside the hidden person's selection read as theirs
        signIn("teacher");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitSettled();
        var key = placeholderKey();
        var panels = renders("panel-details");
        clickSelect(key);
        waitRendered("panel-details", panels);
        var note = "These are Sara Bell's, the person selected before: Someone your agency cannot see has none here. "
                + "Select a person to see theirs.";
        for (var panel :
                List.of("panel-siblings", "panel-addresses", "panel-agencies", "panel-chronology", "panel-flags")) {
            assertThat((String) js(
                            "return document.getElementById(arguments[0]).querySelector('h2 + .panels-of-before')"
                                    + "?.textContent ?? null",
                            panel))
                    .as(panel)
                    .isEqualTo(note);
        }
        assertThat(text("panel-details")).doesNotContain("These are Sara Bell's");

        // a person selected again: their panels, drawn afresh, without it
        panels = renders("panel-flags");
        clickSelect("Person:p-sara");
        waitRendered("panel-flags", panels);
        assertThat((Long) js("return document.querySelectorAll('.panels-of-before').length"))
                .isZero();
    }

    @Test
    void aTeacherSeesAPlaceholderWhereGaryStandsAsksThePoliceAndReadsTheirAnswer() throws Exception {
        signIn("teacher");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var key = placeholderKey();
        var placeholder = node(graph(), key);
        assertThat(placeholder.get("display").asString()).startsWith(HIDDEN).endsWith("held by: Police, Probation");
        assertThat(placeholder.get("kind").asString()).isEqualTo("RESTRICTED_PERSON");
        assertThat(list(placeholder.get("classes")).stream().map(JsonNode::asString))
                .doesNotContain("person", "male", "female", "adult");

        // the same wording where he stands in Sara's panels: the siblings panel's step sibling link
        driver.findElement(By.id("tab-siblings")).click();
        assertThat(text("panel-siblings"))
                .contains("via Kerry Bell and someone your agency cannot see (held by: "
                        + "Police vulnerability assessment team, Probation service)");

        // the keyboard reaches it (up to Sara's mother, then round her links) and the live region says what it is
        var canvas = driver.findElement(By.id("cy"));
        var steps = 0;
        var total = nodes(graph()).size();
        var panels = renders("panel-details");
        var keys = Keys.ARROW_UP;
        while (!key.equals(selected())) {
            assertThat(steps++).as("arrow presses to reach the placeholder").isLessThan(total);
            var was = selected();
            panels = renders("panel-details");
            canvas.sendKeys(keys);
            keys = Keys.ARROW_RIGHT;
            new WebDriverWait(driver, WAIT).until(d -> !was.equals(selected()));
        }
        waitRendered("panel-details", panels);
        assertThat(text("graph-status"))
                .isEqualTo(
                        HIDDEN + ": former partner of Sara Bell’s mother Kerry Bell, "
                                + "2017–2018; lived at 7 Fictional Terrace, YO31 3CC, 2017–2018; information held by Police, Probation");
        var details = text("panel-details");
        assertThat(details)
                .contains(
                        HIDDEN,
                        "former partner of Sara Bell’s mother Kerry Bell, 2017–2018",
                        "Police vulnerability assessment team",
                        "Probation service");
        screenshot("teacher-placeholder");
        var shown = everythingShown();
        GARY.forEach(secret ->
                assertThat(shown).as("the page shows a teacher nothing of Gary").doesNotContain(secret));
        assertThat(shown).doesNotContainPattern("rp-[A-Za-z0-9_-]{8,}");

        // Request information: one of the holders, a reason of 20 characters or more
        driver.findElement(By.id("tab-details")).click();
        driver.findElement(By.id("placeholder-request")).click();
        assertThat(driver.findElement(By.id("information-request")).isDisplayed())
                .isTrue();
        assertThat(text("information-request-about")).startsWith("About: " + HIDDEN);
        var holder = new Select(driver.findElement(By.id("information-request-holder")));
        assertThat(holder.getOptions().stream()
                        .map(o -> o.getDomProperty("value"))
                        .toList())
                .containsExactly("police", "probation", "explorer-every-holder");
        // both may be asked at once, each to reply on its own (walk 50)
        assertThat(holder.getOptions().get(2).getText())
                .isEqualTo("Both: Police vulnerability assessment team and Probation service");
        holder.selectByValue("police");
        driver.findElement(By.id("information-request-reason")).sendKeys("too short");
        driver.findElement(By.id("information-request-button")).click();
        waitFor("document.getElementById('message').textContent.includes('at least 20 characters')");
        driver.findElement(By.id("information-request-reason")).clear();
        driver.findElement(By.id("information-request-reason")).sendKeys(WHY);
        driver.findElement(By.id("information-request-button")).click();
        waitFor("document.getElementById('message').textContent.startsWith('Request sent to')");
        assertThat(message())
                .startsWith("Request sent to Police vulnerability assessment team. They see it in their "
                        + "Information requests queue");
        assertThat(driver.findElement(By.id("information-request")).isDisplayed())
                .isFalse();
        // asking again while the request is open is said in words, not as the API names its argument
        driver.findElement(By.id("placeholder-request")).click();
        new Select(driver.findElement(By.id("information-request-holder"))).selectByValue("police");
        driver.findElement(By.id("information-request-reason")).sendKeys(WHY);
        driver.findElement(By.id("information-request-button")).click();
        waitFor("document.getElementById('message').textContent.startsWith('Your agency has already asked')");
        assertThat(message())
                .isEqualTo("Your agency has already asked Police vulnerability assessment team about this person, "
                        + "and that request is still open; its answer will appear among your agency's outgoing "
                        + "requests (Work queues, Information requests, Sent by your agency).");
        driver.findElement(By.id("information-request-reason")).clear();
        assertThat(count(
                        "MATCH (r:InformationRequest {fromUser: 'teacher', subjectId: 'p-gary', concerningId: 'p-sara'}) "
                                + "WHERE r.reason = $why RETURN count(r)",
                        Map.of("why", WHY)))
                .isEqualTo(1);

        // the police see who asks, about whom, why and when, and answer; the Work queues button says one
        // waits for them (walk 49: nothing told them)
        signIn("police-officer");
        waitFor("document.getElementById('work-button').dataset.waiting === '1'");
        assertThat(driver.findElement(By.id("work-button")).getText()).isEqualTo("Work queues (1 waiting)");
        openWorkQueue();
        var incoming = driver.findElement(By.cssSelector("#panel-requests .incoming article.information-request"));
        assertThat(incoming.getText())
                .contains("From teacher", "Gary Nolan, born 1970-02-11", "Sara Bell", WHY, "waiting for an answer")
                // when it was asked, in UK time as everywhere else (it said UTC)
                .containsPattern("From teacher \\([^)]*\\), \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} (GMT|BST)")
                .doesNotContain("UTC");
        screenshot("police-information-request");
        incoming.findElement(By.cssSelector("textarea.answer-text")).sendKeys(ANSWER);
        var queue = renders("panel-requests");
        incoming.findElement(By.cssSelector("button.answer-button")).click();
        waitRendered("panel-requests", queue);
        assertThat(message()).startsWith("Answered:");
        assertThat(text("panel-requests")).contains("Asked of your agency (0 open)", "answered", ANSWER);
        waitFor("document.getElementById('work-button').dataset.waiting === '0'");
        assertThat(driver.findElement(By.id("work-button")).getText()).isEqualTo("Work queues");

        // the teacher reads the answer, and still learns nothing else of him
        signIn("teacher");
        openWorkQueue();
        var outgoing = text("panel-requests");
        assertThat(outgoing)
                .contains(
                        "Sent by your agency (1)",
                        "To Police vulnerability assessment team",
                        WHY,
                        "answered",
                        "Answered by police-officer",
                        ANSWER,
                        HIDDEN);
        screenshot("teacher-information-answer");
        var afterwards = everythingShown();
        GARY.forEach(secret -> assertThat(afterwards).doesNotContain(secret));
    }

    /**
     * Walk 50: a teacher could ask only one holder at a time, and a request one holder had answered read
     * "waiting for an answer" above that answer. Both are asked at once now, each replies on its own,
     * and the status says who has replied and who not yet.
     */
    @Test
    void aTeacherAsksBothHoldersAtOnceAndSeesWhoHasRepliedAndWhoNotYet() throws Exception {
        teacherSelectsThePlaceholderInSarasNetwork();
        driver.findElement(By.id("placeholder-request")).click();
        new Select(driver.findElement(By.id("information-request-holder"))).selectByValue("explorer-every-holder");
        driver.findElement(By.id("information-request-reason")).sendKeys(WHY);
        driver.findElement(By.id("information-request-button")).click();
        waitFor("document.getElementById('message').textContent.startsWith('Request sent to')");
        assertThat(message()).startsWith("Request sent to Police vulnerability assessment team and Probation service.");
        assertThat(count(
                        "MATCH (:InformationRequest {fromUser: 'teacher'})-[x:ADDRESSED_TO {status: 'OPEN'}]->(a:Agency) "
                                + "WHERE a.id IN ['police', 'probation'] RETURN count(x)"))
                .isEqualTo(2);
        var id = http().graphql("police-officer", "{ informationRequests(direction: INCOMING) { id } }")
                .get("data")
                .get("informationRequests")
                .get(0)
                .get("id")
                .asString();
        var answered = http().graphql(
                        "police-officer",
                        "mutation($id: ID!) { answerInformationRequest(id: $id, answer: \"Call the PPU before any visit\") "
                                + "{ status } }",
                        Map.of("id", id));
        assertThat(answered.get("errors")).as(answered.toString()).isNull();
        openWorkQueue();
        var sent = driver.findElement(By.cssSelector("#panel-requests .outgoing article.information-request"));
        assertThat(sent.findElement(By.cssSelector(".status")).getText())
                .isEqualTo("answered by Police vulnerability assessment team; waiting for Probation service");
        assertThat(sent.getText())
                .contains("Call the PPU before any visit", "Probation service: waiting for an answer");
    }

    /**
     * Walk 70: a break-glass reason written when the session had ended was lost at the sign-in. Now the page
     * stays, the family goes out of sight, the form keeps the reason and says how to send it once signed in
     * again in a new tab, and then Request access sends it.
     */
    @Test
    void aBreakGlassReasonWrittenWhenTheSessionHasEndedIsKeptAndSentOnceSignedInAgain() {
        teacherSelectsThePlaceholderInSarasNetwork();
        driver.findElement(By.id("placeholder-break-glass")).click();
        var reason = "Strategy discussion today about Sara's safety at home";
        driver.findElement(By.id("break-glass-reason")).sendKeys(reason);
        var page = driver.getCurrentUrl();
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.findElement(By.id("break-glass-button")).click();
        waitFor("!!document.querySelector('#break-glass-form .draft-session:not([hidden])')");
        assertThat(driver.getCurrentUrl()).isEqualTo(page);
        assertThat(driver.findElement(By.cssSelector("#break-glass-form .draft-session"))
                        .getText())
                .isEqualTo("Your session has ended. What you wrote is kept in this form, out of sight until you are"
                        + " signed in again: sign in again in a new tab, then press Request access here.");
        assertThat(driver.findElement(By.id("break-glass-reason")).getDomProperty("value"))
                .isEqualTo(reason);
        assertThat(driver.findElement(By.id("cy")).isDisplayed())
                .as("the family out of sight")
                .isFalse();
        assertThat(driver.findElement(By.id("break-glass-reason")).isDisplayed())
                .as("the reason out of sight")
                .isFalse();
        assertThat(count("MATCH (g:BreakGlass {user: 'teacher'}) RETURN count(g)"))
                .isZero();
        // signed in again in a new tab, which says where to go back to
        var room = driver.getWindowHandle();
        driver.findElement(By.cssSelector("#break-glass-form .draft-session a")).click();
        otherTab(room);
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        signInHere("teacher");
        driver.get(url("/signed-in.html?for=teacher&about=access"));
        waitFor("document.body.dataset.state === 'ready'");
        assertThat(text("signed-in-text"))
                .isEqualTo("You are signed in again as teacher. Go back to the tab where you asked for access and press"
                        + " Request access there; you can close this tab.");
        driver.close();
        driver.switchTo().window(room);
        // Request access sends the reason kept; the family and the form are in sight again
        var rendered = renders("cy");
        driver.findElement(By.id("break-glass-button")).click();
        waitRendered("cy", rendered);
        waitFor("document.getElementById('message').textContent.startsWith('Access granted until')");
        assertThat(count(
                        "MATCH (g:BreakGlass {user: 'teacher', subjectId: 'p-gary', reason: $reason}) RETURN count(g)",
                        Map.of("reason", reason)))
                .isEqualTo(1);
        assertThat(driver.findElement(By.id("cy")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("#break-glass-form .draft-session:not([hidden])")))
                .isEmpty();
    }

    @Test
    void aTeacherBreaksTheGlassFromThePlaceholderWithoutTypingAnId() throws Exception {
        teacherSelectsThePlaceholderInSarasNetwork();
        driver.findElement(By.id("placeholder-break-glass")).click();
        assertThat(driver.findElement(By.id("break-glass")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("#break-glass input:not([type=hidden])")))
                .isEmpty();
        assertThat(text("break-glass-about")).startsWith("For: " + HIDDEN + " — former partner of Sara Bell’s mother");
        new Select(driver.findElement(By.id("break-glass-purpose"))).selectByValue("STRATEGY_DISCUSSION");
        driver.findElement(By.id("break-glass-reason"))
                .sendKeys("Strategy discussion today about Sara's safety at home");
        var rendered = renders("cy");
        driver.findElement(By.id("break-glass-button")).click();
        waitRendered("cy", rendered);
        waitFor("document.getElementById('message').textContent.startsWith('Access granted until')");
        assertThat(node(graph(), "Person:p-gary").get("display").asString())
                .startsWith("Gary Nolan")
                .contains("RESTRICTED")
                .doesNotContain("RSO");
        assertThat(count("MATCH (g:BreakGlass {user: 'teacher', subjectId: 'p-gary', purpose: 'STRATEGY_DISCUSSION'}) "
                        + "RETURN count(g)"))
                .isEqualTo(1);
    }

    @Test
    void aProbationOfficerReadsTheHiddenStepchildrenOfGaryAsAssessmentNotDisclosedNeverAsNotAssessed() {
        // Sara and Jack are hidden from probation; Jack was assessed, which probation may not know
        signIn("probation-officer");
        var panels = renders("panel-siblings");
        open("/?person=p-gary&asOf=" + Scenario.AS_OF);
        waitRendered("panel-siblings", panels);
        waitSettled();
        var cards = module("""
                return [...document.querySelectorAll('#panel-siblings .card')].map((c) => ({
                  hidden: !c.dataset.person, status: c.querySelector('.card-status').textContent,
                  bad: c.querySelector('.card-status').classList.contains('status-bad'),
                  unassessed: c.classList.contains('unassessed'), label: c.getAttribute('aria-label') }));""");
        var hidden =
                list(cards).stream().filter(c -> c.get("hidden").asBoolean()).toList();
        assertThat(hidden).as("the two placeholder children").hasSize(2).allSatisfy(c -> {
            assertThat(c.get("status").asString()).isEqualTo("Assessment not disclosed");
            assertThat(c.get("bad").asBoolean()).as("red").isFalse();
            assertThat(c.get("unassessed").asBoolean())
                    .as("the card's red edge")
                    .isFalse();
            assertThat(c.get("label").asString()).endsWith("assessment not disclosed");
        });
        // Mia, whom probation may see, is still NOT ASSESSED
        assertThat(list(cards).stream().filter(c -> !c.get("hidden").asBoolean()))
                .singleElement()
                .satisfies(c -> assertThat(c.get("status").asString()).isEqualTo("NOT ASSESSED"));
        // the count is of the children whose assessments the reader may know
        assertThat(js("return document.querySelector('#panel-siblings h2 + p').textContent"))
                .isEqualTo("1 of 1 not assessed since the concern began;"
                        + " assessment not disclosed for 2 children your agency cannot see");
        // and the genogram rings only Mia
        showGenogram();
        assertThat(withClass(graph(), "unassessed")).containsExactly("Person:p-mia");
    }

    @Test
    void theSocialWorkerAndTheMeetingChairSeeGaryNolanInSarasNetworkAndSiblingsAndHisHistoryWhenTheDateMovesBack()
            throws Exception {
        for (var user : List.of("social-worker", "meeting-chair")) {
            signIn(user);
            var panels = renders("panel-siblings");
            open("/?person=p-sara&asOf=" + Scenario.AS_OF);
            waitRendered("panel-siblings", panels);
            var graph = graph();
            assertThat(withClass(graph, "restricted-person")).as(user).isEmpty();
            assertThat(node(graph, "Person:p-gary").get("display").asString())
                    .as(user)
                    .startsWith("Gary Nolan");
            assertThat(hasEdge(graph, "LIVES_AT", "Person:p-gary", "Address:a-bell", false))
                    .as(user)
                    .isTrue();
            driver.findElement(By.id("tab-siblings")).click();
            assertThat(text("panel-siblings"))
                    .as(user)
                    .contains("Mia Nolan", "step sibling via Kerry Bell and Gary Nolan");
            screenshot(user + "-sara-siblings");

            // 2017-09-01: Gary lived with Sara and her mother then; the same people, their history
            var cy = renders("cy");
            panels = renders("panel-siblings");
            js("const input = document.getElementById('asof-date'); input.value = '2017-09-01';"
                    + "input.dispatchEvent(new Event('change'));");
            waitRendered("cy", cy);
            waitRendered("panel-siblings", panels);
            var then = graph();
            assertThat(withClass(then, "restricted-person")).as(user).isEmpty();
            assertThat(node(then, "Person:p-sara").get("display").asString())
                    .as(user)
                    .startsWith("Sara Bell (7)");
            assertThat(node(then, "Person:p-gary").get("display").asString())
                    .as(user)
                    .startsWith("Gary Nolan");
            assertThat(hasEdge(then, "LIVES_AT", "Person:p-gary", "Address:a-bell", true))
                    .as(user)
                    .isTrue();
            assertThat(text("panel-siblings")).as(user).contains("Mia Nolan", "Gary Nolan");
            assertThat(message()).as(user).isEmpty();
        }
    }
}
