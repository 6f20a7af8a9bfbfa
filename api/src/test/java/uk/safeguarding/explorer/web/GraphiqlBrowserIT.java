package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.safeguarding.explorer.support.BrowserIT;

/**
 * GraphiQL of local mode in headless Chromium (as {@code ExplorerBrowserIT}): served by the explorer
 * from WebJars under the strict CSP, signed in with the browser session, it reads the schema and its
 * documentation explorer lists the queries, with nothing in the console. Waits only on state the page
 * publishes ({@code body[data-graphiql]}) and on what GraphiQL shows.
 */
class GraphiqlBrowserIT extends BrowserIT {

    @Test
    void graphiqlOpensSignedInWithNoConsoleErrorsAndItsDocumentationExplorerListsTheQueries() throws Exception {
        signIn("social-worker");
        driver.manage().logs().get("browser");

        // what an earlier GraphiQL left in this browser's storage (a query naming a person)
        js("localStorage.setItem('graphiql:query', '{ searchPeople(text: \"Bell\") { id } }')");
        driver.get(url("/graphiql"));
        waitFor("document.body.dataset.graphiql === 'ready'");
        // tabs, history and queries are kept for the page only: the next user of this browser finds none
        assertThat(js("return Object.keys(localStorage).filter((k) => k.startsWith('graphiql:'))"))
                .asList()
                .isEmpty();
        waitFor("!!document.querySelector('button[aria-label=\"Show Documentation Explorer\"]')");
        js("document.querySelector('button[aria-label=\"Show Documentation Explorer\"]').click()");
        waitFor("[...document.querySelectorAll('.graphiql-doc-explorer a')].some(a => a.textContent === 'Query')");
        js("[...document.querySelectorAll('.graphiql-doc-explorer a')].find(a => a.textContent === 'Query').click()");
        waitFor("document.querySelector('.graphiql-doc-explorer').textContent.includes('siblingsAtRisk')");

        var docs = driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
        assertThat(docs)
                .contains(
                        "person",
                        "searchPeople",
                        "siblingsAtRisk",
                        "sharedAddresses",
                        "agencyInvolvement",
                        "network",
                        "connection",
                        "chronology");
        screenshot("graphiql");

        var problems = driver.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(Object::toString)
                .toList();
        assertThat(problems)
                .as("console warnings and errors (CSP refusals among them)")
                .isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("<script>");
    }
}
