package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.explorer.support.BrowserIT;
import uk.safeguarding.explorer.support.LocalExplorer;

/**
 * Walk 49: the demo opened on today's date, with nothing saying that its fictional families'
 * records end in 2018 (on today their children have grown up and their households have ended).
 * Before anyone is opened the page now says so and offers the day they are seen on. Driven
 * against an explorer of its own, started as a new user starts it (local mode, the demo data
 * loaded on an empty database); the suite's shared explorer has no demo data and shows no hint.
 */
class DemoHintBrowserIT extends BrowserIT {

    private ConfigurableApplicationContext demo;

    @BeforeAll
    void startTheDemo() throws Exception {
        demo = LocalExplorer.start(Files.createTempDirectory("demo-hint").toString(), "--explorer.demo-data=true");
    }

    @AfterAll
    void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Override
    protected String url(String path) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) demo).getWebServer().getPort() + path;
    }

    private boolean hintShown() {
        return Boolean.TRUE.equals(js("return !document.getElementById('demo-hint').hidden"));
    }

    @Test
    void aNewUserIsToldTheDemoEndsIn2018AndOfferedItsDayThenWhatToSearchFor() throws Exception {
        signIn("social-worker");
        // on today, before anyone is opened
        assertThat(hintShown()).isTrue();
        assertThat(text("demo-hint"))
                .contains("Fictional demo data: its families’ records end in September 2018")
                .contains("Show the demo on 26 September 2018")
                .contains("then search for Archer or Bell");
        assertThat(seriousViolations("the demo's hint")).isEmpty();

        driver.findElement(By.id("demo-day")).click();
        waitFor("document.getElementById('asof-date').value === '2018-09-26'");
        waitSettled();
        assertThat(js("return location.search")).asString().contains("asOf=2018-09-26");
        assertThat(text("demo-hint"))
                .isEqualTo("Fictional demo data, shown on 26 September 2018, the day its families are seen on:"
                        + " search for Archer or Bell.");
        assertThat(js("return document.activeElement.id")).isEqualTo("search-text");

        // the search it names finds the family; once someone is open the hint is gone
        driver.switchTo().activeElement().sendKeys("Archer", Keys.ENTER);
        waitFor("document.querySelector('#results button[data-person=\"p-kyle\"]') !== null");
        driver.findElement(By.cssSelector("#results button[data-person='p-kyle']"))
                .click();
        waitFor(
                "document.getElementById('cy').dataset.asOf === '2018-09-26' && document.getElementById('graph-empty').hidden");
        assertThat(hintShown()).isFalse();
    }

    /** Review 65: a link that names a person never shows the hint, not even while the network opens. */
    @Test
    void aLinkToAPersonShowsNoHint() {
        signIn("social-worker");
        // watched from the page's first script on: the hint is never shown
        var chrome = (ChromeDriver) driver;
        var watch = chrome.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.hintSeen = false; document.addEventListener('DOMContentLoaded', () => {"
                                + " const hint = document.getElementById('demo-hint');"
                                + " new MutationObserver(() => { if (!hint.hidden) { window.hintSeen = true; } })"
                                + ".observe(hint, { attributes: true, childList: true }); });"));
        try {
            open("/?person=p-sara&asOf=2018-09-26");
            waitSettled();
            assertThat(js("return document.getElementById('graph-empty').hidden"))
                    .isEqualTo(true);
            assertThat(hintShown()).isFalse();
            assertThat(js("return window.hintSeen")).isEqualTo(false);
        } finally {
            chrome.executeCdpCommand(
                    "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", watch.get("identifier")));
        }
    }

    @Test
    void aLinkOnTheDemosDaySaysWhatToSearchForWithoutOfferingTheDay() {
        signIn("police-officer");
        open("/?asOf=2018-09-26");
        assertThat(hintShown()).isTrue();
        assertThat(driver.findElements(By.id("demo-day"))).isEmpty();
        assertThat(text("demo-hint")).contains("search for Archer or Bell");
        // another day chosen: the day is offered again
        chooseDay("2026-01-01");
        waitFor("document.getElementById('demo-day') !== null");
    }

    @Test
    void aDataStewardAndAnAuditorHaveNoHintNorDoesAnExplorerWithoutTheDemo() {
        signIn("data-steward");
        assertThat(hintShown()).isFalse();
        signIn("auditor");
        assertThat(hintShown()).isFalse();
        var without = http().get("/api/demo", "social-worker");
        assertThat(without.status()).isEqualTo(200);
        assertThat(without.json().get("families").asBoolean()).isFalse();
        assertThat(without.json().has("day")).isFalse();
        var with = LocalExplorer.http(demo).get("/api/demo", "social-worker");
        assertThat(with.json().get("families").asBoolean()).isTrue();
        assertThat(with.json().get("day").asString()).isEqualTo("2018-09-26");
        assertThat(LocalExplorer.http(demo).get("/api/demo", null).status())
                .as("signed in only")
                .isEqualTo(401);
    }
}
