package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The explorer in a real browser: Debian's headless Chromium driven through Debian's chromedriver
 * (installed by .ci/run), against the application on the embedded Neo4j. Screenshots go to
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserIT extends ExplorerIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

    private WebDriver driver;

    @BeforeAll
    void browser() throws Exception {
        var installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (see .ci/run)");
        }
        assumeThat(installed).as("Debian chromium and chromium-driver installed").isTrue();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("explorer-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void data() {
        cleanDatabase();
        importScenario();
        http().post("/api/import", "admin", """
                {"source": "test", "people": [{"id": "p-xss", "givenName": "Mallory",
                  "familyName": "%s", "dateOfBirth": "2010-01-01", "sex": "FEMALE"}]}"""
                .formatted(XSS.replace("\"", "\\\"")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn() {
        signIn("admin");
    }

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        waitReady();
    }

    private void open(String path) {
        driver.get(url(path));
        waitReady();
    }

    private void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void waitFor(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js("return " + condition)));
    }

    private void screenshot(String name) throws Exception {
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), Path.of("target", "screenshots", name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private long inGraph(String selector) {
        return ((Number) js("return window.explorer.controller.cy.$(arguments[0]).length", selector)).longValue();
    }

    @Test
    void aPractitionerFindsKyleAndSeesHisSiblingsUnassessed() throws Exception {
        // a social worker of children's social care, which is involved with Kyle
        signIn("social-worker");
        open("/?asOf=" + Scenario.AS_OF);
        driver.findElement(By.id("search-text")).sendKeys("Archer", Keys.ENTER);
        waitFor("document.querySelectorAll('#results button').length === 5");
        assertThat(driver.findElement(By.id("results")).getText()).contains("Kyle Archer", "Born 2001-04-12, age 17",
                "14 Example Road");
        driver.findElement(By.cssSelector("#results button[data-person='p-kyle']")).click();
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        waitFor("document.getElementById('panel-siblings').textContent.includes('Ruby')");
        driver.findElement(By.id("tab-siblings")).click();
        var siblings = driver.findElement(By.id("panel-siblings")).getText();
        assertThat(siblings).contains("Lily Archer", "Tom Archer", "Ruby Hale", "3 of 3 not assessed",
                "half sibling via Mark Archer");
        assertThat(driver.findElements(By.cssSelector("#panel-siblings tr.unassessed"))).hasSize(3);
        assertThat(driver.getCurrentUrl()).contains("person=p-kyle").contains("asOf=2018-09-26");
        screenshot("kyle-siblings");
        // choosing a row highlights the child in the graph
        driver.findElement(By.cssSelector("#panel-siblings tr.unassessed")).click();
        assertThat(inGraph(".highlighted")).isPositive();
    }

    @Test
    void movingTheDateBackRemovesGarysStayAtTheBellAddress() throws Exception {
        signIn();
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        var garyAtBell = "edge[type = 'LIVES_AT'][source = 'Person:p-gary'][target = 'Address:a-bell']";
        assertThat(inGraph(garyAtBell)).isEqualTo(1);
        assertThat(inGraph(garyAtBell + ".historic")).isEqualTo(1);
        js("const input = document.getElementById('asof-date'); input.value = '2016-01-01';"
                + "input.dispatchEvent(new Event('change'));");
        waitFor("window.explorer.state.asOf === '2016-01-01' && window.explorer.controller.cy.$(\"node[id = 'Person:p-gary']\").length === 0");
        assertThat(inGraph(garyAtBell)).isZero();
        assertThat(inGraph("node[id = 'Person:p-jack']")).isEqualTo(1);
        screenshot("sara-2016");
    }

    @Test
    void theGenogramPutsParentsAboveChildrenInHouseholds() throws Exception {
        signIn("social-worker");
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        driver.findElement(By.cssSelector("#layout-select option[value='genogram']")).click();
        waitFor("window.explorer.controller.cy.nodes('.household').length > 0");
        var kerryY = ((Number) js("return window.explorer.controller.cy.getElementById('Person:p-kerry').position('y')"))
                .doubleValue();
        var saraY = ((Number) js("return window.explorer.controller.cy.getElementById('Person:p-sara').position('y')"))
                .doubleValue();
        assertThat(kerryY).isLessThan(saraY);
        assertThat(js("return window.explorer.controller.cy.getElementById('Person:p-sara').parent().id()"))
                .isEqualTo("household:Address:a-bell");
        screenshot("sara-genogram");
    }

    @Test
    void expandUndoAndExportAPng() throws Exception {
        signIn();
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        var before = inGraph("node");
        js("const cy = window.explorer.controller.cy; cy.$(':selected').unselect();"
                + "cy.getElementById('Person:p-gary').select();");
        driver.findElement(By.id("expand-button")).click();
        waitFor("window.explorer.controller.cy.nodes().length > " + before);
        assertThat(inGraph("node[id = 'Address:a-hostel']")).isEqualTo(1);
        driver.findElement(By.id("undo-button")).click();
        waitFor("window.explorer.controller.cy.nodes().length === " + before);
        driver.findElement(By.id("png-button")).click();
        waitFor("window.lastPngSize > 0");
        assertThat(((Number) js("return window.lastPngSize")).longValue()).isGreaterThan(5_000);
        var signature = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.lastPng.slice(1, 4).arrayBuffer().then(b => done(Array.from(new Uint8Array(b))))");
        assertThat(signature.toString()).isEqualTo("[80, 78, 71]");
        // the export was written to the audit log before the file was made
        assertThat(count("MATCH (a:AuditEvent {operation: 'export:PNG', subjectId: 'p-sara', user: 'admin'}) "
                + "RETURN count(a)")).isEqualTo(1);
    }

    @Test
    void aTeacherBreaksTheGlassToSeeGaryAndSeesHisOffenderDetailRestricted() throws Exception {
        signIn("teacher");
        open("/?person=p-gary&asOf=" + Scenario.AS_OF);
        waitFor("!document.getElementById('break-glass').hidden");
        assertThat(driver.findElement(By.id("message")).getText()).contains("No person 'p-gary'");
        assertThat(driver.findElement(By.id("break-glass-person")).getAttribute("value")).isEqualTo("p-gary");
        driver.findElement(By.cssSelector("#break-glass-purpose option[value='STRATEGY_DISCUSSION']")).click();
        driver.findElement(By.id("break-glass-reason")).sendKeys("Strategy discussion today about Mia's contact with her father");
        screenshot("break-glass");
        driver.findElement(By.id("break-glass-button")).click();
        waitFor("window.explorer.controller.cy.getElementById('Person:p-gary').length === 1");
        waitFor("document.getElementById('message').textContent.startsWith('Access granted until')");
        var label = (String) js("return window.explorer.controller.cy.getElementById('Person:p-gary').data('display')");
        assertThat(label).contains("RESTRICTED").doesNotContain("RSO").doesNotContain("MAPPA");
        assertThat(count("MATCH (a:AuditEvent {user: 'teacher', subjectId: 'p-gary', outcome: 'BREAK_GLASS'}) "
                + "WHERE a.purpose = 'STRATEGY_DISCUSSION' RETURN count(a)")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoPeopleSelectedInTurnShowTheirConnection() throws Exception {
        signIn();
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        js("const cy = window.explorer.controller.cy; cy.$(':selected').unselect();"
                + "cy.getElementById('Person:p-gary').select(); cy.$(':selected').unselect();"
                + "cy.getElementById('Person:p-sara').select();");
        driver.findElement(By.id("connect-button")).click();
        waitFor("document.getElementById('message').textContent.startsWith('Shortest connection')");
        assertThat(driver.findElement(By.id("message")).getText()).startsWith("Shortest connection: 2 steps");
        assertThat(inGraph("node.highlighted[id = 'Person:p-kerry']")).isEqualTo(1);
        assertThat(inGraph("node.highlighted[id = 'Person:p-gary']")).isEqualTo(1);
    }

    @Test
    void theGraphCanBeWorkedWithTheKeyboard() {
        signIn();
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        var graph = driver.findElement(By.id("cy"));
        graph.click();
        graph.sendKeys(Keys.ARROW_RIGHT);
        waitFor("window.explorer.controller.cy.$('node:selected').length === 1");
        // move to a person and expand it with Enter
        js("const cy = window.explorer.controller.cy; cy.$(':selected').unselect();"
                + "cy.getElementById('Person:p-gary').select();");
        var before = inGraph("node");
        graph.sendKeys(Keys.ENTER);
        waitFor("window.explorer.controller.cy.nodes().length > " + before);
        graph.sendKeys(Keys.DELETE);
        waitFor("window.explorer.controller.cy.nodes().length === " + before);
    }

    /**
     * Measures (does not assert) how long the force-directed layout takes for 500 nodes in this
     * browser, and records it in target/screenshots/layout-500-nodes.txt for the benchmark notes.
     */
    @Test
    void aFiveHundredNodeGraphIsLaidOut() throws Exception {
        signIn();
        open("/?asOf=" + Scenario.AS_OF);
        var millis = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const cy = window.explorer.controller.cy;
                const elements = [];
                for (let i = 0; i < 500; i++) {
                  elements.push({ group: 'nodes', data: { id: 'n' + i, display: 'Person ' + i }, classes: 'person male adult' });
                }
                for (let i = 1; i < 500; i++) {
                  elements.push({ group: 'edges', data: { id: 'e' + i, source: 'n' + i, target: 'n' + Math.floor(i / 3), type: 'PARENT_OF' } });
                }
                cy.add(elements);
                const started = performance.now();
                const layout = cy.layout({ name: 'fcose', animate: false, randomize: true });
                layout.one('layoutstop', () => done(performance.now() - started));
                layout.run();""");
        assertThat(inGraph("node")).isEqualTo(500);
        Files.writeString(Path.of("target", "screenshots", "layout-500-nodes.txt"),
                "fcose layout of 500 nodes and 499 edges in headless Chromium: " + millis + " ms\n");
        screenshot("layout-500-nodes");
    }

    @Test
    void meetingModeShowsTheFamilyMatrixInLargeType() throws Exception {
        signIn();
        open("/?person=p-sara&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes().length > 5");
        driver.findElement(By.id("meeting-button")).click();
        waitFor("document.getElementById('panel-agencies').textContent.includes('Jack Bell')");
        assertThat(driver.findElement(By.id("panel-agencies")).getText()).contains("Jack Bell: no health");
        assertThat(js("return document.body.classList.contains('meeting')")).isEqualTo(true);
        screenshot("meeting-mode");
    }

    @Test
    void flagsAreOnTheNodesAndInTheFlagsPanelWithTheirEvidenceHighlighted() throws Exception {
        signIn("social-worker");
        open("/?person=p-kyle&asOf=" + Scenario.AS_OF);
        waitFor("window.explorer.controller.cy.nodes('.flag-HIGH').length > 0");
        assertThat((String) js("return window.explorer.controller.cy.getElementById('Person:p-lily').data('display')"))
                .contains("[FLAG 2]");
        driver.findElement(By.id("tab-flags")).click();
        waitFor("document.getElementById('panel-flags').textContent.includes('AIM3')");
        var panel = driver.findElement(By.id("panel-flags")).getText();
        assertThat(panel).contains("Kyle Archer has harmful sexual behaviour (since 2018-02-20) but no AIM3 assessment.")
                .contains("Referral r-kyle-1").contains("The strategy meeting of 2018-03-05");
        driver.findElement(By.cssSelector("#panel-flags tr.flag")).click();
        assertThat(inGraph("node.highlighted[id = 'Person:p-kyle']")).isEqualTo(1);
        screenshot("kyle-flags");
    }

    @Test
    void aMeetingChairWorksThroughTheTriageQueueAndOverdueActions() throws Exception {
        signIn("meeting-chair");
        open("/?asOf=" + Scenario.AS_OF);
        driver.findElement(By.id("work-button")).click();
        waitFor("document.body.dataset.workReady === 'true'");
        var triage = driver.findElement(By.id("panel-triage")).getText();
        assertThat(triage).contains("r-kyle-2").contains("Kyle Archer").contains("+30: 3 sibling(s)");
        screenshot("triage-queue");
        driver.findElement(By.id("tab-overdue")).click();
        var overdue = driver.findElement(By.id("panel-overdue")).getText();
        assertThat(overdue).contains("Children's social care (front door) (1)")
                .contains("Social work assessment of the risk to Kyle's siblings").contains("2018-03-26");
        screenshot("overdue-actions");
        // choosing a row opens the child; meeting mode lists the family's overdue actions
        driver.findElement(By.cssSelector("#panel-overdue tr.overdue")).click();
        waitFor("window.explorer.controller.cy.nodes().length > 3");
        driver.findElement(By.id("meeting-button")).click();
        waitFor("document.getElementById('meeting-overdue').textContent.includes('Social work assessment')");
        assertThat(driver.findElement(By.id("meeting-overdue")).getText()).contains("Overdue actions of this family");
        // the chair leaves meeting mode and records that the action was done; it leaves the list
        driver.findElement(By.id("meeting-exit")).click();
        waitFor("!document.body.classList.contains('meeting')");
        // wait for this opening's answers, not the panel left from the last one
        js("document.body.dataset.workReady = 'false'");
        driver.findElement(By.id("work-button")).click();
        waitFor("document.body.dataset.workReady === 'true'");
        driver.findElement(By.id("tab-overdue")).click();
        waitFor("document.querySelector('#panel-overdue .done-button') !== null");
        js("document.querySelector('#panel-overdue .done-date').value = '2018-09-20'");
        driver.findElement(By.cssSelector("#panel-overdue .done-button")).click();
        waitFor("document.getElementById('panel-overdue').textContent.includes('No overdue actions on this date.')");
        assertThat(count("MATCH (a:Action {id: 'ac-kyle-1'}) WHERE a.completedOn = date('2018-09-20') RETURN count(a)"))
                .isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {operation: 'completeAction', user: 'meeting-chair'}) RETURN count(e)"))
                .isPositive();
    }

    @Test
    void aNameThatLooksLikeHtmlIsShownAsTextAndRunsNothing() throws Exception {
        signIn();
        open("/?asOf=" + Scenario.AS_OF);
        driver.findElement(By.id("search-text")).sendKeys("Mallory", Keys.ENTER);
        waitFor("document.querySelectorAll('#results button').length === 1");
        assertThat(driver.findElement(By.id("results")).getText()).contains("Mallory " + XSS);
        driver.findElement(By.cssSelector("#results button")).click();
        waitFor("document.getElementById('panel-details').textContent.includes('Mallory')");
        assertThat(driver.findElement(By.id("panel-details")).getText()).contains(XSS);
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#results img, #panel-details img"))).isEmpty();
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        var response = http().get("/", "admin");
        assertThat(response.status()).isEqualTo(200);
        var csp = response.headers().get("content-security-policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(new File("target").exists()).isTrue();
    }
}
