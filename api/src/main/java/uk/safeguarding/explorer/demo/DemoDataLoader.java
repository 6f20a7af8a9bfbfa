package uk.safeguarding.explorer.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * On an empty database, loads the fictional demo bundle (two families modelled on the practice
 * studies of the inspection; every name, date, address and identifier is invented), so that a new
 * user sees a working explorer at once, then a school's fictional agency extract whose two records
 * wait for a data steward (a pupil known to the school by another family name, a parent contact
 * without a date of birth), so that the steward's review queue has work in it. On by default in
 * local mode ({@code EXPLORER_DEMO_DATA}).
 *
 * <p>It loads before the web server starts (a lifecycle phase below the server's), so the sign-in
 * page answers only once the families are there: when it loaded after, as an application runner,
 * a new user's first questions arrived during the load, found nobody or shared the cores with it,
 * and were stopped at the query timeout.
 */
@Component
class DemoDataLoader implements SmartLifecycle {

    /** Before the web server, which starts at {@code WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024}. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    static final String BUNDLE = "/demo/york-practice-studies.json";
    static final String EXTRACT = "/demo/school-a-extract.json";
    /**
     * The day the demo families are seen on: the scenario's as-of day (the inspection week); their
     * records end in September 2018 (../shared/scenarios/README.md).
     */
    static final LocalDate DAY = LocalDate.of(2018, 9, 26);
    /** The demo families' names, to search for. */
    static final List<String> FAMILY_NAMES = List.of("Archer", "Bell");

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Graph graph;
    private final ImportService importService;
    private final boolean enabled;
    private volatile boolean running;

    DemoDataLoader(
            Graph graph,
            ImportService importService,
            @Value("${explorer.demo-data:#{'${explorer.mode}' == 'local'}}") boolean enabled) {
        this.graph = graph;
        this.importService = importService;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        try {
            loadIfMissing();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the fictional demo data: " + e.getMessage(), e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Loads what of the demo data the database lacks (nothing when it is off). */
    void loadIfMissing() throws IOException {
        if (!enabled) {
            return;
        }
        var people = graph.read(
                        "queries/count-people", Map.of(), r -> r.get("people").asLong())
                .get(0);
        if (people == 0) {
            load(BUNDLE);
        } else {
            LOG.info("Database holds {} people; demo bundle not loaded", people);
        }
        // the school's extract on its own check, so that a start stopped between the two loads it the next
        // time: only where the demo families are (their bundle's record of Ruby) and it is not loaded yet
        if (holds("demo", "p-ruby") && !holds("school-a", "SA-2291")) {
            load(EXTRACT);
        }
    }

    /** Whether the demo data is on here and its families are in the database (their record of Ruby). */
    boolean familiesLoaded() {
        return enabled && holds("demo", "p-ruby");
    }

    private boolean holds(String source, String localId) {
        return !graph.read("identity/source-record", Map.of("source", source, "localId", localId), r -> r)
                .isEmpty();
    }

    private void load(String resource) throws IOException {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(resource)) {
            var result = importService.importBundle(JsonMapper.shared().readTree(in));
            LOG.info("Loaded fictional demo data {}: {}", resource, result.imported());
            if (!result.rejected().isEmpty()) {
                LOG.warn(
                        "Fictional demo data {}: {} record(s) rejected: {}",
                        resource,
                        result.rejected().size(),
                        result.rejected());
            }
        }
    }
}
