package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Identity resolution in a real browser (headless Chromium, as {@code ExplorerBrowserIT}): the data
 * steward's Matches queue, field by field, decided SAME; and for practitioners the pending
 * candidate as a dashed POSSIBLY_SAME_AS edge and a badge, and the agency records that make up a
 * person in the details panel. Waits only on state the page publishes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchesBrowserIT extends ExplorerIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("explorer-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void data() throws Exception {
        cleanDatabase();
        importScenario();
        try (var in = getClass().getResourceAsStream("/fixtures/extracts/police-extract.json")) {
            var response = http().post("/api/import", "admin", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
        }
    }

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        waitStarted();
    }

    /** Loads a page of the explorer and waits until it has started (and opened the person in the link). */
    private void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
        waitStarted();
    }

    private void waitStarted() {
        waitFor("document.body.dataset.state === 'ready'");
    }

    /** What the graph shows (the controller's snapshot, read through main.js). */
    private JsonNode graph() {
        var json = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/main.js').then((m) => done(JSON.stringify(m.snapshot())), (e) => done('failed: ' + e));""");
        assertThat(json).doesNotStartWith("failed");
        return JsonMapper.shared().readTree(json);
    }

    private static long edgesOfType(JsonNode graph, String type) {
        return StreamSupport.stream(graph.get("edges").spliterator(), false)
                .filter(e -> type.equals(e.get("type").asString())).count();
    }

    /** The label the graph shows for a node, or null when the node is not in the graph. */
    private static String display(JsonNode graph, String key) {
        return StreamSupport.stream(graph.get("nodes").spliterator(), false)
                .filter(n -> key.equals(n.get("key").asString())).findFirst()
                .map(n -> n.get("display").asString()).orElse(null);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void waitFor(String condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js("return " + condition)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page said, to explain the wait that failed
            driver.manage().logs().get("browser").forEach(entry -> System.err.println("browser: " + entry));
            System.err.println("message: " + js("return document.getElementById('message').textContent"));
            throw e;
        }
    }

    private void screenshot(String name) throws Exception {
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), Path.of("target", "screenshots", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aDataStewardComparesTheTwoRecordsFieldByFieldAndJoinsThem() throws Exception {
        signIn("data-steward");
        waitFor("document.body.dataset.matches === '1'");
        var card = driver.findElement(By.cssSelector("#panel-matches article.match"));
        var text = card.getText();
        assertThat(text).contains("police P105: Joanne Wood", "possibly Joanne Nolan (p-joanne)", "Date of birth",
                "1979-12-01", "exact", "different", "demo p-joanne");
        assertThat(driver.findElement(By.id("search-text")).isDisplayed()).as("no case-data search for a steward").isFalse();
        screenshot("steward-matches");
        card.findElement(By.cssSelector("button.same")).click();
        waitFor("document.getElementById('message').textContent.includes('before you decide')");
        card.findElement(By.tagName("textarea")).sendKeys("Married name; same date of birth and GP practice");
        card.findElement(By.cssSelector("button.same")).click();
        waitFor("document.body.dataset.matches === '0'");
        assertThat(driver.findElement(By.id("message")).getText()).contains("Joined: police P105 is now part of Joanne Nolan");
        assertThat(count("MATCH (:SourceRecord {key: 'police:P105'})-[:RECORD_OF]->(p:Person {id: 'p-joanne'}) RETURN count(p)"))
                .isEqualTo(1);
    }

    @Test
    void aPendingCandidateShowsAsADashedEdgeAndABadgeAndTheDetailsListTheAgencyRecords() throws Exception {
        signIn("admin");
        // the graph is drawn before flags and panels load: wait on what it shows
        open("/?person=police:P105");
        var graph = graph();
        assertThat(edgesOfType(graph, "POSSIBLY_SAME_AS")).isEqualTo(1);
        assertThat(display(graph, "Person:p-joanne")).contains("[MATCH?]");
        waitFor("document.getElementById('panel-details').textContent.includes('Agency records')");
        assertThat(driver.findElement(By.id("panel-details")).getText()).contains("police P105 (linked by new)");
        screenshot("possibly-same-as");
        // the police may not see Joanne: only the badge says a duplicate may exist; their own record is listed
        signIn("police-officer");
        open("/?person=police:P105");
        waitFor("document.getElementById('panel-details').textContent.includes('police P105')");
        var theirs = graph();
        assertThat(edgesOfType(theirs, "POSSIBLY_SAME_AS")).isZero();
        assertThat(display(theirs, "Person:police:P105")).contains("[MATCH?]");
        assertThat(display(theirs, "Person:p-joanne")).isNull();
    }
}
