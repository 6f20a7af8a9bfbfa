package uk.safeguarding.explorer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the browser tests: the application (as every {@link ExplorerIT}) driven through Debian's
 * headless Chromium and chromedriver (installed by .ci/run), one browser per test class, so that
 * each browser test class holds only its tests and the page is started, signed in to, waited on
 * and read in one way.
 *
 * <p>Nothing here waits on time. The page publishes when it has finished drawing: each panel, the
 * graph ({@code #cy}), the search results and the work queues carry {@code data-state} (loading,
 * ready, error) and {@code data-render}, a counter that goes up when a render ends; the body says
 * {@code data-state="ready"} once the page has started; a list being loaded says
 * {@code aria-busy="true"}. A test reads the counter ({@link #renders}), acts, waits for the counter
 * to pass it ({@link #waitRendered}), and only then looks elements up again. What the graph shows
 * is read through the page's own module ({@code snapshot()} of main.js). Screenshots go to
 * target/screenshots; the browser's console is kept ({@code browser} log) for the tests that check
 * it and to explain a wait that failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserIT extends ExplorerIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * A deadline, not a pause: on a loaded machine (load 20 on 2 cores while other builds run) the
     * first pages pay for JIT and for planning every query cold, and the 500-node network's flags
     * (500 people audited) took a minute.
     */
    protected static final Duration WAIT = Duration.ofMinutes(5);

    protected WebDriver driver;

    @BeforeAll
    void startBrowser() throws IOException {
        var installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (see .ci/run)");
        }
        assumeThat(installed)
                .as("Debian chromium and chromium-driver installed")
                .isTrue();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("explorer-chromium"));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        configure(options, logs);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    /** What a test class adds to the browser's options and logs before it starts (nothing by default). */
    protected void configure(ChromeOptions options, LoggingPreferences logs) throws IOException {}

    @AfterAll
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    // --- the page --------------------------------------------------------------------------------

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs in through the login form (a fresh session) and waits until the explorer has started. */
    protected void signIn(String user) {
        // leave the previous test's page first: an answer of its still in flight could otherwise set
        // a new CSRF cookie after the cookies are cleared, and the sign-in would be refused (401, once,
        // on a busy machine)
        driver.get("about:blank");
        // cookies are cleared for the page's own address: on the icon (no scripts; /login would take a
        // signed-in user to the explorer, whose answers could set cookies again)
        driver.get(url("/favicon.ico"));
        driver.manage().deleteAllCookies();
        signInHere(user);
    }

    /** Signs in on the sign-in page, in the window the driver is on (a new tab of the same browser too). */
    protected void signInHere(String user) {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitStarted();
    }

    /** Loads a page of the explorer and waits until it has started (and opened the person in the link). */
    protected void open(String path) {
        driver.get(url(path));
        waitStarted();
    }

    protected void waitStarted() {
        waitFor("document.body.dataset.state === 'ready'");
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * From now on, the page's requests whose body names every one of the words wait, unanswered,
     * until {@link #releaseRequests()}: a slow network, so that what the user does meanwhile can be
     * tested. {@code window.held} counts the requests waiting.
     */
    protected void holdRequests(String... words) {
        js(
                "const words = arguments[0]; window.holding = true; window.waiting = []; window.held = 0;"
                        + " window.answered = 0; const real = window.fetch; window.fetch = (url, options) => {"
                        + " const body = String(options && options.body);"
                        + " if (window.holding && words.every((w) => body.includes(w))) { window.held += 1;"
                        + " return new Promise((resolve) => window.waiting.push(() => resolve(real(url, options)"
                        + ".then((r) => { window.answered += 1; return r; })))); }"
                        + " return real(url, options); };",
                List.of(words));
    }

    /** Answers the requests held (holdRequests), and every later one at once; waits until they are answered. */
    protected void releaseRequests() {
        js("window.holding = false; window.waiting.forEach((release) => release()); window.waiting = [];");
        waitFor("window.answered === window.held");
    }

    /**
     * From now on, the page's requests whose body names every one of the words (an operation, an id)
     * fail as a dropped network fails them, while {@code window.offline} is true (it is, from here;
     * set it false for the network to come back); {@code window.failedRequests} counts them.
     */
    protected void failRequests(String... words) {
        js(
                "const words = arguments[0]; window.offline = true; window.failedRequests = 0;"
                        + " const real = window.fetch; window.fetch = (url, options) => {"
                        + " const body = String(options && options.body);"
                        + " if (window.offline && words.every((w) => body.includes(w))) {"
                        + " window.failedRequests += 1; return Promise.reject(new TypeError('Failed to fetch')); }"
                        + " return real(url, options); };",
                List.of(words));
    }

    /**
     * Waits until a JavaScript condition holds on the page; when it does not in time, says what the
     * page said and what its console logged.
     */
    protected void waitFor(String condition) {
        try {
            new WebDriverWait(driver, WAIT)
                    .withMessage(() -> condition + " on " + driver.getCurrentUrl() + "; " + pageSays())
                    .until(d -> Boolean.TRUE.equals(js("return " + condition)));
        } catch (TimeoutException e) {
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.err.println("browser: " + entry));
            throw e;
        }
    }

    /** Waits until the page has started and no list or panel says it is still loading ({@code aria-busy}). */
    protected void waitSettled() {
        waitFor(
                "document.body.dataset.state === 'ready'"
                        + " && [...document.querySelectorAll('[aria-busy]')].every((e) => e.getAttribute('aria-busy') !== 'true')");
    }

    /** How many renders of the element have ended. */
    protected int renders(String id) {
        return Integer.parseInt((String) js("return document.getElementById(arguments[0]).dataset.render", id));
    }

    /** Waits until a render of the element after the {@code before}-th has ended, and says it went well. */
    protected void waitRendered(String id, int before) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "#%s to end render %d; it is %s, render %s; message: %s"
                        .formatted(
                                id,
                                before + 1,
                                js("return document.getElementById(arguments[0]).dataset.state", id),
                                js("return document.getElementById(arguments[0]).dataset.render", id),
                                message()))
                .until(d -> {
                    var published = (String) js(
                            "const e = document.getElementById(arguments[0]);"
                                    + "return e.dataset.state + ' ' + e.dataset.render",
                            id);
                    var parts = published.split(" ");
                    return !"loading".equals(parts[0]) && Integer.parseInt(parts[1]) > before;
                });
        assertThat(js("return document.getElementById(arguments[0]).dataset.state", id))
                .as("#%s after its render (message: %s)", id, message())
                .isEqualTo("ready");
    }

    /** The text of an element as the user sees it. */
    protected String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** What the explorer's message line says. */
    protected String message() {
        return (String) js("return document.getElementById('message').textContent");
    }

    /** The message line, or on a page without one (GraphiQL) the start of its text, to explain a failed wait. */
    private String pageSays() {
        return (String) js("const m = document.getElementById('message');"
                + "return m ? 'message: ' + m.textContent : 'page: ' + document.body.textContent.slice(0, 300)");
    }

    /** Waits for a second tab of the browser (a link with target _blank), switches to it and answers its handle. */
    protected String otherTab(String room) {
        new WebDriverWait(driver, WAIT).until(d -> d.getWindowHandles().size() == 2);
        var tab = driver.getWindowHandles().stream()
                .filter(h -> !h.equals(room))
                .findFirst()
                .orElseThrow();
        driver.switchTo().window(tab);
        return tab;
    }

    /** The key of the node selected in the graph. */
    protected String selected() {
        return (String) js("return document.getElementById('cy').dataset.selected");
    }

    /** Saves a screenshot of the window as target/screenshots/{name}.png and answers where. */
    protected Path screenshot(String name) throws IOException {
        var file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                file,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /**
     * axe-core's WCAG 2 A and AA rules on the page once settled (axe.min.js from Deque's Maven
     * artifact, injected by the driver, not fetched): the serious and critical violations, each with
     * its rule and where, so that a failure says what to fix.
     */
    protected List<String> seriousViolations(String where) throws IOException {
        // the page as the user reads it once drawn: panels still loading are dimmed on purpose
        waitSettled();
        return seriousViolationsAsLoaded(where);
    }

    /** {@link #seriousViolations} of a page that has nothing to load (the sign-in page). */
    protected List<String> seriousViolationsAsLoaded(String where) throws IOException {
        try (var in = getClass().getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath").isNotNull();
            js(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        var json = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
                  .then((r) => done(JSON.stringify(r.violations)), (e) => done('failed: ' + e));""");
        assertThat(json).doesNotStartWith("failed");
        var found = new ArrayList<String>();
        for (var violation : list(JsonMapper.shared().readTree(json))) {
            var impact = violation.get("impact").asString();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                var targets = list(violation.get("nodes")).stream()
                        .limit(5)
                        .map(n -> n.get("target").toString())
                        .toList();
                found.add(where + ": " + impact + " " + violation.get("id").asString() + " at " + targets);
            }
        }
        return found;
    }

    // --- the graph -------------------------------------------------------------------------------

    /** Runs a module function of the page and answers what it resolves to, as JSON. */
    protected JsonNode module(String script) {
        var json = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => { %s })().then((r) => done(JSON.stringify(r)), (e) => done('failed: ' + e));""".formatted(script));
        assertThat(json).doesNotStartWith("failed");
        return JsonMapper.shared().readTree(json);
    }

    /** Opens the Agencies tab and shows the family's matrix (scope FAMILY), once drawn. */
    protected void showFamilyAgencies() {
        driver.findElement(By.id("tab-agencies")).click();
        var panels = renders("panel-agencies");
        new Select(driver.findElement(By.id("scope-select"))).selectByValue("FAMILY");
        waitRendered("panel-agencies", panels);
    }

    /** Selects a node as a click would (main.js {@code select}); it must be in the graph. */
    protected void clickSelect(String key) {
        var selected = module("""
                const m = await import('/js/main.js');
                return m.select(%s);""".formatted(JsonMapper.shared().writeValueAsString(key)));
        assertThat(selected.asBoolean()).as("%s selected", key).isTrue();
    }

    /** The graph as the page's controller describes it ({@code snapshot()} of main.js). */
    protected JsonNode graph() {
        return module("return (await import('/js/main.js')).snapshot();");
    }

    protected static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    protected static List<JsonNode> nodes(JsonNode graph) {
        return list(graph.get("nodes"));
    }

    protected static List<JsonNode> edges(JsonNode graph) {
        return list(graph.get("edges"));
    }

    protected static Set<String> nodeKeys(JsonNode graph) {
        return nodes(graph).stream().map(n -> n.get("key").asString()).collect(Collectors.toCollection(TreeSet::new));
    }

    protected static JsonNode node(JsonNode graph, String key) {
        return nodes(graph).stream()
                .filter(n -> n.get("key").asString().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not in the graph"));
    }

    protected static boolean hasClass(JsonNode element, String className) {
        return list(element.get("classes")).stream().anyMatch(c -> c.asString().equals(className));
    }

    /** The keys of the nodes that carry a class. */
    protected static Set<String> withClass(JsonNode graph, String className) {
        return nodes(graph).stream()
                .filter(n -> hasClass(n, className))
                .map(n -> n.get("key").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The visible edges of a type, as "source->target". */
    protected static Set<String> visibleEdges(JsonNode graph, String type) {
        return list(graph.get("edges")).stream()
                .filter(e -> type.equals(e.get("type").asString())
                        && e.get("visible").asBoolean())
                .map(e -> e.get("source").asString() + "->" + e.get("target").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    protected static Set<String> members(JsonNode graph, String household) {
        return list(graph.get("nodes")).stream()
                .filter(n -> household.equals(n.get("parent").asString(null)))
                .map(n -> n.get("key").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether a box {x1, y1, x2, y2} of one node and the same box of the other overlap. */
    private static boolean boxesOverlap(JsonNode a, JsonNode b, String box) {
        return boxesOverlap(a.get(box), b.get(box));
    }

    /** Whether two boxes ({x1, y1, x2, y2}, in the same coordinates) overlap. */
    protected static boolean boxesOverlap(JsonNode x, JsonNode y) {
        return x.get("x1").asDouble() < y.get("x2").asDouble()
                && y.get("x1").asDouble() < x.get("x2").asDouble()
                && x.get("y1").asDouble() < y.get("y2").asDouble()
                && y.get("y1").asDouble() < x.get("y2").asDouble();
    }

    /** Whether the node's box and the other's overlap on screen. */
    protected static boolean overlaps(JsonNode a, JsonNode b) {
        return boxesOverlap(a, b, "box");
    }

    protected void showGenogram() {
        var rendered = renders("cy");
        driver.findElement(By.id("view-genogram")).click();
        waitRendered("cy", rendered);
        assertThat(js("return document.getElementById('cy').dataset.view")).isEqualTo("genogram");
        assertThat(driver.findElement(By.id("view-genogram")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    /** Types a day into the as-of field as a user would (the field's change event), waiting for nothing. */
    protected void chooseDay(String day) {
        js(
                "const input = document.getElementById('asof-date'); input.value = arguments[0];"
                        + "input.dispatchEvent(new Event('change'));",
                day);
    }

    /** Moves the as-of day and waits until the graph is drawn for it. */
    protected void setAsOf(String day) {
        var rendered = renders("cy");
        chooseDay(day);
        waitRendered("cy", rendered);
    }

    /** Whether the segment {x1, y1, x2, y2} passes through the box {x1, y1, x2, y2} (Liang–Barsky). */
    protected static boolean crosses(JsonNode line, JsonNode box) {
        double x = line.get("x1").asDouble();
        double y = line.get("y1").asDouble();
        double dx = line.get("x2").asDouble() - x;
        double dy = line.get("y2").asDouble() - y;
        double[][] sides = {
            {-dx, x - box.get("x1").asDouble()}, {dx, box.get("x2").asDouble() - x},
            {-dy, y - box.get("y1").asDouble()}, {dy, box.get("y2").asDouble() - y}
        };
        double t0 = 0;
        double t1 = 1;
        for (var side : sides) {
            if (side[0] == 0) {
                if (side[1] < 0) {
                    return false;
                }
            } else if (side[0] < 0) {
                t0 = Math.max(t0, side[1] / side[0]);
            } else {
                t1 = Math.min(t1, side[1] / side[0]);
            }
            if (t0 > t1) {
                return false;
            }
        }
        return true;
    }

    /** Whether two nodes' symbols-with-labels overlap on screen. */
    protected static boolean labelsOverlap(JsonNode a, JsonNode b) {
        return boxesOverlap(a, b, "labelBox");
    }

    protected static JsonNode edge(JsonNode graph, String type, String a, String b) {
        return list(graph.get("edges")).stream()
                .filter(e -> type.equals(e.get("type").asString())
                        && Set.of(e.get("source").asString(), e.get("target").asString())
                                .equals(Set.of(a, b)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + a + " " + b + " is not in the graph"));
    }

    /**
     * The pairs of visible nodes whose symbols-with-labels overlap on screen ("a / b"), households
     * and couples' points left out.
     */
    protected static List<String> labelOverlaps(JsonNode graph) {
        return overlapping(
                nodes(graph).stream()
                        .filter(n -> n.get("visible").asBoolean() && !hasClass(n, "household") && !hasClass(n, "union"))
                        .toList(),
                BrowserIT::labelsOverlap);
    }

    /** The pairs of the nodes that overlap, as the test given says ("a / b"). */
    protected static List<String> overlapping(List<JsonNode> nodes, BiPredicate<JsonNode, JsonNode> overlap) {
        var found = new ArrayList<String>();
        for (var i = 0; i < nodes.size(); i++) {
            for (var j = i + 1; j < nodes.size(); j++) {
                if (overlap.test(nodes.get(i), nodes.get(j))) {
                    found.add(nodes.get(i).get("key").asString() + " / "
                            + nodes.get(j).get("key").asString());
                }
            }
        }
        return found;
    }

    /** A part of a test that may throw (a screenshot). */
    @FunctionalInterface
    protected interface Part {
        void run() throws Exception;
    }

    /**
     * Runs a part of a test on a screen of exactly width×height CSS pixels (the meeting room's is
     * 1920×1080): the window of the headless browser is held to it, and let go afterwards.
     */
    protected void onScreen(int width, int height, Part part) throws Exception {
        var chrome = (ChromeDriver) driver;
        // the emulation answers before the page has its new size: each change is waited for in the page
        // (a resize applied after the part began refitted the graph under its zoom assertions)
        var window = (String) js("return innerWidth + 'x' + innerHeight");
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        var ran = false;
        try {
            waitFor("innerWidth + 'x' + innerHeight === '" + width + "x" + height + "'");
            part.run();
            ran = true;
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            if (ran) {
                // (after a failure the failure is what is reported, not a wait that followed it)
                waitFor("innerWidth + 'x' + innerHeight === '" + window + "'");
            }
        }
    }

    /** Enters meeting mode and waits until the graph is drawn again in its type and everything has loaded. */
    protected void meetingMode() {
        var rendered = renders("cy");
        driver.findElement(By.id("meeting-button")).click();
        waitRendered("cy", rendered);
        waitSettled();
    }

    /** Clicks a node where the graph draws it, as a user would, and waits until it is selected. */
    protected void clickNode(String key) {
        var graph = graph();
        var node = node(graph, key);
        var canvas = driver.findElement(By.id("cy"));
        var size = canvas.getSize();
        if (!inside(node, size.getWidth(), size.getHeight())) {
            // an expansion may draw a node outside the view (the page says "Fit shows everything"):
            // as a user would, fit the graph to the view first (a fit is done when its click is)
            driver.findElement(By.id("fit-button")).click();
            graph = graph();
            node = node(graph, key);
        }
        // where the node shows: its middle, or the part of it no other node is drawn over (a force layout
        // may lay one node partly over another, and a click there goes to the one on top: verify 22)
        var at = visiblePoint(graph, node);
        new Actions(driver)
                .moveToElement(canvas, (int) Math.round(at[0] - size.getWidth() / 2.0), (int)
                        Math.round(at[1] - size.getHeight() / 2.0))
                .click()
                .perform();
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "%s to be selected after a click at (%.0f, %.0f) in a graph of %d x %d; selected: %s"
                        .formatted(key, at[0], at[1], size.getWidth(), size.getHeight(), selected()))
                .until(d -> key.equals(selected()));
    }

    /**
     * A point of the node as drawn (rendered pixels) that lies outside every other visible node's
     * symbol: its middle when nothing covers it, else the first of points around the middle, within
     * the symbol, that nothing covers; the middle when every one is covered.
     */
    private static double[] visiblePoint(JsonNode graph, JsonNode node) {
        var zoom = graph.get("zoom").asDouble();
        var x = node.get("renderedX").asDouble();
        var y = node.get("renderedY").asDouble();
        var radius = node.get("width").asDouble() * zoom / 2;
        var others = nodes(graph).stream()
                .filter(n -> n.get("visible").asBoolean() && !n.get("key").equals(node.get("key")))
                // (a household's outline lies under its people: a click inside it reaches them)
                .filter(n -> !hasClass(n, "household") && n.get("width").asDouble() > 0)
                .toList();
        for (var step : new double[][] {{0, 0}, {0, -1}, {0, 1}, {-1, 0}, {1, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}}) {
            var px = x + step[0] * radius * 0.55;
            var py = y + step[1] * radius * 0.55;
            var covered = others.stream().anyMatch(n -> {
                var r = n.get("width").asDouble() * zoom / 2 + 2;
                var dx = n.get("renderedX").asDouble() - px;
                var dy = n.get("renderedY").asDouble() - py;
                return dx * dx + dy * dy <= r * r;
            });
            if (!covered) {
                return new double[] {px, py};
            }
        }
        return new double[] {x, y};
    }

    /** Whether a node's middle is drawn inside the graph's area (a little inside its edges). */
    private static boolean inside(JsonNode node, int width, int height) {
        var x = node.get("renderedX").asDouble();
        var y = node.get("renderedY").asDouble();
        return x > 4 && y > 4 && x < width - 4 && y < height - 4;
    }

    /** Presses a key on the graph and waits until the selection has changed. */
    protected void press(WebElement canvas, Keys key) {
        var was = selected();
        canvas.sendKeys(key);
        new WebDriverWait(driver, WAIT).until(d -> !was.equals(selected()));
    }

    /** Presses a key until the node is selected, at most {@code most} times. */
    protected void pressUntil(WebElement canvas, Keys key, String wanted, int most) {
        var presses = 0;
        while (!wanted.equals(selected())) {
            assertThat(presses++).as("presses to reach %s", wanted).isLessThan(most);
            press(canvas, key);
        }
    }
}
