package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.BrowserIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The explorer in a real browser (see {@link BrowserIT}: headless Chromium, waits only on what the
 * page publishes): search, the graph and its panels, need-to-know on the page, exports and meeting
 * mode. Besides the graph it reads the requests the page makes from Chromium's network log, and
 * checks every screenshot is a PNG of the whole window.
 */
class ExplorerBrowserIT extends BrowserIT {

    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";
    private static final Pattern OPERATION = Pattern.compile("^\\s*(?:query|mutation)\\s+(\\w+)");
    /** What expanding Gary adds to Sara's two-hop network: his other family, homes and offender manager. */
    private static final Set<String> ADDED_BY_GARY = Set.of(
            "Person:p-mia",
            "Person:p-joanne",
            "Address:a-hostel",
            "Address:a-nolan",
            "Professional:om-1",
            "Agency:probation");

    private Path downloads;

    /** Downloads (exports) land in a directory of their own; the network log holds the requests the page sends. */
    @Override
    protected void configure(ChromeOptions options, LoggingPreferences logs) throws IOException {
        downloads = Files.createTempDirectory("explorer-downloads");
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        logs.enable(LogType.PERFORMANCE, Level.ALL);
    }

    @BeforeEach
    void data() {
        // each test reads the requests it made, not those of the tests before it
        driver.manage().logs().get(LogType.PERFORMANCE);
        cleanDatabase();
        importScenario();
        http().post("/api/import", "admin", """
                {"source": "test", "people": [{"id": "p-xss", "givenName": "Mallory",
                  "familyName": "%s", "dateOfBirth": "2010-01-01", "sex": "FEMALE"}]}""".formatted(XSS.replace("\"", "\\\"")));
    }

    // --- the page ------------------------------------------------------------------------------

    /**
     * Clicks a node through Chromium's input pipeline with the event time given (seconds since
     * the epoch), so that whether two clicks make a double click does not depend on how busy the
     * machine is.
     */
    private void clickNodeAt(JsonNode graph, String key, double seconds) {
        var node = node(graph, key);
        var box = (String)
                js("const r = document.getElementById('cy').getBoundingClientRect(); return r.left + ' ' + r.top");
        var x = Double.parseDouble(box.split(" ")[0]) + node.get("renderedX").asDouble();
        var y = Double.parseDouble(box.split(" ")[1]) + node.get("renderedY").asDouble();
        var chromium = (ChromeDriver) driver;
        chromium.executeCdpCommand(
                "Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y, "timestamp", seconds));
        chromium.executeCdpCommand(
                "Input.dispatchMouseEvent",
                Map.of(
                        "type",
                        "mousePressed",
                        "x",
                        x,
                        "y",
                        y,
                        "button",
                        "left",
                        "buttons",
                        1,
                        "clickCount",
                        1,
                        "timestamp",
                        seconds));
        chromium.executeCdpCommand(
                "Input.dispatchMouseEvent",
                Map.of(
                        "type",
                        "mouseReleased",
                        "x",
                        x,
                        "y",
                        y,
                        "button",
                        "left",
                        "buttons",
                        0,
                        "clickCount",
                        1,
                        "timestamp",
                        seconds + 0.01));
    }

    /**
     * A moment early in the page's life, for event times: Blink gives an event from before the page
     * began the time stamp 0, so two clicks set in the page's past would both be at 0 (a double click
     * whatever their distance). A third of a second after the page's time origin lies past Cytoscape's
     * quarter-second double-click window (it measures from 0 after a double click).
     */
    private double aMomentAgo() {
        return ((Number) js("return performance.timeOrigin")).doubleValue() / 1000.0 + 0.3;
    }

    /** Saves a screenshot and checks that it is a PNG of the whole window. */
    @Override
    protected Path screenshot(String name) throws IOException {
        var file = super.screenshot(name);
        var png = Files.readAllBytes(file);
        assertPng(png);
        var scale = ((Number) js("return window.devicePixelRatio")).doubleValue();
        assertThat(pngWidth(png))
                .isEqualTo(Math.round(((Number) js("return window.innerWidth")).doubleValue() * scale));
        assertThat(pngHeight(png))
                .isEqualTo(Math.round(((Number) js("return window.innerHeight")).doubleValue() * scale));
        return file;
    }

    private static void assertPng(byte[] png) {
        assertThat(png.length).as("PNG bytes").isGreaterThan(20_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(png[0] & 0xff).isEqualTo(0x89);
    }

    private static long pngWidth(byte[] png) {
        return ByteBuffer.wrap(png, 16, 4).getInt() & 0xffffffffL;
    }

    private static long pngHeight(byte[] png) {
        return ByteBuffer.wrap(png, 20, 4).getInt() & 0xffffffffL;
    }

    /** One GraphQL request the page sent: its operation name and variables. */
    private record Request(String operation, JsonNode variables) {}

    /** The GraphQL requests the page sent since the last call, from Chromium's own network log. */
    private List<Request> requests() {
        var sent = new ArrayList<Request>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            var message = JsonMapper.shared().readTree(entry.getMessage()).get("message");
            if (!"Network.requestWillBeSent".equals(message.get("method").asString())) {
                continue;
            }
            var request = message.get("params").get("request");
            if (!request.get("url").asString().endsWith("/graphql")
                    || !"POST".equals(request.get("method").asString())) {
                continue;
            }
            assertThat(request.has("postData"))
                    .as("the log holds the request body")
                    .isTrue();
            var body = JsonMapper.shared().readTree(request.get("postData").asString());
            var matcher = OPERATION.matcher(body.get("query").asString());
            sent.add(new Request(matcher.find() ? matcher.group(1) : "", body.get("variables")));
        }
        return sent;
    }

    private static Map<String, Integer> countByOperation(List<Request> requests) {
        var counts = new LinkedHashMap<String, Integer>();
        requests.forEach(r -> counts.merge(r.operation(), 1, Integer::sum));
        return counts;
    }

    private static Set<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String computed(String selector, String property) {
        return (String) js(
                "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
                selector,
                property);
    }

    // --- tests ---------------------------------------------------------------------------------

    @Test
    void aPractitionerFindsKyleAndSeesHisSiblingsUnassessed() throws Exception {
        // a social worker of children's social care, which is involved with Kyle
        signIn("social-worker");
        open("/?asOf=" + Scenario.AS_OF);
        var results = renders("results");
        driver.findElement(By.id("search-text")).sendKeys("Archer", Keys.ENTER);
        waitRendered("results", results);
        assertThat(driver.findElements(By.cssSelector("#results button"))).hasSize(5);
        assertThat(text("results")).contains("Kyle Archer", "Born 2001-04-12, age 17", "14 Example Road");
        // the results are of the day shown: another day asks again (they kept the day before's ages)
        var onResult = driver.switchTo().activeElement().getAttribute("data-person");
        assertThat(onResult).isNotNull();
        results = renders("results");
        chooseDay("2006-05-05");
        waitRendered("results", results);
        // (someone born later is said to be so: not "no current address", as if lost; walk 55)
        assertThat(text("results"))
                .contains("Kyle Archer", "Born 2001-04-12, age 5", "Born 2008-09-14, not yet born on this day");
        // the keyboard stays on the result it was on, and a screen reader is told (walk 55: nothing said)
        assertThat(driver.switchTo().activeElement().getAttribute("data-person"))
                .isEqualTo(onResult);
        assertThat(driver.findElement(By.id("results-status")).getAttribute("textContent"))
                .isEqualTo("The results for Archer are now of 2006-05-05: 5 found.");
        results = renders("results");
        chooseDay(Scenario.AS_OF);
        waitRendered("results", results);
        assertThat(text("results")).contains("Born 2001-04-12, age 17").doesNotContain("not yet born");
        // Shift+Tab from the first result goes back to the search box (walk 55: to Sign out)
        driver.findElement(By.cssSelector("#results button")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("search-text");
        var panels = renders("panel-siblings");
        driver.findElement(By.cssSelector("#results button[data-person='p-kyle']"))
                .click();
        waitRendered("panel-siblings", panels);
        assertThat(selected()).isEqualTo("Person:p-kyle");
        driver.findElement(By.id("tab-siblings")).click();
        assertThat(text("panel-siblings"))
                .contains(
                        "Lily Archer",
                        "Tom Archer",
                        "Ruby Hale",
                        "3 of 3 not assessed",
                        "half sibling via Mark Archer");
        assertThat(driver.findElements(By.cssSelector("#panel-siblings .card.unassessed")))
                .hasSize(3);
        assertThat(driver.getCurrentUrl()).contains("person=p-kyle").contains("asOf=2018-09-26");
        screenshot("kyle-siblings");
        // choosing Ruby's row brings Ruby, Kyle and Mark (through whom they are half siblings) forward
        driver.findElements(By.cssSelector("#panel-siblings .card.unassessed")).stream()
                .filter(row -> row.getText().startsWith("Ruby Hale"))
                .findFirst()
                .orElseThrow()
                .click();
        assertThat(withClass(graph(), "highlighted"))
                .contains("Person:p-ruby", "Person:p-kyle", "Person:p-mark")
                .doesNotContain("Person:p-lily", "Person:p-tom");
    }

    @Test
    void aChildAtRiskBeyondTheNetworkDrawnSaysSoAndOpensTheirNetwork() throws Exception {
        signIn("social-worker");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitSettled();
        driver.findElement(By.id("tab-siblings")).click();
        // Mia is a child at risk through Sara, three steps away: beyond the depth-2 network drawn
        assertThat(graph().toString()).doesNotContain("Person:p-mia");
        // where records came from is said by the agency's name; a shared bundle's source as an import
        driver.findElement(By.id("tab-details")).click();
        assertThat(text("panel-details"))
                .contains("child protection plan since 2018-07-15 — Category: sexual abuse; recorded by "
                        + "Children's social care (front door)");
        driver.findElement(By.id("tab-chronology")).click();
        assertThat(text("panel-chronology"))
                .contains("Police vulnerability assessment team", "bundle “demo”")
                .doesNotContainPattern("(?m) csc$");
        driver.findElement(By.id("tab-siblings")).click();
        var away = driver.findElements(By.cssSelector("#panel-siblings .card.outside-graph"));
        assertThat(away).hasSize(1);
        assertThat(away.get(0).getText()).startsWith("Mia Nolan").contains("Not in the network drawn.");
        // every other card is of a child drawn: no note shows on it
        assertThat(driver.findElements(By.cssSelector("#panel-siblings .card:not(.outside-graph)")))
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card.findElements(By.cssSelector(".card-outside")))
                        .allSatisfy(note -> assertThat(note.isDisplayed()).isFalse()));
        // drawn three steps deep, Mia is in the network: her card says so at once
        new Select(driver.findElement(By.id("depth-select"))).selectByValue("3");
        waitFor("!document.querySelector(\"#panel-siblings .card[data-person='p-mia']\")"
                + ".classList.contains('outside-graph')");
        assertThat(graph().toString()).contains("Person:p-mia");
        assertThat(driver.findElement(By.cssSelector("#panel-siblings .card[data-person='p-mia'] .card-outside"))
                        .isDisplayed())
                .isFalse();
        // back to two steps, and open her network from the card
        new Select(driver.findElement(By.id("depth-select"))).selectByValue("2");
        waitFor("document.querySelector(\"#panel-siblings .card[data-person='p-mia']\")"
                + ".classList.contains('outside-graph')");
        var panels = renders("panel-siblings");
        driver.findElement(By.cssSelector("#panel-siblings .card[data-person='p-mia'] button.open-outside"))
                .click();
        waitRendered("panel-siblings", panels);
        assertThat(selected()).isEqualTo("Person:p-mia");
        assertThat(driver.getCurrentUrl()).contains("person=p-mia");
        // the keyboard's place is the panel drawn again, not the page
        waitFor("document.activeElement.id === 'panel-siblings'");
    }

    @Test
    void movingTheDateBackRemovesGarysStayAtTheBellAddress() throws Exception {
        signIn("admin");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var garyAtBell = "Person:p-gary->Address:a-bell";
        assertThat(livesAt(graph())).contains(garyAtBell);
        var rendered = renders("cy");
        js("const input = document.getElementById('asof-date'); input.value = '2016-01-01';"
                + "input.dispatchEvent(new Event('change'));");
        waitRendered("cy", rendered);
        var graph = graph();
        assertThat(livesAt(graph)).doesNotContain(garyAtBell).contains("Person:p-jack->Address:a-bell");
        assertThat(nodeKeys(graph)).doesNotContain("Person:p-gary").contains("Person:p-jack");
        assertThat(driver.getCurrentUrl()).contains("asOf=2016-01-01");
        screenshot("sara-2016");
    }

    private static Set<String> livesAt(JsonNode graph) {
        return StreamSupport.stream(graph.get("edges").spliterator(), false)
                .filter(e -> "LIVES_AT".equals(e.get("type").asString()))
                .map(e -> e.get("source").asString() + "->" + e.get("target").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theGenogramPutsParentsAboveChildrenInHouseholds() throws Exception {
        signIn("social-worker");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var rendered = renders("cy");
        driver.findElement(By.cssSelector("#layout-select option[value='genogram']"))
                .click();
        waitRendered("cy", rendered);
        var graph = graph();
        assertThat(graph.get("layout").asString()).isEqualTo("genogram");
        assertThat(node(graph, "Person:p-kerry").get("y").asDouble())
                .isLessThan(node(graph, "Person:p-sara").get("y").asDouble());
        assertThat(node(graph, "Person:p-sara").get("parent").asString()).isEqualTo("household:Address:a-bell");
        assertThat(node(graph, "Person:p-jack").get("parent").asString()).isEqualTo("household:Address:a-bell");
        screenshot("sara-genogram");
    }

    @Test
    void aDoubleClickExpandsUndoReversesItAndAPngIsExportedOnceAudited() throws Exception {
        signIn("admin");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var graph = graph();
        var before = nodeKeys(graph);
        requests();
        // two clicks on Gary a second apart are two clicks; a twentieth of a second apart, a double click
        var start = aMomentAgo();
        clickNodeAt(graph, "Person:p-gary", start);
        clickNodeAt(graph, "Person:p-gary", start + 1);
        var rendered = renders("cy");
        clickNodeAt(graph, "Person:p-gary", start + 1.05);
        waitRendered("cy", rendered);
        assertThat(selected()).isEqualTo("Person:p-gary");
        var sent = requests();
        assertThat(countByOperation(sent)).as("requests sent: %s", sent).containsEntry("Network", 1);
        var expanded = nodeKeys(graph());
        expanded.removeAll(before);
        assertThat(expanded).isEqualTo(ADDED_BY_GARY);
        rendered = renders("cy");
        driver.findElement(By.id("undo-button")).click();
        waitRendered("cy", rendered);
        assertThat(nodeKeys(graph())).isEqualTo(before);

        // expanded again and fitted to all: Undo gives back the view the expansion was made in (walk 66: it
        // stayed zoomed out over a network smaller again)
        graph = graph();
        var zoom = graph.get("zoom").asDouble();
        var pan = graph.get("pan");
        // (a second after the first double click, past Cytoscape's quarter-second window)
        rendered = renders("cy");
        clickNodeAt(graph, "Person:p-gary", start + 2);
        clickNodeAt(graph, "Person:p-gary", start + 2.05);
        waitRendered("cy", rendered);
        assertThat(nodeKeys(graph())).containsAll(ADDED_BY_GARY);
        driver.findElement(By.id("fit-button")).click();
        new WebDriverWait(driver, WAIT).until(d -> graph().get("zoom").asDouble() < zoom - 0.01);
        rendered = renders("cy");
        driver.findElement(By.id("undo-button")).click();
        waitRendered("cy", rendered);
        var undone = graph();
        assertThat(nodeKeys(undone)).isEqualTo(before);
        assertThat(undone.get("zoom").asDouble()).isCloseTo(zoom, within(0.001));
        assertThat(undone.get("pan").get("x").asDouble()).isCloseTo(pan.get("x").asDouble(), within(0.5));
        assertThat(undone.get("pan").get("y").asDouble()).isCloseTo(pan.get("y").asDouble(), within(0.5));

        driver.findElement(By.id("png-button")).click();
        waitFor("document.getElementById('message').textContent.startsWith('PNG exported')");
        var file = downloads.resolve("network-p-sara-2018-09-26.png");
        new WebDriverWait(driver, WAIT).until(d -> Files.exists(file));
        assertPng(Files.readAllBytes(file));
        // the export was written to the audit log before the file was made
        assertThat(count("MATCH (a:AuditEvent {operation: 'export:PNG', subjectId: 'p-sara', user: 'admin'}) "
                        + "RETURN count(a)"))
                .isEqualTo(1);
    }

    @Test
    void aTeacherBreaksTheGlassToSeeGaryAndSeesHisOffenderDetailRestricted() throws Exception {
        signIn("teacher");
        open("/?person=p-gary&asOf=" + Scenario.AS_OF);
        assertThat(driver.findElement(By.id("break-glass")).isDisplayed()).isTrue();
        assertThat(message()).contains("No person 'p-gary'");
        // the form is about the person the page tried to open: nobody types an id
        assertThat(driver.findElements(By.id("break-glass-person"))).isEmpty();
        assertThat(text("break-glass-about")).isEqualTo("For: the person you tried to open.");
        driver.findElement(By.cssSelector("#break-glass-purpose option[value='STRATEGY_DISCUSSION']"))
                .click();
        driver.findElement(By.id("break-glass-reason"))
                .sendKeys("Strategy discussion today about Mia's contact with her father");
        screenshot("break-glass");
        var rendered = renders("cy");
        driver.findElement(By.id("break-glass-button")).click();
        waitRendered("cy", rendered);
        waitFor("document.getElementById('message').textContent.startsWith('Access granted until')");
        assertThat(node(graph(), "Person:p-gary").get("display").asString())
                .contains("RESTRICTED")
                .doesNotContain("RSO")
                .doesNotContain("MAPPA");
        assertThat(count("MATCH (a:AuditEvent {user: 'teacher', subjectId: 'p-gary', outcome: 'BREAK_GLASS'}) "
                        + "WHERE a.purpose = 'STRATEGY_DISCUSSION' RETURN count(a)"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoPeopleSelectedInTurnShowTheirConnection() throws Exception {
        signIn("admin");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        requests();
        // Gary, then Sara a twentieth of a second later: two people chosen in turn, not a double click on Sara
        var graph = graph();
        var start = aMomentAgo();
        clickNodeAt(graph, "Person:p-gary", start);
        clickNodeAt(graph, "Person:p-sara", start + 0.05);
        new WebDriverWait(driver, WAIT).until(d -> "Person:p-sara".equals(selected()));
        var rendered = renders("cy");
        driver.findElement(By.id("connect-button")).click();
        waitRendered("cy", rendered);
        // both named, in the order chosen, and the steps counted in words that agree
        assertThat(message()).startsWith("Shortest connection between Gary Nolan and Sara Bell: 2 steps (");
        assertThat(withClass(graph(), "highlighted")).contains("Person:p-sara", "Person:p-kerry", "Person:p-gary");
        var sent = requests();
        assertThat(countByOperation(sent)).containsEntry("Connection", 1).doesNotContainKey("Network");
        var connection = sent.stream()
                .filter(r -> r.operation().equals("Connection"))
                .findFirst()
                .orElseThrow();
        assertThat(connection.variables().get("fromId").asString()).isEqualTo("p-gary");
        assertThat(connection.variables().get("toId").asString()).isEqualTo("p-sara");
    }

    @Test
    void theGraphCanBeWorkedWithTheKeyboard() {
        signIn("admin");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        var before = nodeKeys(graph());
        var canvas = driver.findElement(By.id("cy"));
        // Sara, opened, is selected; up goes to a parent, and along Kerry's links to her former partner Gary
        assertThat(selected()).isEqualTo("Person:p-sara");
        assertThat(text("graph-status")).startsWith("Sara Bell, 8, the person opened");
        // up: the parent she lives with
        press(canvas, Keys.ARROW_UP);
        assertThat(selected()).isEqualTo("Person:p-kerry");
        assertThat(text("graph-status")).startsWith("Kerry Bell, 32, mother");
        pressUntil(canvas, Keys.ARROW_RIGHT, "Person:p-gary", before.size());
        assertThat(text("graph-status")).startsWith("Gary Nolan, 48, registered sex offender");
        var rendered = renders("cy");
        canvas.sendKeys(Keys.ENTER);
        waitRendered("cy", rendered);
        var added = nodeKeys(graph());
        added.removeAll(before);
        assertThat(added).isEqualTo(ADDED_BY_GARY);
        // expanded again, nothing more comes; what the first expansion brought is still his to collapse
        // (walk 65: Delete then said "Nothing to collapse there", and Undo took two presses)
        rendered = renders("cy");
        canvas.sendKeys(Keys.ENTER);
        waitRendered("cy", rendered);
        waitFor("document.getElementById('graph-note').textContent"
                + " === 'Nothing more is linked to Gary Nolan on this date.'");
        rendered = renders("cy");
        canvas.sendKeys(Keys.DELETE);
        waitRendered("cy", rendered);
        assertThat(nodeKeys(graph())).isEqualTo(before);
        // what the corner said of the expansion goes with it (walk 66: it stayed)
        assertThat(driver.findElement(By.id("graph-note")).isDisplayed()).isFalse();
        // one Undo brings back what the collapse took, a second takes the expansion away again
        rendered = renders("cy");
        driver.findElement(By.id("undo-button")).click();
        waitRendered("cy", rendered);
        var back = nodeKeys(graph());
        back.removeAll(before);
        assertThat(back).isEqualTo(ADDED_BY_GARY);
        rendered = renders("cy");
        driver.findElement(By.id("undo-button")).click();
        waitRendered("cy", rendered);
        assertThat(nodeKeys(graph())).isEqualTo(before);
    }

    /**
     * A bundle of a person who lived at three hostels, each with 200 residents who came after
     * them: their two-hop network is larger than the explorer's cap of 500 nodes (and, as they
     * lived with none of them, their own panels stay small).
     */
    private static String largeNetworkBundle() {
        var people = new ArrayList<Map<String, Object>>();
        var addresses = new ArrayList<Map<String, Object>>();
        var relationships = new ArrayList<Map<String, Object>>();
        people.add(Map.of(
                "id", "p-hub", "givenName", "Robin", "familyName", "Moss", "dateOfBirth", "1980-03-04", "sex", "MALE"));
        for (var a = 0; a < 3; a++) {
            var address = "a-hostel-" + a;
            addresses.add(Map.of(
                    "id",
                    address,
                    "line1",
                    (a + 1) + " Hostel Row",
                    "town",
                    "York",
                    "postcode",
                    "YO1 9ZZ",
                    "kind",
                    "HOSTEL"));
            relationships.add(Map.of(
                    "type",
                    "LIVES_AT",
                    "from",
                    "p-hub",
                    "to",
                    address,
                    "start",
                    "201" + (2 * a) + "-01-01",
                    "end",
                    "201" + (2 * a + 1) + "-12-31"));
            for (var i = 0; i < 200; i++) {
                var id = "p-resident-" + a + "-" + i;
                people.add(Map.of(
                        "id",
                        id,
                        "givenName",
                        "Resident " + i,
                        "familyName",
                        "Hostel " + a,
                        "dateOfBirth",
                        (1960 + i % 40) + "-06-15",
                        "sex",
                        i % 2 == 0 ? "MALE" : "FEMALE"));
                var stay = new HashMap<String, Object>(
                        Map.of("type", "LIVES_AT", "from", id, "to", address, "start", (2016 + i % 3) + "-02-01"));
                stay.put("end", null);
                relationships.add(stay);
            }
        }
        return JsonMapper.shared()
                .writeValueAsString(Map.of(
                        "source", "test", "people", people, "addresses", addresses, "relationships", relationships));
    }

    @Test
    void aNetworkOfFiveHundredNodesFromTheApiIsLaidOutWithinTheViewport() throws Exception {
        var imported = http().post("/api/import", "admin", largeNetworkBundle());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        signIn("admin");
        var started = System.nanoTime();
        open("/?person=p-hub&asOf=" + Scenario.AS_OF);
        var millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(driver.findElement(By.id("truncated")).isDisplayed()).isTrue();
        assertThat(text("truncated-text")).startsWith("This network is larger than 500 nodes");
        var graph = graph();
        var nodes = nodes(graph);
        assertThat(nodes).hasSize(500);
        assertThat(nodeKeys(graph))
                .contains("Person:p-hub", "Address:a-hostel-0", "Address:a-hostel-1", "Address:a-hostel-2");
        var width = graph.get("width").asDouble();
        var height = graph.get("height").asDouble();
        assertThat(width).isGreaterThan(300);
        assertThat(height).isGreaterThan(300);
        var xs = new TreeSet<Double>();
        var ys = new TreeSet<Double>();
        for (var node : nodes) {
            var key = node.get("key").asString();
            // NaN and infinities come out of JSON.stringify as null
            assertThat(node.get("x").isNumber() && node.get("y").isNumber())
                    .as("%s is placed", key)
                    .isTrue();
            assertThat(node.get("renderedX").asDouble()).as("%s across", key).isBetween(0.0, width);
            assertThat(node.get("renderedY").asDouble()).as("%s down", key).isBetween(0.0, height);
            xs.add(Math.rint(node.get("renderedX").asDouble()));
            ys.add(Math.rint(node.get("renderedY").asDouble()));
        }
        // spread out over the graph, not heaped on one spot: fitted, the layout fills the viewport along
        // one side; how far along the other depends on its (randomised) shape, so only a sixth is asked
        var across = (xs.last() - xs.first()) / width;
        var down = (ys.last() - ys.first()) / height;
        assertThat(Math.max(across, down))
                .as("the longer side of the layout, as a share of the view")
                .isGreaterThan(0.6);
        assertThat(Math.min(across, down))
                .as("the shorter side of the layout, as a share of the view")
                .isGreaterThan(1.0 / 6);
        Files.writeString(
                SCREENSHOTS.resolve("layout-500-nodes.txt"),
                "opening a 500-node network (request, fcose layout, flags, panels) in headless Chromium: " + millis
                        + " ms\n");
        screenshot("layout-500-nodes");
    }

    @Test
    void meetingModeShowsTheFamilyMatrixInLargeType() throws Exception {
        signIn("admin");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        driver.findElement(By.id("tab-agencies")).click();
        assertThat(computed("body", "font-size")).isEqualTo("15px");
        assertThat(computed("#panel-agencies td", "font-size")).isEqualTo("14.4px");
        var panels = renders("panel-agencies");
        var family = renders("meeting-overdue");
        driver.findElement(By.id("meeting-button")).click();
        waitRendered("panel-agencies", panels);
        waitRendered("meeting-overdue", family);
        assertThat(text("panel-agencies")).contains("Jack Bell: no health");
        assertThat(driver.findElement(By.id("panel-agencies")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".sidebar")).isDisplayed()).isFalse();
        // large type: the page and the matrix a quarter larger for a shared screen
        assertThat(computed("body", "font-size")).isEqualTo("20px");
        assertThat(computed("#panel-agencies td", "font-size")).isEqualTo("18px");
        assertThat(computed("#panel-agencies h2", "font-size")).isEqualTo("20px");
        // the matrix says whose it is: it follows the person selected on the shared screen
        assertThat(driver.findElement(By.cssSelector("#panel-agencies h2")).getText())
                .isEqualTo("Agency involvement: Sara Bell’s family");
        screenshot("meeting-mode");
        panels = renders("panel-agencies");
        clickNode("Person:p-jack");
        waitRendered("panel-agencies", panels);
        assertThat(driver.findElement(By.cssSelector("#panel-agencies h2")).getText())
                .isEqualTo("Agency involvement: Jack Bell’s family");
        panels = renders("panel-agencies");
        clickNode("Person:p-sara");
        waitRendered("panel-agencies", panels);
        // Escape leaves meeting mode
        driver.findElement(By.id("tab-agencies")).sendKeys(Keys.ESCAPE);
        waitFor("!document.body.classList.contains('meeting')");
        assertThat(computed("#panel-agencies td", "font-size")).isEqualTo("14.4px");
        assertThat(driver.findElement(By.cssSelector(".sidebar")).isDisplayed()).isTrue();
    }

    @Test
    void flagsAreOnTheNodesAndInTheFlagsPanelWithTheirEvidenceHighlighted() throws Exception {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        var graph = graph();
        // his unassessed siblings carry a HIGH flag each; Kyle's own are MEDIUM at worst
        assertThat(withClass(graph, "flag-HIGH")).isEqualTo(Set.of("Person:p-lily", "Person:p-ruby", "Person:p-tom"));
        assertThat(withClass(graph, "flag-MEDIUM")).contains("Person:p-kyle");
        assertThat(node(graph, "Person:p-lily").get("display").asString()).contains("[FLAG 2]");
        driver.findElement(By.id("tab-flags")).click();
        assertThat(text("panel-flags"))
                .contains("Kyle Archer has harmful sexual behaviour (since 2018-02-20) but no AIM3 assessment.")
                .contains("Referral r-kyle-1")
                .contains("The strategy meeting of 2018-03-05");
        driver.findElement(By.cssSelector("#panel-flags tr.flag")).click();
        assertThat(withClass(graph(), "highlighted")).contains("Person:p-kyle");
        screenshot("kyle-flags");
    }

    @Test
    void aMeetingChairWorksThroughTheTriageQueueAndOverdueActions() throws Exception {
        signIn("meeting-chair");
        open("/?asOf=" + Scenario.AS_OF);
        var work = renders("work");
        driver.findElement(By.id("work-button")).click();
        waitRendered("work", work);
        assertThat(text("panel-triage"))
                .contains("r-kyle-2")
                .contains("Kyle Archer")
                .contains("+30: 3 sibling(s)");
        screenshot("triage-queue");
        driver.findElement(By.id("tab-overdue")).click();
        assertThat(text("panel-overdue"))
                .contains("Children's social care (front door) (1)")
                .contains("Social work assessment of the risk to Kyle's siblings")
                .contains("2018-03-26");
        screenshot("overdue-actions");
        // choosing a row opens the child; meeting mode lists the family's overdue actions
        var panels = renders("panel-details");
        driver.findElement(By.cssSelector("#panel-overdue tr.overdue")).click();
        waitRendered("panel-details", panels);
        assertThat(driver.findElement(By.id("work")).isDisplayed()).isFalse();
        // the action is for Kyle's siblings; the first of them opens
        assertThat(selected()).isEqualTo("Person:p-lily");
        var family = renders("meeting-overdue");
        driver.findElement(By.id("meeting-button")).click();
        waitRendered("meeting-overdue", family);
        assertThat(text("meeting-overdue"))
                .contains("Overdue actions in Lily Archer’s network", "Social work assessment");
        // the chair leaves meeting mode and records that the action was done; it leaves the list
        driver.findElement(By.id("meeting-exit")).click();
        waitFor("!document.body.classList.contains('meeting')");
        work = renders("work");
        driver.findElement(By.id("work-button")).click();
        waitRendered("work", work);
        driver.findElement(By.id("tab-overdue")).click();
        js("document.querySelector('#panel-overdue .done-date').value = '2018-09-20'");
        // "Done on" asks first: cancelling records nothing, confirming records the day
        driver.findElement(By.cssSelector("#panel-overdue .done-button")).click();
        assertThat(text("panel-overdue"))
                .contains("Record “Social work assessment of the risk to Kyle's siblings” as done on 2018-09-20?");
        driver.findElement(By.cssSelector("#panel-overdue .done-cancel")).click();
        assertThat(driver.findElements(By.cssSelector("#panel-overdue .done-confirm")))
                .isEmpty();
        assertThat(count("MATCH (a:Action {id: 'ac-kyle-1'}) WHERE a.completedOn IS NOT NULL RETURN count(a)"))
                .isZero();
        driver.findElement(By.cssSelector("#panel-overdue .done-button")).click();
        var overdue = renders("work");
        driver.findElement(By.cssSelector("#panel-overdue .done-confirm")).click();
        waitRendered("work", overdue);
        assertThat(text("panel-overdue")).contains("No overdue actions on this date.");
        // the message survives the refresh, inside the dialog (never behind it), with an Undo button
        assertThat(messageSentence())
                .isEqualTo("Recorded: \"Social work assessment of the risk to Kyle's siblings\" done on 2018-09-20.");
        assertThat(js("return document.getElementById('message').dataset.kind")).isEqualTo("success");
        assertThat(js("return document.getElementById('work').contains(document.getElementById('message'))"))
                .isEqualTo(true);
        var undo = driver.findElement(By.id("message-undo"));
        assertThat(undo.isDisplayed()).isTrue();
        assertThat(undo.getText()).isEqualTo("Undo");
        // Undo reopens it (audited): it is back on the overdue list, and the message says so (pressed at
        // once: Undo goes after 30 s, which a busy machine's checks in between could take)
        var undone = renders("work");
        undo.click();
        waitRendered("work", undone);
        assertThat(count("MATCH (e:AuditEvent {operation: 'completeAction', user: 'meeting-chair'}) RETURN count(e)"))
                .isPositive();
        assertThat(messageSentence())
                .isEqualTo("Undone: \"Social work assessment of the risk to Kyle's siblings\" is open again.");
        assertThat(js("return document.getElementById('message').dataset.kind")).isEqualTo("success");
        assertThat(driver.findElements(By.id("message-undo"))).isEmpty();
        assertThat(text("panel-overdue")).contains("Social work assessment of the risk to Kyle's siblings");
        assertThat(count("MATCH (a:Action {id: 'ac-kyle-1'}) WHERE a.completedOn IS NULL RETURN count(a)"))
                .isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {operation: 'reopenAction', user: 'meeting-chair', subjectId: 'p-lily'}) "
                        + "WHERE e.reason = 'reopened ac-kyle-1 (it was completed on 2018-09-20)' RETURN count(e)"))
                .isEqualTo(1);
        // done again, it is listed under the overdue ones among those done in the 30 days up to the day, and
        // Reopen there opens it again once the message's Undo has gone (walk 68's leftover: a completion
        // recorded by mistake left every list, for good once the 30 s of Undo were over)
        js("document.querySelector('#panel-overdue .done-date').value = '2018-09-20'");
        driver.findElement(By.cssSelector("#panel-overdue .done-button")).click();
        var again = renders("work");
        driver.findElement(By.cssSelector("#panel-overdue .done-confirm")).click();
        waitRendered("work", again);
        assertThat(text("panel-overdue"))
                .contains("No overdue actions on this date.")
                .contains("Done in the 30 days up to " + Scenario.AS_OF);
        var doneRow = driver.findElement(By.cssSelector("#panel-overdue .done-recently tr.done-row"));
        assertThat(doneRow.getText())
                .contains("Social work assessment of the risk to Kyle's siblings")
                .contains("2018-09-20");
        // asked first, as Done on is (review 87: one click reopened it)
        doneRow.findElement(By.className("reopen-button")).click();
        assertThat(text("panel-overdue"))
                .contains(
                        "Reopen “Social work assessment of the risk to Kyle's siblings”, done on 2018-09-20? It is open"
                                + " again, and overdue from the day after it is due (2018-03-26).");
        assertThat(js("return document.activeElement.className")).isEqualTo("reopen-confirm");
        var reopened = renders("work");
        driver.findElement(By.cssSelector("#panel-overdue .reopen-confirm")).click();
        waitRendered("work", reopened);
        assertThat(messageSentence())
                .isEqualTo("Reopened: \"Social work assessment of the risk to Kyle's siblings\" is open again.");
        assertThat(text("panel-overdue"))
                .contains("Social work assessment of the risk to Kyle's siblings")
                .contains("No action was recorded as done in these 30 days.");
        assertThat(count("MATCH (e:AuditEvent {operation: 'reopenAction', user: 'meeting-chair', subjectId: 'p-lily'}) "
                        + "WHERE e.reason = 'reopened ac-kyle-1 (it was completed on 2018-09-20)' RETURN count(e)"))
                .isEqualTo(2);
        // the keyboard on the message's Undo, which records it done on its day again
        assertThat(js("return document.activeElement.id")).isEqualTo("message-undo");
        var again2 = renders("work");
        driver.findElement(By.id("message-undo")).click();
        waitRendered("work", again2);
        assertThat(messageSentence())
                .isEqualTo(
                        "Undone: \"Social work assessment of the risk to Kyle's siblings\" is done on 2018-09-20 again.");
        assertThat(driver.findElement(By.cssSelector("#panel-overdue .done-recently"))
                        .getText())
                .contains("Social work assessment of the risk to Kyle's siblings 2018-09-20");
        // closing the dialog puts the message line back over the graph, where it takes no room
        driver.findElement(By.id("work-close")).click();
        assertThat(
                        js(
                                "const home = document.getElementById('message').parentNode;"
                                        + " return home.classList.contains('message-anchor') && home.parentNode.classList.contains('graph-area')"))
                .isEqualTo(true);
    }

    /** The message's sentence, without the Undo button that may follow it. */
    private String messageSentence() {
        return (String)
                js("const m = document.getElementById('message'); return m.firstChild ? m.firstChild.textContent : ''");
    }

    @Test
    void aSelectionLoadsThePanelsOnceAndADateChangeReplaysExpansionsInOneRequest() {
        signIn("admin");
        open("/?asOf=" + Scenario.AS_OF);
        var results = renders("results");
        driver.findElement(By.id("search-text")).sendKeys("Sara", Keys.ENTER);
        waitRendered("results", results);
        requests();

        // choosing a result: the network, the flags of its people, the family the NOT ASSESSED marks
        // come from, and the panels, once each
        var panels = renders("panel-details");
        driver.findElement(By.cssSelector("#results button[data-person='p-sara']"))
                .click();
        waitRendered("panel-details", panels);
        assertThat(countByOperation(requests()))
                .isEqualTo(Map.of("Network", 1, "Flags", 1, "FamilyScope", 1, "Panels", 1));

        // selecting someone else in the graph: their panels only
        panels = renders("panel-details");
        clickNode("Person:p-kerry");
        waitRendered("panel-details", panels);
        var select = requests();
        assertThat(countByOperation(select)).isEqualTo(Map.of("Panels", 1));
        assertThat(select.get(0).variables().get("personId").asString()).isEqualTo("p-kerry");

        // expanding Kerry: her neighbourhood, which adds nothing, so no flags are asked for
        var rendered = renders("cy");
        driver.findElement(By.id("expand-button")).click();
        waitRendered("cy", rendered);
        assertThat(textOf("graph-note")).isEqualTo("Nothing more is linked to Kerry Bell on this date.");
        assertThat(countByOperation(requests())).isEqualTo(Map.of("Network", 1));

        // expanding Gary: his neighbourhood, and the flags of the people it added, no one else's
        panels = renders("panel-details");
        clickNode("Person:p-gary");
        waitRendered("panel-details", panels);
        requests();
        rendered = renders("cy");
        driver.findElement(By.id("expand-button")).click();
        waitRendered("cy", rendered);
        var expand = requests();
        assertThat(countByOperation(expand)).isEqualTo(Map.of("Network", 1, "Flags", 1));
        var flagged = expand.stream()
                .filter(r -> r.operation().equals("Flags"))
                .findFirst()
                .orElseThrow();
        assertThat(ids(flagged.variables().get("personIds"))).isEqualTo(Set.of("p-mia", "p-joanne"));

        // Jack and Sara expanded too: four expansions, as many as one request may carry
        for (var key : List.of("Person:p-jack", "Person:p-sara")) {
            panels = renders("panel-details");
            clickNode(key);
            waitRendered("panel-details", panels);
            rendered = renders("cy");
            driver.findElement(By.id("expand-button")).click();
            waitRendered("cy", rendered);
        }
        requests();

        // a new date: the network, the four expansions in one request, the family of the day (its
        // NOT ASSESSED marks), the flags and the panels, once each; and the search for Sara, whose
        // results are still shown, for the new day's ages
        rendered = renders("cy");
        panels = renders("panel-details");
        js("const input = document.getElementById('asof-date'); input.value = '2018-09-20';"
                + "input.dispatchEvent(new Event('change'));");
        waitRendered("cy", rendered);
        waitRendered("panel-details", panels);
        var replay = requests();
        assertThat(countByOperation(replay))
                .isEqualTo(
                        Map.of("Network", 1, "Expansions", 1, "FamilyScope", 1, "Flags", 1, "Panels", 1, "Search", 1));
        var expansions = replay.stream()
                .filter(r -> r.operation().equals("Expansions"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of("p0", "p1", "p2", "p3").stream()
                        .map(p -> expansions.variables().get(p).asString()))
                .containsExactly("p-kerry", "p-gary", "p-jack", "p-sara");
        assertThat(expansions.variables().has("p4")).isFalse();
        assertThat(nodeKeys(graph())).containsAll(ADDED_BY_GARY);
        // Sara stays selected, and hers are the panels shown
        assertThat(selected()).isEqualTo("Person:p-sara");
        assertThat(text("panel-details")).contains("Sara Bell");
    }

    @Test
    void aNameThatLooksLikeHtmlIsShownAsTextAndRunsNothing() throws Exception {
        signIn("admin");
        open("/?asOf=" + Scenario.AS_OF);
        var results = renders("results");
        driver.findElement(By.id("search-text")).sendKeys("Mallory", Keys.ENTER);
        waitRendered("results", results);
        assertThat(driver.findElements(By.cssSelector("#results button"))).hasSize(1);
        assertThat(text("results")).contains("Mallory " + XSS);
        var panels = renders("panel-details");
        driver.findElement(By.cssSelector("#results button")).click();
        waitRendered("panel-details", panels);
        assertThat(text("panel-details")).contains(XSS);
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#results img, #panel-details img")))
                .isEmpty();
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicyAndRunsUnderIt() throws Exception {
        var response = http().get("/", "admin");
        assertThat(response.status()).isEqualTo(200);
        var csp = response.headers().get("content-security-policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
        signIn("admin");
        driver.manage().logs().get(LogType.BROWSER);
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        assertThat(nodeKeys(graph())).contains("Person:p-sara");
        var console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        assertThat(console).noneMatch(m -> m.contains("Uncaught"));
        screenshot("sara");
    }

    // --- strategy meetings on the graph (issue 16) ---------------------------------------------

    private void enterMeetingMode() {
        var changes = renders("meeting-changes");
        driver.findElement(By.id("meeting-button")).click();
        waitRendered("meeting-changes", changes);
        // (the panels, loaded again for the room, too: a counter read next moves with what follows)
        waitSettled();
    }

    private String textOf(String id) {
        return (String) js("return document.getElementById(arguments[0]).textContent", id);
    }

    /** Moves the as-of day in meeting mode and waits for the Changes panel to show the new day. */
    private void meetingDay(String day) {
        var changes = renders("meeting-changes");
        chooseDay(day);
        waitRendered("meeting-changes", changes);
        waitSettled();
    }

    private List<String> sinceOptions() {
        return new Select(driver.findElement(By.id("changes-since")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    void movingTheDayBeforeTheLastMeetingStartsTheChangesThreeMonthsBackAndNeverAfterTheDay() {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(sinceOptions()).contains("sm-sara", "icpc-sara");
        // before both meetings about Sara: neither is offered, the changes start 3 months back, no error
        meetingDay("2018-01-01");
        assertThat(sinceOptions()).doesNotContain("sm-sara", "icpc-sara");
        assertThat(new Select(driver.findElement(By.id("changes-since")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("months");
        assertThat(textOf("changes-heading"))
                .startsWith("No changes in Sara Bell’s family from 2017-10-01 to 2018-01-01");
        assertThat(js("return document.getElementById('message').dataset.kind")).isNotEqualTo("error");
        // a chosen day after the as-of day: refused with a warning, the changes start on the day itself
        var changes = renders("meeting-changes");
        new Select(driver.findElement(By.id("changes-since"))).selectByValue("day");
        waitRendered("meeting-changes", changes);
        waitSettled();
        assertThat(driver.findElement(By.id("changes-since-date")).getDomProperty("value"))
                .as("the day offered when choosing one")
                .isEqualTo("2017-10-01");
        changes = renders("meeting-changes");
        js("const input = document.getElementById('changes-since-date'); input.value = '2018-06-01';"
                + "input.dispatchEvent(new Event('change'));");
        waitRendered("meeting-changes", changes);
        waitSettled();
        assertThat(js("return document.getElementById('message').dataset.kind")).isEqualTo("warning");
        assertThat(textOf("message")).contains("no later than the as-of day", "2018-06-01 is after 2018-01-01");
        assertThat(driver.findElement(By.id("changes-since-date")).getDomProperty("value"))
                .isEqualTo("2018-01-01");
        assertThat(textOf("changes-heading"))
                .startsWith("No changes in Sara Bell’s family from 2018-01-01 to 2018-01-01");
        // back on the scenario's day: the meetings are offered again, the heading says what is shown
        meetingDay(Scenario.AS_OF);
        assertThat(sinceOptions()).contains("sm-sara", "icpc-sara");
        assertThat(js("return document.getElementById('message').dataset.kind")).isNotEqualTo("error");
        assertThat(textOf("changes-heading"))
                .matches("Changes in Sara Bell’s family from 2018-01-01 to 2018-09-26: \\d+");
        assertThat(driver.findElements(By.cssSelector("#changes-list button.change")))
                .isNotEmpty();
    }

    @Test
    void onAMeetingsOwnDayTheChangesStartAfterThePreviousMeetingAndTheStartFollowsTheDayBack() {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(selectedSince()).isEqualTo("icpc-sara");
        // the day of the conference: it has no changes since itself, so the strategy meeting before it
        // is the start (it used to ask for changes since the day after the as-of day and fail)
        meetingDay("2018-07-15");
        assertThat(sinceOptions()).contains("sm-sara").doesNotContain("icpc-sara");
        assertThat(selectedSince()).isEqualTo("sm-sara");
        assertThat(js("return document.getElementById('message').dataset.kind")).isNotEqualTo("error");
        assertThat(textOf("changes-heading"))
                .contains("since the strategy meeting of 2018-06-01", "from 2018-06-02 to 2018-07-15");
        // the page chose that start, not the chair: back on the scenario's day it is the conference again
        meetingDay(Scenario.AS_OF);
        assertThat(selectedSince()).isEqualTo("icpc-sara");
        assertThat(textOf("changes-heading")).contains("from 2018-07-16 to " + Scenario.AS_OF);
    }

    private String selectedSince() {
        return new Select(driver.findElement(By.id("changes-since")))
                .getFirstSelectedOption()
                .getAttribute("value");
    }

    @Test
    void theChairSeesTheChangesSinceTheLastMeetingAndComparesThenAndNow() throws Exception {
        // after the conference of 2018-07-15 Kerry's new partner moves in
        assertThat(http().post("/api/import", "admin", """
                {"source": "csc", "people": [{"id": "p-dean", "givenName": "Dean", "familyName": "Hart",
                  "dateOfBirth": "1984-03-03", "sex": "MALE"}],
                 "relationships": [{"type": "LIVES_AT", "from": "p-dean", "to": "a-bell", "start": "2018-08-01"},
                   {"type": "PARTNER_OF", "from": "p-kerry", "to": "p-dean", "start": "2018-07-20"}]}""").status()).isEqualTo(200);
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        // since the previous meeting about Sara, the conference; newest first; the people highlighted
        assertThat(new Select(driver.findElement(By.id("changes-since")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("icpc-sara");
        var changes = text("meeting-changes");
        // from the day after the conference: its own decisions are not changes since it
        assertThat(changes)
                .contains(
                        "Changes in Sara Bell’s family since the initial child protection conference of 2018-07-15, from"
                                + " 2018-07-16 to 2018-09-26",
                        "Dean Hart and Kerry Bell became partners on 2018-07-20.",
                        "Dean Hart joined the household at 7 Fictional Terrace, York on 2018-08-01.");
        assertThat(changes.indexOf("2018-08-01")).isLessThan(changes.indexOf("2018-07-20"));
        // the family stays in full view until the chair chooses a change; then its people come
        // forward, the rest fades, until "Clear highlight"
        assertThat(withClass(graph(), "faded")).isEmpty();
        assertThat(driver.findElement(By.id("changes-clear")).isDisplayed()).isFalse();
        var partners = driver.findElement(
                By.xpath("//ol[@id='changes-list']//button[contains(., 'Dean Hart and Kerry Bell became partners')]"));
        partners.click();
        assertThat(partners.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(withClass(graph(), "highlighted")).contains("Person:p-dean", "Person:p-kerry");
        assertThat(withClass(graph(), "faded")).contains("Person:p-sara");
        driver.findElement(By.id("changes-clear")).click();
        assertThat(withClass(graph(), "faded")).isEmpty();
        assertThat(withClass(graph(), "highlighted")).isEmpty();
        assertThat(driver.findElement(By.id("changes-clear")).isDisplayed()).isFalse();
        // a chosen meeting: since the strategy meeting, Gary left
        var before = renders("meeting-changes");
        new Select(driver.findElement(By.id("changes-since"))).selectByValue("sm-sara");
        waitRendered("meeting-changes", before);
        assertThat(text("meeting-changes"))
                .contains(
                        "from 2018-06-02 to 2018-09-26",
                        "Gary Nolan left the household at 7 Fictional Terrace, York on 2018-06-20.");
        // a row highlights its people
        driver.findElements(By.cssSelector("#changes-list button.change-LEFT_HOUSEHOLD"))
                .get(0)
                .click();
        assertThat(withClass(graph(), "highlighted")).contains("Person:p-gary").doesNotContain("Person:p-dean");

        // then and now: the conference was imported without a snapshot; the chair keeps what the
        // records say of its day, and sees it beside the live network, Dean marked as added; opened
        // with the legend and time bar unfolded over the panels' column, it folds them (walk 26: it
        // opened under them and seemed to do nothing)
        driver.findElement(By.id("meeting-keys")).click();
        var thenNow = renders("then-now");
        driver.findElement(By.id("then-now-button")).click();
        waitRendered("then-now", thenNow);
        assertThat(driver.findElement(By.id("meeting-keys")).getDomAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(js("const r = document.getElementById('then-now-heading').getBoundingClientRect();"
                        + " const top = document.elementFromPoint(r.left + 2, r.top + r.height / 2);"
                        + " return top !== null && document.getElementById('then-now').contains(top);"))
                .as("Then and now in sight, nothing over it")
                .isEqualTo(true);
        assertThat(text("then-now")).contains("the meeting of 2018-07-15 kept no snapshot");
        thenNow = renders("then-now");
        driver.findElement(By.id("take-snapshot")).click();
        waitRendered("then-now", thenNow);
        assertThat(count(
                        "MATCH (s:MeetingSnapshot {meetingId: 'icpc-sara', takenBy: 'meeting-chair'}) RETURN count(s)"))
                .isEqualTo(1);
        assertThat(text("then-now"))
                .contains(
                        "Then (the meeting of 2018-07-15) and now (2018-09-26)",
                        "Added: Dean Hart",
                        "Added: partner of",
                        "Snapshot taken on ",
                        "after the meeting of 2018-07-15: what the records said on ",
                        " about 2018-07-15, not necessarily what the meeting saw.");
        assertThat(text("then-now")).doesNotContain("Removed: Dean Hart");
        var live = graph();
        assertThat(withClass(live, "added")).contains("Person:p-dean");
        assertThat(node(live, "Person:p-dean").get("display").asString()).contains("[NEW]");
        // a relationship new since then says so in words too (walk 56: a green line alone went unexplained),
        // and the key says what green means
        var addedLines = edges(live).stream().filter(e -> hasClass(e, "added")).toList();
        assertThat(addedLines).as("lines new since the meeting").isNotEmpty();
        assertThat(addedLines).allSatisfy(e -> {
            assertThat(e.get("labelText").asString()).isEqualTo("NEW");
            assertThat(e.get("textOpacity").asDouble()).isPositive();
        });
        assertThat(driver.findElement(By.id("meeting-key")).getAttribute("textContent"))
                .contains("green: new since the meeting Then and now compares with");
        screenshot("meeting-then-and-now");
    }

    /** Every person and placeholder of the live graph lies inside the graph's box (rendered pixels). */
    private void assertEveryoneInView(String when) {
        var graph = graph();
        var people = nodes(graph).stream()
                .filter(n ->
                        n.get("visible").asBoolean() && (hasClass(n, "person") || hasClass(n, "restricted-person")))
                .toList();
        assertThat(people).as("people, %s", when).hasSizeGreaterThan(3);
        people.forEach(n -> {
            var box = n.get("labelBox");
            assertThat(box.get("x1").asDouble())
                    .as("%s left, %s", n.get("key"), when)
                    .isGreaterThanOrEqualTo(0.0);
            assertThat(box.get("y1").asDouble())
                    .as("%s top, %s", n.get("key"), when)
                    .isGreaterThanOrEqualTo(0.0);
            assertThat(box.get("x2").asDouble())
                    .as("%s right, %s", n.get("key"), when)
                    .isLessThanOrEqualTo(graph.get("width").asDouble());
            assertThat(box.get("y2").asDouble())
                    .as("%s bottom, %s (graph %s high)", n.get("key"), when, graph.get("height"))
                    .isLessThanOrEqualTo(graph.get("height").asDouble());
        });
    }

    @Test
    void thenAndNowKeepsEveryoneOfTheLiveGraphInViewWhenItOpensAndCloses() throws Exception {
        // it lies above the live graph and shrank its box without fitting it: the family slid ~194 px down
        onScreen(1920, 1080, () -> {
            signIn("meeting-chair");
            open("/?person=p-sara&asOf=" + Scenario.AS_OF);
            enterMeetingMode();
            waitSettled();
            assertEveryoneInView("before Then and now");
            var thenNow = renders("then-now");
            driver.findElement(By.id("then-now-button")).click();
            waitRendered("then-now", thenNow);
            assertEveryoneInView("Then and now open");
            thenNow = renders("then-now");
            driver.findElement(By.id("take-snapshot")).click();
            waitRendered("then-now", thenNow);
            assertThat(text("then-now")).contains("Then (the meeting of 2018-07-15)");
            assertEveryoneInView("Then and now with its snapshot");
            screenshot("meeting-then-and-now-in-view");
            driver.findElement(By.id("then-now-close")).click();
            assertEveryoneInView("Then and now closed");
        });
    }

    @Test
    void thenAndNowListsWhatChangedBesideTheGenogramWhoseNamesStayReadableAcrossTheRoom() throws Exception {
        // it drew the snapshot as a second, tiny network above the live one (the family's names fell
        // from 32 to 10 px), and said "the same people and relationships as then" when Gary had left
        // Sara's home and his partnership with her mother had ended since the meeting
        onScreen(1920, 1080, () -> {
            signIn("meeting-chair");
            open("/?person=p-sara&asOf=2018-07-01");
            showGenogram();
            enterMeetingMode();
            waitSettled();
            var thenNow = renders("then-now");
            driver.findElement(By.id("then-now-button")).click();
            waitRendered("then-now", thenNow);
            thenNow = renders("then-now");
            driver.findElement(By.id("take-snapshot")).click();
            waitRendered("then-now", thenNow);
            var said = text("then-now");
            assertThat(said).contains("Then (the meeting of 2018-06-01) and now (2018-07-01)");
            // every change the records hold from the day after the meeting to the day, in the API's words
            var changes = list(http().graphql(
                            "meeting-chair",
                            "query { familyChanges(personId: \"p-sara\", since: \"2018-06-02\","
                                    + " asOf: \"2018-07-01\") { kind summary } }")
                    .get("data")
                    .get("familyChanges"));
            assertThat(changes).extracting(c -> c.get("kind").asString()).contains("LEFT_HOUSEHOLD", "FLAG_CLEARED");
            changes.forEach(c -> assertThat(said.replace("\n", " "))
                    .as("Then and now says the %s", c.get("kind"))
                    .contains(c.get("summary").asString()));
            assertThat(said)
                    .contains(
                            "What changed from 2018-06-02 to 2018-07-01: " + changes.size(),
                            "Left: 2018-06-20: Gary Nolan left the household at 7 Fictional Terrace",
                            "Flag no longer raised on 2018-07-01 (raised on 2018-06-02)")
                    .doesNotContain("The same people");
            // who left comes before the rest
            assertThat(said.indexOf("Gary Nolan left the household")).isLessThan(said.indexOf("Flag no longer raised"));
            // a flag's change has no day of its own in the answer: its words say the days compared, once
            // (walk 56: "Flag cleared: cleared by 2018-07-01: Flag no longer raised on 2018-07-01 ...")
            assertThat(said).doesNotContain("Flag cleared", "cleared by", "2018-07-01: Flag");
            assertThat(driver.findElements(By.cssSelector("#changes-list .change-FLAG_CLEARED")))
                    .isNotEmpty()
                    .allSatisfy(change -> {
                        assertThat(change.findElements(By.cssSelector(".change-day")))
                                .isEmpty();
                        assertThat(change.getDomProperty("textContent"))
                                .startsWith("Flag no longer raised on 2018-07-01 (raised on 2018-06-02), ");
                    });
            // beside the graph, which keeps its box: every name of the family at 30 px or more
            var sides = (List<?>) js("return [document.getElementById('cy').getBoundingClientRect().right,"
                    + " document.getElementById('then-now').getBoundingClientRect().left]");
            assertThat(((Number) sides.get(1)).doubleValue())
                    .as("Then and now's left edge")
                    .isGreaterThanOrEqualTo(((Number) sides.get(0)).doubleValue());
            var graph = graph();
            var zoom = graph.get("zoom").asDouble();
            var family = nodes(graph).stream()
                    .filter(n ->
                            n.get("visible").asBoolean() && (hasClass(n, "person") || hasClass(n, "restricted-person")))
                    .toList();
            assertThat(family)
                    .hasSizeGreaterThan(4)
                    .allSatisfy(n -> assertThat(n.get("fontSize").asDouble() * zoom)
                            .as("%s's name on screen (px) with Then and now open", n.get("key"))
                            .isGreaterThanOrEqualTo(30.0));
            screenshot("meeting-then-and-now-beside-the-genogram");
        });
    }

    @Test
    void whenTheDayMovesEveryPanelSaysLoadingAtOnceAndReadyOnlyWithTheNewDaysFacts() {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        waitSettled();
        var ids = List.of("cy", "panel-details", "panel-agencies", "meeting-changes", "meeting-overdue", "time-bar");
        // each says which day its facts are of
        ids.forEach(id -> assertThat(js("return document.getElementById(arguments[0]).dataset.asOf", id))
                .as("%s's day", id)
                .isEqualTo(Scenario.AS_OF));
        // at once, in the event that moves the day: none says "ready" with the day before's facts
        var states = (List<?>) js(
                "const input = document.getElementById('asof-date'); input.value = '2018-07-01';"
                        + "input.dispatchEvent(new Event('change'));"
                        + "return arguments[0].map((id) => { const e = document.getElementById(id);"
                        + " return [id, e.dataset.state, e.getAttribute('aria-busy'), e.dataset.asOf || ''].join(' '); });",
                ids);
        assertThat(states.stream().map(String::valueOf).toList())
                .as("the panels as the day moves")
                .allSatisfy(s -> assertThat(s).contains(" loading true "));
        // then each is ready with the new day's facts
        waitFor("%s.every((id) => { const e = document.getElementById(id); return e.dataset.state === 'ready'"
                        .formatted(JsonMapper.shared().writeValueAsString(ids))
                + " && e.dataset.asOf === '2018-07-01'; })");
        assertThat(textOf("changes-heading")).contains("to 2018-07-01");
    }

    /** The involvement matrix's widths: the panel's and the details column's content against their boxes. */
    private void assertMatrixFits(String where) {
        var widths = ((List<?>) js("const p = document.getElementById('panel-agencies');"
                        + "const t = p.querySelector('table.matrix'); const a = document.getElementById('panels');"
                        + "return [p.scrollWidth, p.clientWidth, a.scrollWidth, a.clientWidth,"
                        + " t.getBoundingClientRect().right, p.getBoundingClientRect().right];"))
                .stream().map(v -> ((Number) v).doubleValue()).toList();
        assertThat(widths.get(0)).as("the matrix panel's content, %s", where).isLessThanOrEqualTo(widths.get(1));
        assertThat(widths.get(2)).as("the details column's content, %s", where).isLessThanOrEqualTo(widths.get(3));
        assertThat(widths.get(4)).as("the matrix's right edge, %s", where).isLessThanOrEqualTo(widths.get(5));
        // an agency's initials on one line ("CAMHS", never "CAM" over "HS"): one box each
        var initials = module("""
                return [...document.querySelectorAll('#panel-agencies table.matrix thead abbr')]
                  .map((a) => [a.textContent, a.getClientRects().length]);""");
        assertThat(list(initials))
                .as("the initials heading the matrix, %s", where)
                .isNotEmpty();
        list(initials)
                .forEach(a -> assertThat(a.get(1).asInt())
                        .as("lines of %s, %s", a.get(0).asString(), where)
                        .isEqualTo(1));
    }

    @Test
    void theAgencyMatrixFitsThePanelWithoutScrollingSidewaysAndItsHeadersKeepTheAgenciesFullNames() throws Exception {
        onScreen(1600, 900, () -> {
            signIn("social-worker");
            open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
            showFamilyAgencies();
            assertThat(driver.findElements(By.cssSelector("#panel-agencies table.matrix thead th")))
                    .hasSizeGreaterThanOrEqualTo(7);
            assertMatrixFits("1600x900, Kyle's family");
            // at the panel's default width its words broke letter by letter ("Allocat ed", "(Schoo l")
            assertNoWordBroken("1600x900, Kyle's family");
            assertThat(text("panel-agencies")).contains("last contact");
            // a long name by its initials, the full name in the header's title and aria-label
            var camhs = driver.findElement(
                    By.cssSelector("#panel-agencies th[title='Child and adolescent mental health service']"));
            assertThat(camhs.getDomProperty("textContent")).isEqualTo("CAMHS");
            assertThat(camhs.getDomAttribute("aria-label")).isEqualTo("Child and adolescent mental health service");
            screenshot("agency-matrix-1600");
            // and Sara's family, whose professionals' roles are the longest
            open("/?person=p-sara&asOf=" + Scenario.AS_OF);
            showFamilyAgencies();
            assertMatrixFits("1600x900, Sara's family");
            assertNoWordBroken("1600x900, Sara's family");
        });
        onScreen(1920, 1080, () -> {
            signIn("meeting-chair");
            open("/?person=p-sara&asOf=" + Scenario.AS_OF);
            enterMeetingMode();
            waitSettled();
            assertThat(driver.findElement(By.id("panel-agencies")).isDisplayed())
                    .isTrue();
            assertMatrixFits("meeting mode, Sara's family");
            screenshot("agency-matrix-meeting");
        });
    }

    /** A part of a test that looks at a person's family in meeting mode. */
    @FunctionalInterface
    private interface FamilyPart {
        void run(String person) throws Exception;
    }

    /** Runs a part in meeting mode on the room's screen, for Sara's family and then Kyle's, as the chair. */
    private void inMeetingModeForEachFamily(FamilyPart part) throws Exception {
        onScreen(1920, 1080, () -> {
            signIn("meeting-chair");
            for (var person : List.of("p-sara", "p-kyle")) {
                open("/?person=" + person + "&asOf=" + Scenario.AS_OF);
                enterMeetingMode();
                waitSettled();
                part.run(person);
            }
        });
    }

    /** Each word of the agency matrix's text on one line: the boxes of its characters share one top. */
    private void assertNoWordBroken(String where) {
        var split = module("""
                const split = [];
                const words = document.createTreeWalker(
                  document.querySelector('#panel-agencies table.matrix tbody'), NodeFilter.SHOW_TEXT);
                for (let t = words.nextNode(); t; t = words.nextNode()) {
                  for (const m of t.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(t, m.index);
                    range.setEnd(t, m.index + m[0].length);
                    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                    if (tops.size > 1) { split.push(m[0]); }
                  }
                }
                return split;""");
        assertThat(list(split).stream().map(JsonNode::asString).toList())
                .as("words of the matrix broken across lines, %s", where)
                .isEmpty();
    }

    @Test
    void inMeetingModeTheAgencyMatrixBreaksItsLinesOnlyBetweenWords() throws Exception {
        // its columns in the room's larger type were narrower than their words: "Chri s Mor gan", "Allocat ed"
        inMeetingModeForEachFamily(person -> {
            assertMatrixFits("meeting mode, " + person);
            assertNoWordBroken("meeting mode, " + person);
            assertThat(text("panel-agencies")).contains("last contact");
            screenshot("agency-matrix-meeting-" + person);
        });
    }

    @Test
    void theChangesPanelNeverScrollsSidewaysInMeetingModeOnTheRoomsScreen() throws Exception {
        // Sara's: the longest meeting to choose ("the initial child protection conference of
        // 2018-07-15"); Kyle's: the longest list of changes, with a scrollbar of its own
        inMeetingModeForEachFamily(person -> {
            var widths = ((List<?>) js("const c = document.getElementById('meeting-changes');"
                            + "return [c.scrollWidth, c.clientWidth];"))
                    .stream().map(v -> ((Number) v).intValue()).toList();
            assertThat(widths.get(0))
                    .as("the Changes panel's content against its width, %s", person)
                    .isLessThanOrEqualTo(widths.get(1));
            driver.findElement(By.id("meeting-exit")).click();
        });
    }

    /**
     * The agencies involved with a child's household on a day, as the meeting chair's agency may see them,
     * but for probation (offender management: the chair decides).
     */
    private Set<String> involvedWithTheHousehold(String child, String day) {
        var answer = http().graphql(
                        "meeting-chair",
                        "query($p: ID!, $d: Date) { agencyInvolvement(personId: $p, scope: HOUSEHOLD, asOf: $d) {"
                                + " people { involvements { agency { id } } } } }",
                        Map.of("p", child, "d", day));
        assertThat(answer.get("errors")).as(answer.toString()).isNull();
        var ids = new TreeSet<String>();
        answer.get("data")
                .get("agencyInvolvement")
                .get("people")
                .forEach(p -> p.get("involvements")
                        .forEach(i -> ids.add(i.get("agency").get("id").asString())));
        ids.remove("probation");
        return ids;
    }

    /**
     * Walk 67: on 2018-06-02, Sara's form invited police, her school and social care, and neither the
     * probation service working with her mother's partner, an offender at home, nor health, which the
     * gap rules found missing for her. Every agency involved with her household is invited and says why,
     * but probation, offered with its reason for the chair to tick; of the partnership's three health
     * agencies the chair chooses, each row saying why it is wanted.
     */
    @Test
    void theFormInvitesTheFamilysAgenciesAndSaysWhichKindTheGapRulesWant() {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=2018-06-02");
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        waitForThePartnershipInTheForm();
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) js("return [...document.querySelectorAll('#record-attendance"
                + " .attendance-row')].map((r) => ({ id: r.querySelector('.att-invited').dataset.agency,"
                + " invited: r.querySelector('.att-invited').checked,"
                + " why: (r.querySelector('.why-invited') || { textContent: '' }).textContent }))");
        var invited = rows.stream()
                .filter(r -> Boolean.TRUE.equals(r.get("invited")))
                .map(r -> (String) r.get("id"))
                .toList();
        var involved = involvedWithTheHousehold("p-sara", "2018-06-02");
        assertThat(involved).isNotEmpty();
        assertThat(invited).containsAll(involved);
        // the probation service working with Gary, the offender at home: offered, said, and the chair's to tick
        // (review 85: whoever attended is told to those the meeting's chronology reaches)
        var probation = rows.stream()
                .filter(r -> "probation".equals(r.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(probation.get("invited")).isEqualTo(Boolean.FALSE);
        assertThat((String) probation.get("why"))
                .isEqualTo("(involved with Gary Nolan; offender management: the chair decides)");
        var drawn = nodeKeys(graph());
        rows.stream()
                .filter(r -> involved.contains((String) r.get("id")) && !drawn.contains("Agency:" + r.get("id")))
                .forEach(r -> assertThat((String) r.get("why")).as("%s", r).startsWith("(involved with "));
        // health: a gap for Sara, and the partnership has three: none ticked, each saying so
        var health = rows.stream()
                .filter(r -> List.of("health", "camhs", "csaac").contains((String) r.get("id")))
                .toList();
        assertThat(health).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("invited")).as("%s", r).isEqualTo(Boolean.FALSE);
            assertThat((String) r.get("why"))
                    .as("%s", r)
                    .isEqualTo("(the gap rules expect health for Sara Bell: choose one)");
        });
    }

    /**
     * Walk 70: at two hops Mia, three hops from Sara and a child exposed through her, was in neither the
     * form's About nor an action's For, so an assessment of her could only be recorded as for Sara. The
     * children exposed whom the graph does not reach are offered too, unticked.
     */
    @Test
    void theFormOffersTheChildrenExposedWhomTheGraphDoesNotReach() {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(nodeKeys(graph())).contains("Person:p-jack").doesNotContain("Person:p-mia");
        driver.findElement(By.id("record-button")).click();
        driver.findElement(By.id("record-add-action")).click();
        waitFor("!!document.querySelector(\"#record-concerns .concern[value='p-mia']\")");
        var mia = driver.findElement(By.cssSelector("#record-concerns .concern[value='p-mia']"));
        assertThat(mia.isSelected()).isFalse();
        assertThat(mia.findElement(By.xpath("..")).getText()).isEqualTo("Mia Nolan (not in the graph)");
        // offered once: Jack, drawn, is not offered again
        assertThat(driver.findElements(By.cssSelector("#record-concerns .concern[value='p-jack']")))
                .hasSize(1);
        // in the action added as the form opened, and in one added later
        driver.findElement(By.id("record-add-action")).click();
        for (var action : List.of("#action-for-0", "#action-for-1")) {
            assertThat(driver.findElements(By.cssSelector(action + " .action-for-person[value='p-mia']")))
                    .as(action)
                    .hasSize(1);
        }
    }

    /**
     * Review 84: the referrer was invited only when the child's own panels were the last loaded. On another
     * day, with Tom selected and his panels the last loaded, Kyle's form still invites the school that
     * referred Kyle.
     */
    @Test
    void theFormInvitesTheChildsReferrerWhoeverThePanelsAreOf() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        setAsOf("2018-09-20");
        waitSettled();
        clickNode("Person:p-tom");
        waitFor("document.getElementById('panel-details').textContent.includes('Tom Archer')");
        waitSettled();
        assertThat(nodeKeys(graph())).doesNotContain("Agency:school-b");
        driver.findElement(By.id("record-button")).click();
        waitForThePartnershipInTheForm();
        assertThat(text("record-heading")).isEqualTo("Record this meeting about Kyle Archer");
        var school =
                driver.findElement(By.cssSelector("#record-attendance .attendance-row[aria-label='Minster Academy']"));
        assertThat(school.findElement(By.className("att-invited")).isSelected()).isTrue();
        assertThat(school.findElement(By.className("why-invited")).getText())
                .isEqualTo("(referred Kyle Archer on 3 September 2018)");
        assertThat(school.findElement(By.className("att-invited")).getDomAttribute("aria-describedby"))
                .isEqualTo("att-why-school-b");
        // the invitations follow the day the chair says the meeting was held (they kept the page's day):
        // held before the referral, the school did not refer Kyle in the 30 days up to it
        heldOn("2018-08-20");
        assertThat(whyInvited("Minster Academy")).doesNotStartWith("(referred");
        assertThat(text("record-defaults-note"))
                .isEqualTo("Invitations read again for a meeting held on 2018-08-20; your own ticks are kept.");
        heldOn("2018-09-10");
        assertThat(whyInvited("Minster Academy")).isEqualTo("(referred Kyle Archer on 3 September 2018)");
        var invited = "#record-attendance .attendance-row[aria-label='Minster Academy'] .att-invited";
        assertThat(driver.findElement(By.cssSelector(invited)).isSelected()).isTrue();
        // the chair's own choice stands when the day changes again, and the keyboard stays on it
        driver.findElement(By.cssSelector(invited)).click();
        heldOn("2018-09-12");
        assertThat(driver.findElement(By.cssSelector(invited)).isSelected()).isFalse();
        assertThat(js("return document.activeElement.id")).isEqualTo("att-invited-school-b");
    }

    /** Types the day the meeting was held, as the date field's change does, and waits for the invitations read for it. */
    private void heldOn(String day) {
        var rendered = renders("record-meeting");
        js(
                "const input = document.getElementById('record-held'); input.value = arguments[0];"
                        + "input.dispatchEvent(new Event('change'));",
                day);
        waitRendered("record-meeting", rendered);
    }

    /** Why the form invites an agency, as its row says, or "" when it says nothing. */
    private String whyInvited(String agency) {
        var why = driver.findElements(
                By.cssSelector("#record-attendance .attendance-row[aria-label='" + agency + "'] .why-invited"));
        return why.isEmpty() ? "" : why.get(0).getText();
    }

    /**
     * New-user check 47: the form offered agencies by id ("police", "school-a"), a hard-coded four
     * beside those drawn, and left out Lily's school and probation. Now every agency of the
     * partnership by name: those in Kyle's network (and the chair's own, and the one police agency)
     * invited by default, the rest offered unticked. And the protective marking is on the screen, as on the sign-in page.
     */
    @Test
    void theChairsMeetingFormOffersEveryAgencyOfThePartnershipByName() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        assertThat(driver.findElement(By.id("marking")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("marking")).getText()).isEqualTo("OFFICIAL-SENSITIVE");
        enterMeetingMode();
        assertThat(driver.findElement(By.id("marking")).isDisplayed()).isTrue();
        driver.findElement(By.id("record-button")).click();
        waitForThePartnershipInTheForm();
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>)
                js(
                        "return [...document.querySelectorAll('#record-attendance "
                                + ".attendance-row')].map((r) => ({ name: r.querySelector('span').textContent, "
                                + "invited: r.querySelector('.att-invited').checked, attended: r.querySelector('.att-attended').checked }))");
        var names = rows.stream().map(r -> (String) r.get("name")).toList();
        assertThat(names)
                .contains(
                        "Probation service",
                        "Minster Academy",
                        "Police vulnerability assessment team",
                        "Children's social care (front door)",
                        "Riverside Primary School")
                .doesNotContain("police", "school-a", "health", "csc")
                .doesNotHaveDuplicates()
                .hasSize(10);
        // invited by default: the agencies drawn in Kyle's network and the chair's own
        var byId = Map.of(
                "csc",
                "Children's social care (front door)",
                "police",
                "Police vulnerability assessment team",
                "health",
                "Healthy child service",
                "camhs",
                "Child and adolescent mental health service",
                "csaac",
                "Child sexual abuse assessment centre",
                "yot",
                "Youth offending team",
                "probation",
                "Probation service",
                "school-a",
                "Riverside Primary School",
                "school-b",
                "Minster Academy",
                "isva",
                "Independent sexual violence advisers");
        var expected = new TreeSet<String>();
        expected.add(byId.get("csc"));
        // and the partnership's only police agency, none being drawn: rule 7 wants police at a strategy
        // meeting (walk 65); of its three health agencies, none unless one is drawn
        expected.add(byId.get("police"));
        // and the school whose urgent referral of 2018-09-03 called the meeting, drawn or not (walk 66)
        expected.add(byId.get("school-b"));
        // and every agency involved with Kyle's household on the day, as the chair's agency may see them (walk 67)
        involvedWithTheHousehold("p-kyle", Scenario.AS_OF).forEach(id -> expected.add(byId.get(id)));
        nodeKeys(graph()).stream()
                .filter(k -> k.startsWith("Agency:"))
                .forEach(k -> expected.add(byId.get(k.substring("Agency:".length()))));
        assertThat(rows.stream()
                        .filter(r -> Boolean.TRUE.equals(r.get("invited")))
                        .map(r -> (String) r.get("name")))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSizeLessThan(10);
        // each agency invited though not drawn says why
        assertThat(nodeKeys(graph())).doesNotContain("Agency:school-b", "Agency:police");
        assertThat(driver.findElement(By.cssSelector(
                                "#record-attendance .attendance-row[aria-label='Minster Academy'] .why-invited"))
                        .getText())
                .isEqualTo("(referred Kyle Archer on 3 September 2018)");
        assertThat(driver.findElement(By.cssSelector("#record-attendance .attendance-row[aria-label='Police"
                                + " vulnerability assessment team'] .why-invited"))
                        .getText())
                .isEqualTo("(a strategy meeting needs police and health)");
        assertThat(rows.stream()
                        .filter(r -> Boolean.TRUE.equals(r.get("attended")))
                        .map(r -> (String) r.get("name")))
                .containsExactly("Children's social care (front door)");
        // walk 56: the chair's name is the chair's to write, not the sign-in name
        var chair = driver.findElement(By.id("record-chair"));
        assertThat(chair.getDomProperty("value")).isEmpty();
        assertThat(chair.getDomAttribute("placeholder")).startsWith("Name and role");
        // walk 56: an agency that attended was invited, and one no longer invited did not attend
        var probation = driver.findElement(
                By.cssSelector("#record-attendance .attendance-row[aria-label='Probation service']"));
        var invited = probation.findElement(By.className("att-invited"));
        var attended = probation.findElement(By.className("att-attended"));
        assertThat(invited.isSelected()).as("probation invited at first").isFalse();
        attended.click();
        assertThat(List.of(invited.isSelected(), attended.isSelected())).containsExactly(true, true);
        invited.click();
        assertThat(List.of(invited.isSelected(), attended.isSelected())).containsExactly(false, false);
        // review 71: the chair's name alone is kept when meeting mode is left and the form opened again
        chair.sendKeys("J. Smith, IRO");
        driver.findElement(By.id("meeting-exit")).click();
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        assertThat(driver.findElement(By.id("record-chair")).getDomProperty("value"))
                .isEqualTo("J. Smith, IRO");
    }

    /**
     * Walk 57: what the meeting's form lacked was said on the message line over the graph, away from the
     * form the chair was looking at. Now beside each field: marked invalid, described by the sentence,
     * the keyboard on the first; a refusal of the server that names a field is said beside it too.
     */
    @Test
    void whatTheMeetingsFormLacksIsSaidBesideEachFieldAndTheKeyboardGoesToTheFirst() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        var before = message();
        driver.findElement(By.id("record-add-action")).click();
        driver.findElement(By.id("record-save")).click();
        // the decision first, then the action's what and due day, listed at the top of the form too, the
        // keyboard on the list (GOV.UK's error summary), each entry taking it to its field
        var problems = List.of(
                "record-decision: Choose the meeting’s decision: every strategy meeting ends in one, "
                        + "“no further action” included.",
                "record-reason: Say why the meeting decided what it did.",
                "action-description-0: Say what action 1 is.",
                "action-due-0: Give the day action 1 is due.",
                "action-for-0: Tick whom action 1 is for.");
        assertThat(fieldErrors()).containsExactlyElementsOf(problems);
        assertThat(summary()).containsExactlyElementsOf(problems);
        assertThat(js("return document.activeElement.id")).isEqualTo("record-problems");
        assertThat(driver.findElement(By.id("record-decision")).getDomAttribute("aria-describedby"))
                .isEqualTo("record-decision-error");
        driver.findElement(By.cssSelector("#record-problems a[href='#action-due-0']"))
                .click();
        assertThat(js("return document.activeElement.id")).isEqualTo("action-due-0");
        assertThat(driver.getCurrentUrl()).doesNotContain("#action-due-0");
        assertThat(message()).as("nothing said over the graph").isEqualTo(before);
        // an action removed (walk 59: only discarding the whole meeting took one away): the one after it
        // takes its place and number, and what was said of the one removed goes
        driver.findElement(By.id("record-add-action")).click();
        driver.findElement(By.id("action-description-1")).sendKeys("Health assessment of Lily");
        driver.findElement(By.cssSelector("#action-for-1 .action-for-person[value='p-lily']"))
                .click();
        driver.findElement(By.cssSelector("#record-actions .action-row:first-child .remove-action"))
                .click();
        assertThat(js("return [...document.querySelectorAll('#record-actions .action-row')].map((r) =>"
                        + " r.querySelector('legend').textContent + ': ' + document.getElementById('action-description-0').value"
                        + " + ' / ' + r.querySelector('.remove-action').textContent)"))
                .isEqualTo(List.of("Action 1: Health assessment of Lily / Remove action 1"));
        assertThat(js("return document.activeElement.id")).isEqualTo("action-description-0");
        assertThat(fieldErrors()).containsExactlyElementsOf(problems.subList(0, 2));
        assertThat(summary()).containsExactlyElementsOf(problems.subList(0, 2));
        // each sentence goes once its field is written; the reason, still to be written, is asked for in
        // the decision's words (review 75: it went with the decision, and came back one Save later)
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("SECTION_47_ENQUIRY");
        js("document.getElementById('action-due-0').value = '2018-10-05';"
                + "document.getElementById('action-due-0').dispatchEvent(new Event('change'));"
                + "document.getElementById('record-next').value = '2018-09-01'");
        var reason = "record-reason: Say why the meeting decided “section 47 enquiry”.";
        assertThat(fieldErrors()).containsExactly(reason);
        assertThat(summary())
                .as("each entry gone with its sentence, or said again")
                .containsExactly(reason);
        assertThat(driver.findElement(By.id("record-decision")).getDomAttribute("aria-invalid"))
                .isNull();
        driver.findElement(By.id("record-save")).click();
        assertThat(fieldErrors())
                .containsExactly(
                        "record-reason: Say why the meeting decided “section 47 enquiry”.",
                        "record-next: The next meeting must be after this one, held on " + Scenario.AS_OF + ".");
        assertThat(js("return document.activeElement.id")).isEqualTo("record-problems");
        // a day held after it takes the next meeting's sentence away (Save checks it again)
        js("document.getElementById('record-held').value = '2018-08-20';"
                + "document.getElementById('record-held').dispatchEvent(new Event('change'))");
        assertThat(fieldErrors()).containsExactly("record-reason: Say why the meeting decided “section 47 enquiry”.");
        // a meeting is recorded once held (walk 69: one dated the end of the month was saved)
        var later = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .plusDays(2)
                .toString();
        js(
                "document.getElementById('record-held').value = arguments[0];"
                        + "document.getElementById('record-held').dispatchEvent(new Event('change'))",
                later);
        driver.findElement(By.id("record-save")).click();
        assertThat(fieldErrors())
                .contains("record-held: " + later + " is after today: record the meeting once it has been held.");
        // Enter in the day's field ends the typing; it does not save (walk 69: it said the meeting was not saved)
        driver.findElement(By.id("record-held")).sendKeys(Keys.ENTER);
        assertThat(js("return document.activeElement.id")).isEqualTo("record-held");
        js("document.getElementById('record-held').value = '" + Scenario.AS_OF + "';"
                + "document.getElementById('record-held').dispatchEvent(new Event('change'))");
        // and another decision says the reason's in its words (review 74: it named the decision of before)
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("CHILD_IN_NEED");
        assertThat(fieldErrors()).containsExactly("record-reason: Say why the meeting decided “child in need”.");
        assertThat(summary()).isEqualTo(fieldErrors());
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("SECTION_47_ENQUIRY");
        assertThat(count("MATCH (m:Meeting {recordedVia: 'API'}) RETURN count(m)"))
                .isZero();
        // the server's refusal of a field said beside it (a chair's name longer than the field lets a
        // person type, as an integration could send it)
        driver.findElement(By.id("record-reason")).sendKeys("Kyle's disclosure at school");
        js("document.getElementById('record-next').value = '2018-10-10';"
                + "document.getElementById('record-chair').value = 'A'.repeat(201)");
        // the chair's agency alone attended: rule 7's question first, beside the attendance; ticking
        // goes back on it, and with the ticks as they were it is asked again (review 73: not asked again)
        waitForThePartnershipInTheForm();
        driver.findElement(By.id("record-save")).click();
        waitFor("document.getElementById('record-attendance-note').textContent.includes('rule 7')");
        // Save says what it now does (walk 59: the question was easy to miss)
        waitFor("document.getElementById('record-save').textContent === 'Save as it is (raises rule 7’s flag)'");
        var ticks = "return [...document.querySelectorAll('#record-attendance input')].map((b) => b.checked).join()";
        var asked = js(ticks);
        var police = driver.findElement(By.id("att-invited-police"));
        police.click();
        assertThat(textOf("record-attendance-note")).isEmpty();
        assertThat(driver.findElement(By.id("record-save")).getText()).isEqualTo("Save the meeting");
        police.click();
        assertThat(js(ticks)).as("the ticks as they were when asked").isEqualTo(asked);
        driver.findElement(By.id("record-save")).click();
        waitFor("document.getElementById('record-attendance-note').textContent.includes('rule 7')");
        assertThat(count("MATCH (m:Meeting {recordedVia: 'API'}) RETURN count(m)"))
                .isZero();
        // (police and health ticked as attended: no question)
        js("['police', 'health'].forEach((a) => document.getElementById(`att-attended-${a}`).click())");
        var saved = renders("record-meeting");
        driver.findElement(By.id("record-save")).click();
        waitRendered("record-meeting", saved);
        assertThat(fieldErrors())
                .singleElement()
                .asString()
                .startsWith("record-chair: ")
                .contains("200");
        assertThat(summary()).isEqualTo(fieldErrors());
        assertThat(js("return document.activeElement.id")).isEqualTo("record-problems");
        assertThat(count("MATCH (m:Meeting {recordedVia: 'API'}) RETURN count(m)"))
                .isZero();
        // written as it should be, it is saved, and nothing is said beside any field
        js("document.getElementById('record-chair').value = 'A. Chair, IRO';"
                + "document.getElementById('record-chair').dispatchEvent(new Event('input'))");
        // (an action due before the meeting that agrees it is not, walk 59)
        js("document.getElementById('action-due-0').value = '2018-09-01'");
        driver.findElement(By.id("record-save")).click();
        assertThat(fieldErrors())
                .containsExactly("action-due-0: Action 1 is due before the meeting that agrees it, held on "
                        + Scenario.AS_OF + ".");
        js("document.getElementById('action-due-0').value = '2018-10-05'");
        saved = renders("record-meeting");
        driver.findElement(By.id("record-save")).click();
        waitRendered("record-meeting", saved);
        waitFor("document.getElementById('message').textContent.includes('is recorded')");
        assertThat(message()).doesNotContain("rule 7");
        // the keyboard back on the button that opened the form (walk 59: lost with the form)
        assertThat(js("return document.activeElement.id")).isEqualTo("record-button");
        assertThat(fieldErrors()).isEmpty();
        assertThat(count(
                        "MATCH (m:Meeting {recordedVia: 'API', chair: 'A. Chair, IRO', decision: 'SECTION_47_ENQUIRY'}) "
                                + "RETURN count(m)"))
                .isEqualTo(1);

        // a second strategy meeting about Kyle on that day is asked about once, beside the day held (walk 61:
        // three about Sara on one day were saved without a word), and a second Save records it
        writeAMeeting("B. Second, IRO");
        driver.findElement(By.id("record-save")).click();
        waitFor("document.getElementById('record-held-note').textContent.includes('already recorded')");
        assertThat(textOf("record-held-note"))
                .isEqualTo("A strategy meeting about Kyle Archer held on " + Scenario.AS_OF
                        + " is already recorded: press Save again to record another one.");
        var second = "MATCH (m:Meeting {chair: 'B. Second, IRO'}) RETURN count(m)";
        assertThat(count(second)).isZero();
        var again = renders("record-meeting");
        driver.findElement(By.id("record-save")).click();
        waitRendered("record-meeting", again);
        waitFor("document.getElementById('record-meeting').hidden");
        assertThat(count(second)).isEqualTo(1);
    }

    /**
     * The partnership's agencies come once loaded: waits for the meeting's form to say it is drawn with
     * them (probation, which Kyle's network does not draw).
     */
    private void waitForThePartnershipInTheForm() {
        waitFor("document.getElementById('record-meeting').dataset.state === 'ready'"
                + " && document.getElementById('record-meeting').textContent.includes('Probation service')");
    }

    /** The entries of the meeting form's error summary, as "field id: sentence". */
    @SuppressWarnings("unchecked")
    private List<String> summary() {
        return (List<String>) js("return [...document.querySelectorAll('#record-problems li a')]"
                + ".map((a) => `${a.getAttribute('href').substring(1)}: ${a.textContent}`)");
    }

    /**
     * Review 74: a practitioner may record only their own agency's attendance (DESIGN §7), so a meeting
     * they recorded read as held without police or health and raised rule 7's HIGH flag. The meeting is
     * recorded by its chair; a practitioner's button is marked unavailable and, pressed, says why.
     */
    @Test
    void theMeetingIsRecordedByItsChairAndAPractitionersToolbarSaysSo() {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        // offered, so that the keyboard reaches it and hears why (review 75), but it opens no form
        var button = driver.findElement(By.id("record-button"));
        assertThat(button.isDisplayed()).isTrue();
        assertThat(button.getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(button.getDomAttribute("aria-describedby")).isEqualTo("record-by-chair");
        var why = "Recording a meeting needs the meeting chair's role: it records every agency's attendance";
        assertThat(driver.findElement(By.id("record-by-chair")).getText()).isEqualTo(why);
        button.click();
        assertThat(driver.findElement(By.id("record-meeting")).isDisplayed()).isFalse();
        assertThat(messageSentence()).isEqualTo(why);
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(driver.findElement(By.id("record-button")).getDomAttribute("aria-disabled"))
                .isNull();
        assertThat(driver.findElement(By.id("record-by-chair")).isDisplayed()).isFalse();
    }

    /** Each sentence said beside a field of the meeting's form, as "field id: sentence", in the form's order. */
    @SuppressWarnings("unchecked")
    private List<String> fieldErrors() {
        return (List<String>) js("return [...document.querySelectorAll('#record-form [aria-invalid=\"true\"]')]"
                + ".map((f) => `${f.id}: ${document.getElementById(f.id + '-error').textContent}`)");
    }

    /**
     * Walk 57: a reload (F5 on the shared screen) emptied a half-written meeting without a word. The page
     * now asks first while the form holds the chair's words, open or folded, and not once they are saved
     * or discarded. (The browser's own question cannot be seen here: ChromeDriver accepts it on every
     * navigation; the page's answer to the event is what decides whether it is asked.)
     */
    @Test
    void aReloadAsksFirstWhileTheMeetingsFormHoldsTheChairsWordsAndNotOnceTheyAreDiscarded() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        assertThat(asksBeforeLeaving()).as("an empty form").isFalse();
        driver.findElement(By.id("record-reason")).sendKeys("Kyle's disclosure at school");
        assertThat(asksBeforeLeaving()).as("the reason written").isTrue();
        // folded away with meeting mode left, it is still the chair's
        driver.findElement(By.id("meeting-exit")).click();
        assertThat(driver.findElement(By.id("record-meeting")).isDisplayed()).isFalse();
        assertThat(asksBeforeLeaving()).as("folded with meeting mode left").isTrue();
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        assertThat(driver.findElement(By.id("record-reason")).getDomProperty("value"))
                .isEqualTo("Kyle's disclosure at school");
        // discarded: nothing to lose
        driver.findElement(By.id("record-cancel")).click();
        driver.findElement(By.id("record-cancel")).click();
        assertThat(driver.findElement(By.id("record-meeting")).isDisplayed()).isFalse();
        assertThat(asksBeforeLeaving()).as("discarded").isFalse();
        driver.navigate().refresh();
        waitStarted();
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(true);
    }

    /**
     * Walk 59: a session that ended with the chair's words in the meeting's form took the page to the
     * sign-in, and signing in meant losing them. The page and the words now stay; the form says so,
     * with a link that signs in again in a new tab, and Save then records the meeting in the name of the
     * chair who wrote it only.
     */
    @Test
    void aSessionThatEndsWhileTheMeetingIsWrittenKeepsTheWordsAndSavesThemOnceTheChairIsSignedInAgain() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        writeAMeeting("S. Ended, IRO");
        var address = driver.getCurrentUrl();
        var meetings = "MATCH (m:Meeting {chair: 'S. Ended, IRO'}) RETURN count(m)";

        // the session ends (as after half an hour without a request): Save keeps the page and the words,
        // and the family is hidden from the room's screen until the chair is signed in again
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.findElement(By.id("record-save")).click();
        waitFor("!document.getElementById('record-session').hidden");
        assertThat(text("record-session"))
                .isEqualTo("Your session has ended. What you wrote is kept in this form, out of sight until you are"
                        + " signed in again: sign in again in a new tab, then press Save here.");
        assertThat(message()).contains("Your session has ended. What you wrote is kept on this page");
        assertThat(driver.getCurrentUrl()).isEqualTo(address);
        assertThat(driver.findElement(By.id("record-reason")).getDomProperty("value"))
                .isEqualTo("Kyle's disclosure at school");
        assertThat(familyHidden()).isTrue();
        // the form's words too: the children it names and the reason are off the room's screen
        assertThat(driver.findElement(By.id("record-reason")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("record-save")).isDisplayed()).isTrue();
        assertThat(count(meetings)).isZero();

        // someone else signs in, in the new tab: Save does not record the chair's meeting in their name
        var room = driver.getWindowHandle();
        driver.findElement(By.id("record-sign-in")).click();
        var tab = otherTab(room);
        // the sign-in says what it is for, and signed in, the tab says whom the meeting waits for (walk 61:
        // it opened an empty explorer and said nothing of the meeting)
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(text("session-ended"))
                .isEqualTo("Your session has ended. Sign in again to go on with the meeting you were writing.");
        signInHere("social-worker");
        assertThat(driver.getCurrentUrl()).contains("/signed-in.html");
        assertThat(text("signed-in-text"))
                .isEqualTo("You are signed in as social-worker, and the meeting was written by meeting-chair: only"
                        + " meeting-chair can save it. Sign out, then sign in as meeting-chair.");
        assertThat(driver.findElement(By.id("signed-in-sign-out")).isDisplayed())
                .isTrue();
        driver.switchTo().window(room);
        driver.findElement(By.id("record-save")).click();
        waitForTheFormToSay(SOCIAL_WORKER_SIGNED_IN);
        assertThat(count(meetings)).isZero();

        // the chair signs in again there (Sign out is one press, walk 70: a link to /logout asked again):
        // Save records the meeting, the form says nothing more of it, and the family is shown again
        driver.switchTo().window(tab);
        driver.findElement(By.id("signed-in-sign-out")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login?logout"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("You have signed out");
        signInHere("meeting-chair");
        driver.get(url("/signed-in.html?for=meeting-chair"));
        waitStarted();
        assertThat(text("signed-in-text"))
                .isEqualTo("You are signed in again as meeting-chair. Go back to the tab of the meeting you were"
                        + " writing and press Save there; you can close this tab.");
        driver.switchTo().window(room);
        var recorded = renders("record-meeting");
        driver.findElement(By.id("record-save")).click();
        waitRendered("record-meeting", recorded);
        waitFor("document.getElementById('record-meeting').hidden");
        assertThat(count(meetings)).isEqualTo(1);
        assertThat(driver.findElement(By.id("record-session")).isDisplayed()).isFalse();
        assertThat(familyHidden()).isFalse();
        assertThat(asksBeforeLeaving()).as("nothing left to lose").isFalse();

        // review 76: another user signs in in the other tab with no request of this page in between; the
        // server refuses the page's Save in their name, and the form says someone else is signed in
        writeAMeeting("T. Other, IRO");
        driver.switchTo().window(tab);
        driver.manage().deleteCookieNamed("JSESSIONID");
        signInHere("social-worker");
        driver.close();
        driver.switchTo().window(room);
        driver.findElement(By.id("record-save")).click();
        waitForTheFormToSay(SOCIAL_WORKER_SIGNED_IN);
        assertThat(familyHidden()).isTrue();
        // (the page's first request at Save, the check for a meeting already held that day, was refused:
        // AuthenticationIT proves a refused request reads and writes nothing in social-worker's name)
        assertThat(count("MATCH (m:Meeting {chair: 'T. Other, IRO'}) RETURN count(m)"))
                .isZero();
        // the chair discards the meeting: nothing is kept, so the page is left (the family stayed hidden,
        // with the only word of why gone with the form: review 77)
        driver.findElement(By.id("record-cancel")).click();
        driver.findElement(By.id("record-cancel")).click();
        // (not handed to them unasked: the sign-in page says who is signed in, with Sign out; review 78)
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(text("signed-in-as")).contains("You are signed in as social-worker on this browser");
    }

    /**
     * Review 80: with the session ended the form's fields are out of sight; Save after signing in again
     * said what they lacked inside the hidden form, and nothing showed it. They are shown first.
     */
    @Test
    void whatTheFormLacksIsSaidOnceTheWriterIsSignedInAgainNotInsideTheHiddenForm() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        writeAMeeting("S. Lacking, IRO");
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.findElement(By.id("record-save")).click();
        waitFor("!document.getElementById('record-session').hidden");
        assertThat(driver.findElement(By.id("record-reason")).isDisplayed()).isFalse();
        // the reason lacks (as when the session's end was found while the chair was still writing)
        js("const r = document.getElementById('record-reason'); r.value = '';"
                + " r.dispatchEvent(new Event('input', { bubbles: true }));");
        var room = driver.getWindowHandle();
        driver.findElement(By.id("record-sign-in")).click();
        otherTab(room);
        signInHere("meeting-chair");
        driver.close();
        driver.switchTo().window(room);
        driver.findElement(By.id("record-save")).click();
        waitFor("!document.getElementById('record-problems').hidden");
        assertThat(driver.findElement(By.id("record-reason")).isDisplayed()).isTrue();
        assertThat(familyHidden()).isFalse();
        assertThat(text("record-problems")).contains("Say why the meeting decided");
        assertThat(js("return document.activeElement.id")).isEqualTo("record-problems");
    }

    /**
     * Walk 60: a session that ended with nothing written sent the page to the sign-in and, signed in
     * again, to an empty explorer: the child, the day and meeting mode were gone. The sign-in page now
     * says why, and the same user comes back to the page as it was; someone else signing in on that
     * computer opens nobody.
     */
    @Test
    void aSessionThatEndsWithNothingWrittenComesBackToThePageAfterTheSignInForTheSameUserOnly() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        driver.manage().deleteCookieNamed("JSESSIONID");
        js("const f = document.getElementById('asof-date'); f.value = '2018-09-20';"
                + " f.dispatchEvent(new Event('change'));");
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(text("session-ended"))
                .isEqualTo("Your session has ended. Sign in again to go back to where you were.");
        assertThat(driver.findElement(By.id("username")).getDomAttribute("aria-describedby"))
                .isEqualTo("session-ended");
        driver.findElement(By.name("username")).sendKeys("meeting-chair");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitStarted();
        waitSettled();
        assertThat(selected()).isEqualTo("Person:p-kyle");
        assertThat(js("return document.getElementById('cy').dataset.asOf")).isEqualTo("2018-09-20");
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(true);
        assertThat(message())
                .contains("Your session had ended: signed in again, you are back on the page you were on.");
        assertThat(driver.getCurrentUrl()).doesNotContain("session=", "for=").contains("person=p-kyle");

        // the session ends again, and someone else signs in on this computer: nobody is opened for them
        driver.manage().deleteCookieNamed("JSESSIONID");
        js("const f = document.getElementById('asof-date'); f.value = '2018-09-21';"
                + " f.dispatchEvent(new Event('change'));");
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.name("username")).sendKeys("social-worker");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitStarted();
        assertThat(js("return document.getElementById('cy').dataset.selected || ''"))
                .isEqualTo("");
        assertThat(message()).contains("The page you signed in to was another user’s, whose session had ended");
        assertThat(driver.getCurrentUrl()).doesNotContain("person=", "for=");
    }

    private static final String SOCIAL_WORKER_SIGNED_IN = "You are signed in as social-worker now, and this meeting"
            + " was written by meeting-chair: nothing is saved yet, and it can be saved in meeting-chair’s name only."
            + " Sign out in the other tab, then sign in as meeting-chair in a new tab, then press Save here.";

    /** Waits until the form says what the session's end is, in these words (any request may have said it first). */
    private void waitForTheFormToSay(String words) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the form to say: " + words + "; it says: " + text("record-session"))
                .until(d -> words.equals(text("record-session")));
    }

    /** Opens the meeting's form and writes a meeting that police and health attended, with the chair's name. */
    private void writeAMeeting(String chair) {
        driver.findElement(By.id("record-button")).click();
        waitForThePartnershipInTheForm();
        driver.findElement(By.id("record-chair")).sendKeys(chair);
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("SECTION_47_ENQUIRY");
        driver.findElement(By.id("record-reason")).sendKeys("Kyle's disclosure at school");
        js("for (const id of ['police', 'health']) {"
                + " const box = document.querySelector(`#record-attendance .att-attended[data-agency=\"${id}\"]`);"
                + " if (!box.checked) { box.click(); } }");
    }

    /** Whether the family's graph and panels are hidden from the screen (a session that ended). */
    private boolean familyHidden() {
        return Boolean.TRUE.equals(js("return ['cy', 'panels'].every((id) =>"
                + " getComputedStyle(document.getElementById(id)).visibility === 'hidden')"));
    }

    /** Whether the page asks before it is left: its answer to the browser's beforeunload event. */
    private boolean asksBeforeLeaving() {
        return Boolean.TRUE.equals(js("const e = new Event('beforeunload', { cancelable: true });"
                + " window.dispatchEvent(e); return e.defaultPrevented"));
    }

    /**
     * Walk 56: a reload in the middle of a meeting (F5 on the shared screen) left meeting mode; the
     * chair had to find it again with the room watching. The address now says so, and a reload stays.
     */
    @Test
    void aReloadInTheMiddleOfAMeetingStaysInMeetingMode() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(driver.getCurrentUrl()).contains("person=p-kyle", "mode=meeting");
        driver.navigate().refresh();
        waitStarted();
        waitSettled();
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(true);
        assertThat(driver.findElement(By.id("meeting-exit")).isDisplayed()).isTrue();
        assertThat(textOf("changes-heading")).contains("2018-09-26");
        assertThat(driver.getCurrentUrl()).contains("person=p-kyle", "mode=meeting");
        driver.findElement(By.id("meeting-exit")).click();
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(false);
        assertThat(driver.getCurrentUrl()).contains("person=p-kyle").doesNotContain("mode=meeting");
        driver.navigate().refresh();
        waitStarted();
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(false);
    }

    @Test
    void inMeetingModeTheChairReachesAChildThreeStepsAwayAndNamesHerInAnAction() {
        // walk 61: the sidebar's depth is hidden in meeting mode, and Mia, three steps from Sara, could not
        // be drawn, so no action could be for her
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        assertThat(nodeKeys(graph())).doesNotContain("Person:p-mia");
        assertThat(driver.findElement(By.id("depth-select")).isDisplayed()).isFalse();
        var rendered = renders("cy");
        new Select(driver.findElement(By.id("meeting-depth"))).selectByValue("3");
        waitRendered("cy", rendered);
        waitSettled();
        assertThat(nodeKeys(graph())).contains("Person:p-mia");
        assertThat(driver.getCurrentUrl()).contains("depth=3").contains("mode=meeting");
        driver.findElement(By.id("record-button")).click();
        driver.findElement(By.id("record-add-action")).click();
        assertThat(driver.findElements(By.cssSelector("#action-for-0 .action-for-person[value='p-mia']")))
                .hasSize(1);
        driver.findElement(By.id("record-cancel")).click();
        if (driver.findElement(By.id("record-meeting")).isDisplayed()) {
            // (the empty action asks first: "Discard what is written")
            driver.findElement(By.id("record-cancel")).click();
        }
        waitFor("document.getElementById('record-meeting').hidden");
        // one depth: the sidebar's says the same once meeting mode is left
        driver.findElement(By.id("meeting-exit")).click();
        waitFor("!document.body.classList.contains('meeting')");
        assertThat(new Select(driver.findElement(By.id("depth-select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("3 hops");
    }

    @Test
    void theChairRecordsTheMeetingLiveAndPrintsThePackWithTheMarkingOnEveryPage() throws Exception {
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        // the chair's tools stay in meeting mode, in a toolbar
        assertThat(driver.findElement(By.id("meeting-toolbar")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("meeting-print")).isDisplayed()).isTrue();
        // the form opens over the panels' column, folding the legend and time bar that lay there: the
        // graph keeps its box (walk 26: the form above it took all its height at 1600x900)
        driver.findElement(By.id("meeting-keys")).click();
        var box = "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return [r.left, r.top, r.right, r.bottom].map(Math.round).join(' ');";
        var graphBox = js(box, "cy");
        driver.findElement(By.id("record-button")).click();
        assertThat(driver.findElement(By.id("meeting-keys")).getDomAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(js(box, "cy")).as("the graph's box with the form open").isEqualTo(graphBox);
        var graphRight = Double.parseDouble(((String) graphBox).split(" ")[2]);
        assertThat(((Number) js("return document.getElementById('record-meeting').getBoundingClientRect().left"))
                        .doubleValue())
                .as("the form beside the graph")
                .isGreaterThanOrEqualTo(graphRight);
        var chair = driver.findElement(By.id("record-chair"));
        chair.clear();
        chair.sendKeys("A. Chair");
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("CHILD_PROTECTION_PLAN");
        driver.findElement(By.id("record-reason")).sendKeys("Both children remain at risk of sexual harm");
        driver.findElement(By.id("record-add-action")).click();
        driver.findElement(By.id("action-description-0")).sendKeys("Review contact arrangements");
        js("document.getElementById('action-due-0').value = '2018-10-05';"
                + "document.getElementById('record-next').value = '2018-12-14'");
        // whom it is for: a box per person, Sara first and none ticked (walk 59: a list that took Ctrl and a
        // click for a second child; walk 60: Sara ticked for every action); none ticked is said inside the
        // group, and a click adds Jack
        var forSara = driver.findElement(By.cssSelector("#action-for-0 .action-for-person[value='p-sara']"));
        assertThat(driver.findElement(By.cssSelector("#action-for-0 .action-for-person"))
                        .getDomAttribute("value"))
                .isEqualTo("p-sara");
        assertThat(driver.findElements(By.cssSelector("#action-for-0 .action-for-person:checked")))
                .isEmpty();
        driver.findElement(By.id("record-save")).click();
        assertThat(fieldErrors()).contains("action-for-0: Tick whom action 1 is for.");
        driver.findElement(By.cssSelector("#record-problems a[href='#action-for-0']"))
                .click();
        assertThat(js("return document.activeElement.id")).isEqualTo("action-for-0");
        forSara.click();
        assertThat(fieldErrors()).doesNotContain("action-for-0: Tick whom action 1 is for.");
        driver.findElement(By.cssSelector("#action-for-0 .action-for-person[value='p-jack']"))
                .click();
        // the last field reached from the top of the form lies clear of the sticky Save bar (walk 26:
        // Next meeting half under it)
        js("document.getElementById('record-fields').scrollTop = 0; document.getElementById('record-next').focus()");
        assertThat(((Number) js("return document.getElementById('record-next').getBoundingClientRect().bottom"
                                + " - document.querySelector('#record-meeting .buttons').getBoundingClientRect().top"))
                        .doubleValue())
                .as("Next meeting's bottom below the top of the Save bar (px)")
                .isLessThanOrEqualTo(0);
        // police and health attended (else the form first says the meeting will raise rule 7's flag)
        waitFor("document.querySelector('#record-attendance .att-attended[data-agency=\"police\"]') !== null"
                + " && document.querySelector('#record-attendance .att-attended[data-agency=\"health\"]') !== null");
        js("for (const id of ['police', 'health']) {"
                + " const box = document.querySelector(`#record-attendance .att-attended[data-agency=\"${id}\"]`);"
                + " if (!box.checked) { box.click(); } }");
        var recorded = renders("record-meeting");
        // new-user check 50: a second click while it saved recorded the meeting twice
        js("const save = document.getElementById('record-save'); save.click(); save.click();");
        waitRendered("record-meeting", recorded);
        // the chronology says so at once (it did after a reload only)
        waitFor("document.getElementById('panel-chronology').textContent.includes('Review contact arrangements')");
        assertThat(count("MATCH (m:Meeting {chair: 'A. Chair', decision: 'CHILD_PROTECTION_PLAN', recordedVia: 'API', "
                        + "nextMeetingOn: date('2018-12-14')})-[:AGREED]->(:Action {description: 'Review contact arrangements'}) "
                        + "RETURN count(m)"))
                .isEqualTo(1);
        assertThat(count("MATCH (s:MeetingSnapshot)-[:OF]->(:Meeting {chair: 'A. Chair'}) RETURN count(s)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Meeting {chair: 'A. Chair'})-[:AGREED]->(:Action {description: 'Review contact "
                        + "arrangements'})-[:FOR]->(p:Person) WHERE p.id IN ['p-sara', 'p-jack'] RETURN count(p)"))
                .as("the action is for Sara and Jack")
                .isEqualTo(2);

        // the pack: recorded as an export first, then printed (the print dialog replaced by a counter that
        // keeps the page as it was while print() ran: the pack's class and page stamp, gone once it returns)
        js(
                "window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed || 0) + 1);"
                        + " window.asPrinted = { pack: document.body.classList.contains('printing-pack'),"
                        + " stamp: document.getElementById('print-pages') && document.getElementById('print-pages').textContent }; }");
        var pack = renders("print-title");
        driver.findElement(By.id("meeting-print")).click();
        waitRendered("print-title", pack);
        assertThat(js("return document.body.dataset.printed")).isEqualTo("1");
        assertThat(count(
                        "MATCH (a:AuditEvent {operation: 'export:PRINT_PACK', subjectId: 'p-sara', user: 'meeting-chair'}) "
                                + "RETURN count(a)"))
                .isEqualTo(1);
        assertThat(textOf("print-title"))
                .contains(
                        "Meeting pack: Sara Bell",
                        "strategy meeting of 2018-09-26",
                        "chair A. Chair",
                        "attended by Police vulnerability assessment team, Healthy child service, Children's social care (front door)");
        assertThat(textOf("print-meeting"))
                .contains(
                        "Decision: child protection plan. Reason: Both children remain at risk",
                        "Review contact arrangements (owner: Children's social care (front door); for: Sara Bell, Jack Bell; due 2018-10-05)",
                        "Next meeting: 2018-12-14");
        // as printed: the changes in, no controls (the page put back as it was while print() ran)
        assertThat(js("return window.asPrinted.pack && !!window.asPrinted.stamp"))
                .isEqualTo(true);
        assertThat(js("return document.body.classList.contains('printing-pack')"))
                .isEqualTo(false);
        js(
                "document.body.classList.add('printing-pack'); const stamp = document.createElement('style');"
                        + " stamp.id = 'print-pages'; stamp.textContent = window.asPrinted.stamp; document.head.append(stamp);");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(computed("#print-title", "display")).isEqualTo("block");
            assertThat(computed("#meeting-changes", "display")).isEqualTo("block");
            assertThat(computed("#print-meeting", "display")).isEqualTo("block");
            for (var control : List.of("#meeting-toolbar", "#changes-since", "#meeting-print", "#record-meeting")) {
                assertThat(computed(control, "display")).as(control).isEqualTo("none");
            }
            assertThat(controlsOnPaper()).isZero();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        screenshot("meeting-recorded");
        assertPackPagesStamped();
    }

    @Test
    void aMeetingRecordedForOneChildIsNeitherSavedNorPrintedAsAnotherChildsOpenedSince() {
        // Sara's conference recorded, Kyle opened from the work queues without leaving meeting mode:
        // Kyle's pack printed "strategy meeting of 2018-09-26; chair ..." and Sara's decision; and a
        // record form opened for Sara and saved after Kyle was opened became a meeting about Kyle
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        driver.findElement(By.id("record-button")).click();
        assertThat(textOf("record-heading")).isEqualTo("Record this meeting about Sara Bell");
        new Select(driver.findElement(By.id("record-decision"))).selectByValue("CHILD_PROTECTION_PLAN");
        driver.findElement(By.id("record-reason")).sendKeys("Both children remain at risk of sexual harm");

        // Kyle opened from the triage queue while the form is open: it stays Sara's
        var work = renders("work");
        driver.findElement(By.id("work-button")).click();
        waitRendered("work", work);
        var details = renders("panel-details");
        driver.findElement(By.xpath("//*[@id='panel-triage']//tr[contains(., 'Kyle Archer')]"))
                .click();
        waitRendered("panel-details", details);
        waitSettled();
        assertThat(textOf("panel-details")).contains("Kyle Archer");
        assertThat(textOf("record-heading")).isEqualTo("Record this meeting about Sara Bell");
        // an action added now is offered for Sara's family, Sara chosen, not Kyle's
        driver.findElement(By.id("record-add-action")).click();
        driver.findElement(By.id("action-description-0")).sendKeys("Review contact arrangements");
        js("document.getElementById('action-due-0').value = '2018-10-05'");
        assertThat(textOf("action-for-0")).contains("Sara Bell").doesNotContain("Kyle Archer");
        driver.findElement(By.cssSelector("#action-for-0 .action-for-person[value='p-sara']"))
                .click();
        // the chair's own attendance only: the form says first that the meeting will raise rule 7's flag
        // (new-user check 50: it did so unannounced), and a second Save records it as it is
        driver.findElement(By.id("record-save")).click();
        // said beside the attendance, where the chair ticks who came (walk 57: on the message line over the graph)
        waitFor("document.getElementById('record-attendance-note').textContent.includes('rule 7')");
        assertThat(textOf("record-attendance-note"))
                .contains("so this meeting will raise a risk flag (rule 7: a strategy meeting without police "
                        + "or health). Tick who attended, or choose “Save as it is (raises rule 7’s flag)” to record "
                        + "it as it is.");
        assertThat(driver.findElement(By.id("record-meeting")).isDisplayed()).isTrue();
        assertThat(count("MATCH (m:Meeting {recordedVia: 'API'}) RETURN count(m)"))
                .isZero();
        var recorded = renders("record-meeting");
        driver.findElement(By.id("record-save")).click();
        waitRendered("record-meeting", recorded);
        // the message says the flag it raises (walk 59: it said nothing of it)
        waitFor("document.getElementById('message').textContent.includes('is recorded')");
        assertThat(message())
                .contains("No police or health agency is recorded as attended: rule 7 flags a strategy meeting "
                        + "without them.");
        assertThat(count("MATCH (m:Meeting {decision: 'CHILD_PROTECTION_PLAN', recordedVia: 'API'})"
                        + "-[:CONCERNS]->(p:Person) RETURN count(p)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (m:Meeting {decision: 'CHILD_PROTECTION_PLAN', recordedVia: 'API'})"
                                        + "-[:CONCERNS]->(:Person {id: 'p-sara'}) WHERE m.id STARTS WITH 'explorer-meeting-' RETURN count(m)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (:Meeting {decision: 'CHILD_PROTECTION_PLAN', recordedVia: 'API'})-[:AGREED]->(a:Action)"
                                        + "-[:FOR]->(p:Person) RETURN count(DISTINCT p) * 10 + count(CASE p.id WHEN 'p-sara' THEN 1 END)"))
                .as("the action is for Sara alone")
                .isEqualTo(11);

        // Kyle's pack: his own, without Sara's meeting
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(By.id("meeting-print")).click();
        waitRendered("print-title", pack);
        assertThat(textOf("print-title"))
                .startsWith("Meeting pack: Kyle Archer")
                .doesNotContain("2018-09-26");
        assertThat(textOf("print-meeting"))
                .isEqualTo("No meeting recorded in the explorer: the strategy meeting of 2018-03-05 came from an "
                        + "agency’s records, and its attendance, decision and actions are in them.")
                .doesNotContain("child protection plan");
    }

    /**
     * New-user check 50: Sara's meeting recorded, then the page reloaded (or the chair signed in
     * again): the pack said "No meeting recorded in this session" while its changes listed the
     * meeting. It prints the last meeting as its snapshot kept it.
     */
    @Test
    void thePackPrintsTheLastMeetingRecordedBeforeAReload() {
        var recorded = http().graphql(
                        "meeting-chair",
                        "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                        Map.of(
                                "m",
                                Map.of(
                                        "heldOn",
                                        Scenario.AS_OF,
                                        "concerns",
                                        List.of("p-sara"),
                                        "chair",
                                        "B. Chair",
                                        "decision",
                                        "CHILD_IN_NEED",
                                        "decisionReason",
                                        "Support at home, reviewed in a month",
                                        "attendance",
                                        List.of(
                                                Map.of("agency", "police", "invited", true, "attended", true),
                                                Map.of("agency", "health", "invited", true, "attended", false)),
                                        "actions",
                                        List.of(Map.of(
                                                "description",
                                                "Visit Sara at home",
                                                "owner",
                                                "csc",
                                                "for",
                                                List.of("p-sara"),
                                                "dueOn",
                                                "2018-10-03")))));
        assertThat(recorded.get("errors")).as(recorded.toString()).isNull();
        signIn("meeting-chair");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        js("window.print = () => {}");
        var pack = renders("print-title");
        driver.findElement(By.id("meeting-print")).click();
        waitRendered("print-title", pack);
        assertThat(textOf("print-title"))
                .isEqualTo("Meeting pack: Sara Bell; strategy meeting of 2018-09-26; chair B. Chair; attended by "
                        + "Police vulnerability assessment team");
        assertThat(textOf("print-meeting"))
                .contains("Attendance: Healthy child service (invited, absent); Police vulnerability assessment team "
                        + "(attended)")
                .contains("Decision: child in need. Reason: Support at home, reviewed in a month")
                .contains("Visit Sara at home (owner: Children's social care (front door); for: Sara Bell; due "
                        + "2018-10-03)");
    }

    /** The controls the page would print (the changes' lines, buttons on screen, are text on paper). */
    private long controlsOnPaper() {
        return (Long) js("return [...document.querySelectorAll('button, select, input, textarea')]"
                + ".filter((e) => !e.matches('#changes-list button.change'))"
                + ".filter((e) => getComputedStyle(e).display !== 'none').length");
    }

    /**
     * Walk 65: oldest first, the urgent referral that called Kyle's meeting lay 524 px down the Changes
     * list, and the HIGH flag 688 px. Newest first: the flags raised or cleared over the days, then the
     * changes from the latest day back.
     */
    @Test
    void theChangesListTheNewestFirst() {
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        @SuppressWarnings("unchecked")
        var lines = (List<String>) js("return [...document.querySelectorAll('#changes-list button.change')]"
                + ".map((b) => { const d = b.querySelector('.change-day'); return d ? d.textContent : 'flag'; })");
        assertThat(lines).as("Kyle's changes since his last meeting").contains("flag");
        var firstDay = lines.indexOf(
                lines.stream().filter(l -> !l.equals("flag")).findFirst().orElseThrow());
        assertThat(lines.subList(0, firstDay)).as("flags first").containsOnly("flag");
        var days = lines.subList(firstDay, lines.size());
        assertThat(days)
                .as("then every day, newest first")
                .doesNotContain("flag")
                .hasSizeGreaterThan(1)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(driver.findElement(By.id("changes-list")).getDomAttribute("aria-label"))
                .isEqualTo("Changes, newest first");
    }

    @Test
    void thePackPrintsEveryChangeTheChangesPanelLists() {
        // each change is a button on screen, and the pack hides every control: it printed "Changes
        // since the strategy meeting of 2018-03-05 ...: 8" and then nothing
        signIn("meeting-chair");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        enterMeetingMode();
        var changes = driver.findElements(By.cssSelector("#changes-list button.change"));
        assertThat(changes).as("Kyle's changes since his strategy meeting").isNotEmpty();
        var first = changes.get(0).getText();
        js("window.print = () => {}; document.body.classList.add('printing-pack')");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(computed("#meeting-changes", "display")).isEqualTo("block");
            assertThat(
                            (Long)
                                    js(
                                            "return [...document.querySelectorAll('#changes-list button.change')]"
                                                    + ".filter((b) => getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().height > 0).length"))
                    .isEqualTo((long) changes.size());
            assertThat(driver.findElement(By.id("changes-list")).getText()).contains(first);
            // the other controls stay off the paper
            assertThat(controlsOnPaper()).isZero();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * The pack as Chromium prints it: every page carries the marking, who printed it and when, and
     * its number, in the margins (18 mm), and nothing of that lies over the pack's own text.
     */
    private void assertPackPagesStamped() throws IOException {
        var printed = ((ChromeDriver) driver)
                .executeCdpCommand("Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
        var pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(SCREENSHOTS.resolve("meeting-pack.pdf"), pdf);
        try (var document = Loader.loadPDF(pdf)) {
            var pages = document.getNumberOfPages();
            assertThat(pages).as("pages of the pack").isGreaterThanOrEqualTo(2);
            var margin = 18 / 25.4 * 72;
            for (int i = 0; i < pages; i++) {
                var page = document.getPage(i);
                var width = page.getMediaBox().getWidth();
                var height = page.getMediaBox().getHeight();
                var stripper = new PDFTextStripperByArea();
                stripper.addRegion("top", new Rectangle2D.Double(0, 0, width, margin));
                stripper.addRegion("body", new Rectangle2D.Double(0, margin, width, height - 2 * margin));
                stripper.addRegion("bottom", new Rectangle2D.Double(0, height - margin, width, margin));
                stripper.extractRegions(page);
                var what = "page " + (i + 1) + " of " + pages;
                assertThat(words(stripper.getTextForRegion("top")))
                        .as(what + ", top margin")
                        .contains("OFFICIAL-SENSITIVE", "Printed by meeting-chair (csc) on ", "facts as of 2018-09-26");
                assertThat(words(stripper.getTextForRegion("bottom")))
                        .as(what + ", bottom margin")
                        .contains("OFFICIAL-SENSITIVE", "Meeting pack: Sara Bell", "Page " + (i + 1) + " of " + pages);
                assertThat(words(stripper.getTextForRegion("body")))
                        .as(what + ", text")
                        .isNotBlank()
                        .doesNotContain("OFFICIAL-SENSITIVE")
                        .doesNotContain("Printed by");
            }
            // the meeting's own record first after the graph's page, before the changes and the panels (walk
            // 65: attendance, decision and actions came on the sixth page of eight)
            var second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            var page2 = words(second.getText(document));
            assertThat(page2).as("the page after the graph").contains("Attendance:", "Decision:");
            var whole = words(new PDFTextStripper().getText(document));
            assertThat(whole.indexOf("Changes in Sara Bell")).as("the changes").isPositive();
            assertThat(whole.indexOf("Attendance:"))
                    .as("the meeting's record before the changes")
                    .isLessThan(whole.indexOf("Changes in Sara Bell"));
        }
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
