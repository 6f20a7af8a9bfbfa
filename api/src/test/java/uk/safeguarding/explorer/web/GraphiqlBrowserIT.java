package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * GraphiQL of local mode in headless Chromium (as {@code ExplorerBrowserIT}): served by the explorer
 * from WebJars under the strict CSP, signed in with the browser session, it reads the schema and its
 * documentation explorer lists the queries, with nothing in the console. Waits only on state the page
 * publishes ({@code body[data-graphiql]}) and on what GraphiQL shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiqlBrowserIT extends ExplorerIT {

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
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void waitFor(String condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(js("return " + condition)));
        } catch (TimeoutException e) {
            driver.manage().logs().get("browser").forEach(entry -> System.err.println("browser: " + entry));
            System.err.println("waiting for " + condition + " on " + driver.getCurrentUrl() + ": "
                    + js("return document.body.dataset.graphiql + ' ' + document.body.textContent.slice(0, 300)"));
            throw e;
        }
    }

    @Test
    void graphiqlOpensSignedInWithNoConsoleErrorsAndItsDocumentationExplorerListsTheQueries() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys("social-worker");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        waitFor("document.body.dataset.state === 'ready'");
        driver.manage().logs().get("browser");

        driver.get("http://127.0.0.1:" + port + "/graphiql");
        waitFor("document.body.dataset.graphiql === 'ready'");
        waitFor("!!document.querySelector('button[aria-label=\"Show Documentation Explorer\"]')");
        js("document.querySelector('button[aria-label=\"Show Documentation Explorer\"]').click()");
        waitFor("[...document.querySelectorAll('.graphiql-doc-explorer a')].some(a => a.textContent === 'Query')");
        js("[...document.querySelectorAll('.graphiql-doc-explorer a')].find(a => a.textContent === 'Query').click()");
        waitFor("document.querySelector('.graphiql-doc-explorer').textContent.includes('siblingsAtRisk')");

        var docs = driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
        assertThat(docs).contains("person", "searchPeople", "siblingsAtRisk", "sharedAddresses", "agencyInvolvement",
                "network", "connection", "chronology");
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), Path.of("target", "screenshots", "graphiql.png"), StandardCopyOption.REPLACE_EXISTING);

        var problems = driver.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).map(Object::toString).toList();
        assertThat(problems).as("console warnings and errors (CSP refusals among them)").isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("<script>");
    }
}
