package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.BrowserIT;

/** The browser's own Print (review 26 F5): no case data leaves on paper without a recorded, marked pack. */
class PrintBrowserIT extends BrowserIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    /**
     * F5: the browser's own Print (Ctrl+P, the menu) prints the page through print.css, which lays
     * out every panel as the meeting pack does: Sara's NHS number, markers, co-residents, involvement
     * matrix and chronology, with no OFFICIAL-SENSITIVE marking (the banner is hidden in print, the
     * page-margin stamp is set only by printPack) and no export in the audit log (recordExport runs only
     * from the PNG and pack buttons). Print media emulated as Ctrl+P renders it: now only a marked note
     * saying to print the meeting pack, which is recorded first.
     */
    @Test
    void theBrowsersOwnPrintGivesNoCaseDataThatWasNotRecordedAsAnExport() {
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        assertThat(text("panel-details")).contains("4010232137");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            var printed = (String) js("return document.body.innerText");
            assertThat(printed).doesNotContain("4010232137", "Fictional Terrace", "Sara");
            assertThat((String) js("return getComputedStyle(document.body, '::before').content"))
                    .contains("OFFICIAL-SENSITIVE", "use Print meeting pack");
            assertThat(count("MATCH (a:AuditEvent {user: 'social-worker'}) WHERE a.operation STARTS WITH 'export:' "
                            + "RETURN count(a)"))
                    .as("nothing printed, nothing recorded as an export")
                    .isZero();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * Review 27 P1: the pack's print class was taken off only on afterprint, which a browser ignoring
     * the print call never fires; then a later Ctrl+P printed the page as a pack without a record. Now
     * it goes, with the pack's page stamp, once print() returns.
     */
    @Test
    void afterAPackWhoseDialogNeverOpenedCtrlPPrintsNothing() {
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        // a print call the browser ignores: no dialog, no afterprint
        js(
                "window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed || 0) + 1); }");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        assertThat(js("return document.body.dataset.printed")).isEqualTo("1");
        assertThat(
                        js(
                                "return document.body.classList.contains('printing-pack') || !!document.getElementById('print-pages')"))
                .isEqualTo(false);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat((String) js("return document.body.innerText")).doesNotContain("4010232137");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * Walk 70: at two hops Sara's pack listed the flags of the people drawn only, so Mia, three hops away
     * and a child exposed through Sara, and her HIGH flag of contact with a registered sex offender were
     * on no page.
     */
    @Test
    void thePacksFlagsAreAlsoThoseOfTheChildrenExposedWhomTheNetworkDrawnDoesNotReach() {
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        assertThat(js("return document.getElementById('depth-select').value")).isEqualTo("2");
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        var flags = (String) js("return document.getElementById('print-flags').textContent");
        assertThat(flags)
                .contains("whom the network drawn does not reach: Mia Nolan.")
                .contains("has contact with Mia Nolan");
        // and the note is on paper
        js("document.body.classList.add('printing-pack')");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat((String) js("return document.getElementById('print-flags').innerText"))
                    .contains("whom the network drawn does not reach: Mia Nolan.");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            js("document.body.classList.remove('printing-pack')");
        }
    }

    /**
     * Walk 26: the printed pack named the changes and the family's overdue actions twice, once by
     * the panel's label printed as a heading and once by the heading the panel has itself.
     */
    @Test
    void thePrintedPackNamesEachOfItsPanelsOnce() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=2018-09-26");
        waitSettled();
        var family = renders("meeting-overdue");
        meetingMode();
        waitRendered("meeting-overdue", family);
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("meeting-print")).click();
        waitRendered("print-title", pack);
        js("document.body.classList.add('printing-pack')");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // each panel on paper with its headings: its own, and the one print.css writes before it
            var panels = module("""
                    return Object.fromEntries([...document.querySelectorAll('.panel')]
                      .filter((p) => p.getClientRects().length > 0)
                      .map((p) => {
                        const before = getComputedStyle(p, '::before').content;
                        const named = before && before !== 'none' && before !== '""' ? [before.slice(1, -1)] : [];
                        const own = [...p.querySelectorAll(':scope > h2, :scope > h3:first-child, :scope > .work-head h2')]
                          .filter((h) => getComputedStyle(h).display !== 'none').map((h) => h.textContent.trim());
                        return [p.id, [...named, ...own]];
                      }));""");
            assertThat(panels.propertyNames())
                    .as("the pack's panels")
                    .contains("meeting-changes", "meeting-overdue", "print-meeting", "print-flags")
                    .doesNotContain("panel-flags");
            panels.properties()
                    .forEach(e -> assertThat(list(e.getValue()))
                            .as("%s's headings on paper", e.getKey())
                            .hasSizeLessThanOrEqualTo(1));
            for (var named : List.of("meeting-changes", "meeting-overdue", "print-meeting", "print-flags")) {
                assertThat(list(panels.get(named)))
                        .as("%s's headings on paper", named)
                        .hasSize(1);
            }
            assertThat(panels.get("meeting-changes").get(0).asString())
                    .startsWith("Changes in Kyle Archer’s family since the strategy meeting");
            assertThat(panels.get("print-meeting").get(0).asString()).isEqualTo("Attendance, decision and actions");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            js("document.body.classList.remove('printing-pack')");
        }
    }

    /**
     * Walk 58: the pack printed the agency matrix as meeting mode's screen draws it, a card a person, so
     * no agency could be read down its column. On paper it is the grid: its headings, a row a person, a
     * cell an agency.
     */
    @Test
    void thePrintedPackDrawsTheAgencyMatrixAsAGridAColumnAnAgency() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=2018-09-26");
        waitSettled();
        meetingMode();
        waitSettled();
        var matrix = "document.querySelector('#panel-agencies table.matrix')";
        // a card a person on the meeting's screen
        waitFor(matrix + ".classList.contains('stacked')");
        js("document.body.classList.add('printing-pack')");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            var paper = module("""
                    const m = %s;
                    const heads = [...m.querySelectorAll('thead th')];
                    const rows = [...m.querySelectorAll('tbody tr')];
                    return {
                      display: getComputedStyle(m).display,
                      headings: heads.filter((h) => h.getBoundingClientRect().height > 5).length,
                      columns: heads.length,
                      // each row's cells side by side: one top, as many left edges as cells
                      rowsOnOneLine: rows.every((r) => new Set([...r.cells].map((c) => Math.round(c.getBoundingClientRect().top))).size === 1
                        && new Set([...r.cells].map((c) => Math.round(c.getBoundingClientRect().left))).size === r.cells.length),
                      rows: rows.length,
                      before: getComputedStyle(m.querySelector('tbody td[data-column]'), '::before').content,
                    };""".formatted(matrix));
            assertThat(paper.get("display").asString()).isEqualTo("table");
            assertThat(paper.get("columns").asInt()).isGreaterThan(3);
            assertThat(paper.get("headings").asInt())
                    .as("every heading printed")
                    .isEqualTo(paper.get("columns").asInt());
            assertThat(paper.get("rows").asInt()).isPositive();
            assertThat(paper.get("rowsOnOneLine").asBoolean()).isTrue();
            assertThat(paper.get("before").asString())
                    .as("no card's column names")
                    .isIn("none", "normal");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            js("document.body.classList.remove('printing-pack')");
        }
    }

    /**
     * Walk 56: the pack printed the Flags tab of the child opened only; his siblings' flags (rule 4:
     * not assessed since the concern began) were on no page. Now the pack lists every flag of everyone
     * drawn, each once with the people it concerns, worst severity first.
     */
    @Test
    void thePackListsTheFlagsOfEveryoneInTheNetworkEachOnce() {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=2018-09-26");
        waitSettled();
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        var rows = module("""
                return [...document.querySelectorAll('#print-flags tbody tr')]
                  .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));""");
        var severities = new ArrayList<String>();
        var concerned = new HashMap<String, String>();
        var lines = new HashSet<String>();
        for (var row : list(rows)) {
            var cells = list(row).stream().map(JsonNode::asString).toList();
            assertThat(lines.add(String.join("|", cells)))
                    .as("each flag once: %s", cells)
                    .isTrue();
            severities.add(cells.get(0));
            concerned.merge(cells.get(1), cells.get(2), (a, b) -> a + "; " + b);
        }
        assertThat(concerned.get("Rule 4"))
                .as("the siblings not assessed")
                .contains("Lily Archer", "Tom Archer", "Ruby Hale");
        assertThat(concerned.get("Rule 5")).contains("Kyle Archer");
        var order = List.of("HIGH", "MEDIUM", "LOW");
        assertThat(severities).isSortedAccordingTo(Comparator.comparingInt(order::indexOf));
        assertThat((String) js("return document.getElementById('print-flags').textContent"))
                .as("printed only, so read as text")
                .startsWith("Risk flags of everyone in the network");
    }

    /**
     * Review 71: the pack merged flags that read alike, and Mia's two restricted flags (HIGH and
     * MEDIUM, as a teacher sees them) were printed as one, with her name twice. Each flag about a
     * person is printed as the Flags tab shows it.
     */
    @Test
    void thePackPrintsEachOfAPersonsFlagsEvenWhenTwoReadAlike() {
        signIn("teacher");
        open("/?person=p-mia&asOf=2018-09-26");
        waitSettled();
        driver.findElement(org.openqa.selenium.By.id("tab-flags")).click();
        var tab = list(module("""
                return [...document.querySelectorAll('#panel-flags tbody tr')]
                  .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()).join(' | '));"""));
        assertThat(tab).as("Mia's flags as the teacher's Flags tab shows them").hasSizeGreaterThanOrEqualTo(2);
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        var rows = list(module("""
                return [...document.querySelectorAll('#print-flags tbody tr')]
                  .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));"""));
        var mias = rows.stream()
                .map(r -> list(r).stream().map(JsonNode::asString).toList())
                .filter(cells -> cells.get(2).contains("Mia Nolan"))
                .toList();
        assertThat(mias)
                .hasSize(tab.size())
                .allSatisfy(cells -> assertThat(cells.get(2).split(", "))
                        .as("the people a flag concerns, each once")
                        .doesNotHaveDuplicates());
        assertThat(mias.stream().map(cells -> cells.get(0)))
                .containsExactlyInAnyOrderElementsOf(
                        tab.stream().map(t -> t.asString().split(" \\| ")[0]).toList());
    }

    /** Review 71: a pack whose flags could not be read was printed without them (the Flags tab hidden). */
    @Test
    void aPackWhoseFlagsCannotBeReadIsNotPrinted() {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=2018-09-26");
        waitSettled();
        js("window.print = () => { document.body.dataset.printed = 'yes'; }");
        // the flags known to the page forgotten, and their request failing as a dropped network fails it
        module("(await import('/js/state.js')).state.flags.clear(); return true;");
        failRequests("riskFlags");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        assertThat(js("return window.failedRequests")).isEqualTo(1L);
        assertThat(js("return document.body.dataset.printed || 'no'")).isEqualTo("no");
        assertThat(message()).contains("the pack was not printed");
        // walk 57: a message lying over the graph is dismissed by its cross, its text the sentence alone
        assertThat(message()).endsWith("print the pack again.");
        var close = driver.findElement(org.openqa.selenium.By.cssSelector("#message .message-close"));
        assertThat(close.getDomAttribute("aria-label")).isEqualTo("Dismiss this message");
        close.click();
        assertThat(driver.findElement(org.openqa.selenium.By.id("message")).isDisplayed())
                .isFalse();
        assertThat(message()).isEmpty();
    }

    /**
     * Walk 57: the pack printed outside meeting mode had no changes since the last meeting, no
     * overdue actions of the family and the child's agencies only. It is the same pack from either
     * place: the page goes into meeting mode while it prints, and comes back as it was.
     */
    @Test
    void aPackPrintedWithAnAgencySelectedPrintsTheChildsPanelsWithoutTheNoteThatTheyAreTheChilds() {
        // review 82: with an agency selected after the child, the child's panels carried "These are Sara
        // Bell's, the person selected before …" and were printed with it
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        clickNode("Agency:csc");
        waitSettled();
        assertThat(textContent("panel-chronology")).contains("These are Sara Bell's, the person selected before");
        js("""
                window.print = () => { window.packSeen = {
                  notes: document.querySelectorAll('.panels-of-before').length,
                  chronology: document.getElementById('panel-chronology').textContent }; };""");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        var seen = module("return window.packSeen;");
        assertThat(seen.get("notes").asInt()).isZero();
        assertThat(seen.get("chronology").asString()).contains("Chronology of Sara Bell");
    }

    @Test
    void thePackPrintedOutsideMeetingModeIsTheMeetingsPack() {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=2018-09-26");
        waitSettled();
        driver.findElement(org.openqa.selenium.By.id("tab-chronology")).click();
        // walk 58: with Lily selected, her panels were printed under Kyle's name
        clickNode("Person:p-lily");
        waitSettled();
        assertThat(textContent("panel-chronology")).contains("Chronology of Lily Archer");
        var before = graph();
        // what the print sees, kept when it is called
        js("""
                window.print = () => { window.packSeen = {
                  meeting: document.body.classList.contains('meeting'),
                  changes: document.getElementById('meeting-changes').textContent,
                  overdue: document.getElementById('meeting-overdue').textContent,
                  agencies: document.getElementById('panel-agencies').textContent,
                  chronology: document.getElementById('panel-chronology').textContent,
                  busy: [...document.querySelectorAll('[aria-busy="true"]')].map((e) => e.id) }; };""");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        var seen = module("return window.packSeen;");
        assertThat(seen.get("meeting").asBoolean()).isTrue();
        assertThat(seen.get("changes").asString())
                .contains("Changes in Kyle Archer’s family since the strategy meeting");
        assertThat(seen.get("overdue").asString()).contains("Social work assessment of the risk to Kyle");
        assertThat(seen.get("agencies").asString()).contains("Lily Archer", "Tom Archer");
        assertThat(seen.get("chronology").asString())
                .contains("Chronology of Kyle Archer")
                .doesNotContain("Chronology of Lily Archer");
        assertThat(list(seen.get("busy")))
                .extracting(JsonNode::asString)
                .as("nothing printed still loading")
                .doesNotContain("meeting-changes", "meeting-overdue", "panel-agencies", "cy");
        // and back as it was (review 72: the family's scope, the meeting type's spreading and its zoom
        // stayed): the tab, the agencies' scope, everyone where they were, the zoom
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(false);
        assertThat(driver.getCurrentUrl()).doesNotContain("mode=meeting");
        waitSettled();
        assertThat(driver.findElement(org.openqa.selenium.By.id("tab-chronology"))
                        .getDomAttribute("aria-selected"))
                .isEqualTo("true");
        assertThat(module("return (await import('/js/state.js')).state.scope;").asString())
                .isEqualTo("PERSON");
        assertThat(textContent("panel-chronology")).contains("Chronology of Lily Archer");
        assertThat(selected()).isEqualTo("Person:p-lily");
        var after = graph();
        assertThat(after.get("zoom").asDouble()).isCloseTo(before.get("zoom").asDouble(), within(1e-6));
        for (var node : nodes(before)) {
            var now = node(after, node.get("key").asString());
            assertThat(now).as("%s still drawn", node.get("key")).isNotNull();
            assertThat(now.get("renderedX").asDouble())
                    .as("%s on screen", node.get("key"))
                    .isCloseTo(node.get("renderedX").asDouble(), within(0.5));
            assertThat(now.get("renderedY").asDouble())
                    .as("%s on screen", node.get("key"))
                    .isCloseTo(node.get("renderedY").asDouble(), within(0.5));
        }
    }

    private String textContent(String id) {
        return (String) js("return document.getElementById(arguments[0]).textContent", id);
    }
}
