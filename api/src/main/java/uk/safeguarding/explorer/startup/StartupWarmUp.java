package uk.safeguarding.explorer.startup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.addresses.SharedAddressRepository;
import uk.safeguarding.explorer.chronology.ChronologyRepository;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;
import uk.safeguarding.explorer.involvement.InvolvementRepository;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.PlanBuckets;
import uk.safeguarding.explorer.network.NetworkRepository;
import uk.safeguarding.explorer.person.PersonRepository;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * Plans, once the explorer has started, the statements that opening a person runs: the need-to-know
 * queries and the risk rules for each size of list and name (asking about nobody, {@link
 * PlanBuckets}), then the network, siblings, addresses, involvement, chronology and markers of a real
 * person with a short id and of one with a long id (the answers are thrown away, shown to nobody and
 * so not audited). A cold start otherwise made the first person opened wait several seconds while
 * Neo4j planned some forty statements; later ones took a tenth of that. It runs in the background, so
 * the explorer answers meanwhile (the first answers then as slowly as without it). A step that fails
 * is logged and the others still run: the warm-up only saves time.
 */
@Component
public class StartupWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Graph graph;
    private final NeedToKnow needToKnow;
    private final RiskRules riskRules;
    private final NetworkRepository network;
    private final SharedAddressRepository addresses;
    private final InvolvementRepository involvement;
    private final ChronologyRepository chronology;
    private final PersonRepository people;
    private final Redaction redaction;
    private final Clock clock;
    private final boolean enabled;

    public StartupWarmUp(
            Graph graph,
            NeedToKnow needToKnow,
            RiskRules riskRules,
            NetworkRepository network,
            SharedAddressRepository addresses,
            InvolvementRepository involvement,
            ChronologyRepository chronology,
            PersonRepository people,
            Redaction redaction,
            Clock clock,
            @Value("${explorer.warm-up:true}") boolean enabled) {
        this.graph = graph;
        this.needToKnow = needToKnow;
        this.riskRules = riskRules;
        this.network = network;
        this.addresses = addresses;
        this.involvement = involvement;
        this.chronology = chronology;
        this.people = people;
        this.redaction = redaction;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** What a warm-up did: the steps run, and those that failed with why. */
    public record Report(List<String> done, Map<String, String> failed, long millis) {}

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            var thread = new Thread(this::runAndLog, "plan-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void runAndLog() {
        Report report;
        try {
            report = run();
        } catch (RuntimeException e) {
            LOG.warn("Start-up warm-up stopped; the first requests will plan their statements: {}", e.getMessage());
            return;
        }
        if (report.failed().isEmpty()) {
            LOG.info("Planned the statements of opening a person in {} ms: {}", report.millis(), report.done());
        } else {
            LOG.warn(
                    "Start-up warm-up: {} step(s) failed, the first request will plan them: {}",
                    report.failed().size(),
                    report.failed());
        }
    }

    /** Runs every step (with the area-wide timeout: planning is slow on a busy machine). */
    public Report run() {
        var started = System.nanoTime();
        var done = new ArrayList<String>();
        var failed = new LinkedHashMap<String, String>();
        var today = LocalDate.now(clock.withZone(LONDON));
        step("need-to-know", needToKnow::warmUp, done, failed);
        step("risk rules", riskRules::warmUp, done, failed);
        // a person with a short id (up to 10 characters) and one with a long id, where there are any
        for (var lengths : List.of(List.of(0, 10), List.of(11, 100))) {
            var person = Graph.areaWide(() -> graph.read(
                            "queries/warm-up-person",
                            Map.of("shortest", lengths.get(0), "longest", lengths.get(1)),
                            r -> r.get("id").asString()))
                    .stream()
                    .findFirst();
            person.ifPresent(id -> warmPerson(id, today, done, failed));
        }
        return new Report(List.copyOf(done), Map.copyOf(failed), (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads what opening the person reads (the answers are thrown away). */
    private void warmPerson(String id, LocalDate today, List<String> done, Map<String, String> failed) {
        var offenderTypes = redaction.offenderMarkerTypes();
        step(
                "network",
                () -> {
                    network.network(id, 1, today, 500, offenderTypes);
                    network.network(id, 2, today, 500, offenderTypes);
                },
                done,
                failed);
        step("siblings", () -> SiblingsService.forTools(graph).withoutNeedToKnow(id, today), done, failed);
        step("addresses", () -> addresses.sharedAddresses(id, today, true), done, failed);
        step(
                "involvement",
                () -> {
                    for (var scope : Scope.values()) {
                        involvement.involvement(id, scope, today);
                    }
                },
                done,
                failed);
        step("chronology", () -> chronology.chronology(id), done, failed);
        step(
                "person",
                () -> {
                    people.findById(id);
                    people.markers(List.of(id), today);
                },
                done,
                failed);
    }

    private static void step(String name, Runnable work, List<String> done, Map<String, String> failed) {
        try {
            Graph.areaWide(() -> {
                work.run();
                return null;
            });
            done.add(name);
        } catch (RuntimeException e) {
            failed.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
