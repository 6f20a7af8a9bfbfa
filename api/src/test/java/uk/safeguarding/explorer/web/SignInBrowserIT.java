package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import uk.safeguarding.explorer.support.BrowserIT;

/**
 * The explorer's own sign-in page in headless Chromium (as {@code ExplorerBrowserIT}): the product
 * and its marking, the demo users' note of local mode, labelled inputs with the keyboard in the user
 * name, Enter to sign in, a failed sign-in said in an alert the inputs are described by, and a
 * signed-out message after signing out. Waits only on the address and on what the pages publish.
 */
class SignInBrowserIT extends BrowserIT {

    private String focused() {
        return (String) js("return document.activeElement && document.activeElement.id");
    }

    private void freshSignInPage() {
        driver.get("about:blank");
        driver.get(url("/favicon.ico"));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
    }

    @Test
    void theSignInPageNamesTheProductItsMarkingAndTheDemoUsersAndSaysAFailedSignInAndASignOut() throws Exception {
        freshSignInPage();

        assertThat(js("return [...document.querySelectorAll('h1')].map((h) => h.textContent.trim())"))
                .asList()
                .containsExactly("Safeguarding Network Explorer");
        assertThat(driver.findElement(By.id("marking")).getText()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(driver.findElement(By.id("demo-users")).getText())
                .contains("for the fictional demo data only")
                .contains("social-worker");
        assertThat(js("return ['username', 'password'].map((n) => {"
                        + " const input = document.querySelector(`input[name=${n}]`);"
                        + " return [...input.labels].map((l) => l.textContent.trim()).join(); })"))
                .asList()
                .containsExactly("User name", "Password");
        assertThat(focused()).as("the keyboard starts in the user name").isEqualTo("username");
        assertThat(driver.findElements(By.cssSelector("[role=alert]"))).isEmpty();
        assertThat(seriousViolationsAsLoaded("sign-in page")).isEmpty();
        screenshot("sign-in");

        // a wrong password, sent with Enter
        driver.switchTo().activeElement().sendKeys("teacher");
        driver.findElement(By.name("password")).sendKeys("not-the-password", Keys.ENTER);
        waitFor("location.pathname === '/login' && location.search === '?error' && document.readyState === 'complete'");
        var alert = driver.findElement(By.cssSelector("[role=alert]"));
        assertThat(alert.getText()).startsWith("That user name and password do not match");
        for (var name : new String[] {"username", "password"}) {
            var input = driver.findElement(By.name(name));
            assertThat(input.getDomAttribute("aria-describedby")).as(name).isEqualTo(alert.getDomAttribute("id"));
            assertThat(input.getDomAttribute("aria-invalid")).as(name).isEqualTo("true");
        }
        assertThat(focused()).isEqualTo("username");
        assertThat(seriousViolationsAsLoaded("failed sign-in")).isEmpty();
        screenshot("sign-in-failed");

        // the right password, sent with Enter: the explorer starts
        driver.switchTo().activeElement().sendKeys("teacher");
        driver.findElement(By.name("password")).sendKeys("demo", Keys.ENTER);
        waitStarted();

        // signed in, the sign-in page says who is, with Continue and Sign out (a shared computer); an
        // unknown page is the explorer's own, marked
        driver.get(url("/login"));
        waitFor("document.readyState === 'complete'");
        assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("You are signed in as teacher");
        assertThat(driver.findElements(By.name("password"))).isEmpty();
        driver.findElement(By.id("continue")).click();
        waitStarted();
        driver.get(url("/no-such-page"));
        waitFor("document.readyState === 'complete'");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.findElement(By.className("marking")).getText()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel");

        // a typed /logout asks (nothing focused: a keystroke timed by another page signs nobody out), and
        // signs out with the token
        driver.get(url("/logout"));
        waitFor("document.readyState === 'complete'");
        assertThat(focused()).as("nothing focused").isNotEqualTo("sign-out");
        driver.findElement(By.id("sign-out")).sendKeys(Keys.ENTER);
        waitFor(
                "location.pathname === '/login' && location.search === '?logout' && document.readyState === 'complete'");
        assertThat(driver.findElement(By.id("signed-out")).getText()).startsWith("You have signed out");

        // and so does the explorer's Sign out
        driver.switchTo().activeElement().sendKeys("teacher");
        driver.findElement(By.name("password")).sendKeys("demo", Keys.ENTER);
        waitStarted();
        driver.findElement(By.cssSelector("#logout-form button[type=submit]")).click();
        waitFor(
                "location.pathname === '/login' && location.search === '?logout' && document.readyState === 'complete'");
        assertThat(driver.findElement(By.id("signed-out")).getText()).startsWith("You have signed out");
        assertThat(driver.findElements(By.cssSelector("[role=alert]"))).isEmpty();
        assertThat(driver.findElement(By.name("username")).getDomAttribute("aria-describedby"))
                .isNull();
    }
}
