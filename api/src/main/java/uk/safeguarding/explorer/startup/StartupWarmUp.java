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
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;
import uk.safeguarding.explorer.neo4j.PlanBuckets;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Plans, once the explorer has started, the statements that opening a person runs: need-to-know,
 * the risk rules, and the network, siblings, addresses, involvement, chronology and markers
 * statements, each for the sizes of list and id a request gives it ({@link PlanBuckets}), asking
 * about ids of nobody: nothing is read about anyone, so nothing is audited or logged about anyone.
 * A cold start otherwise made the first person opened wait several seconds while Neo4j planned some
 * forty statements; later ones took a tenth of that. It runs in the background, so the explorer
 * answers meanwhile (the first answers then as slowly as without it), and stops when the
 * application closes. A step that fails is logged (with the error's kind, never its message) and the
 * others still run: the warm-up only saves time. While it runs, every read gets the area-wide timeout
 * ({@link Graph#readTimeout()}): a question asked then plans beside it, slowly, and is no runaway.
 */
@Component
public class StartupWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Rows a network hop may read (NetworkRepository: 20 a node, 500 nodes). */
    private static final int HOP_LIMIT = 500 * 20;

    private final Graph graph;
    private final NeedToKnow needToKnow;
    private final RiskRules riskRules;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean closing;
    private volatile State state;

    public StartupWarmUp(
            Graph graph,
            NeedToKnow needToKnow,
            RiskRules riskRules,
            Clock clock,
            @Value("${explorer.warm-up:true}") boolean enabled) {
        this.graph = graph;
        this.needToKnow = needToKnow;
        this.riskRules = riskRules;
        this.clock = clock;
        this.enabled = enabled;
        this.state = enabled ? State.PENDING : State.OFF;
    }

    /**
     * Where the warm-up stands, published by the {@code planWarmUp} health contributor: an operator
     * may hold an instance out of a load balancer until it is warm, and the benchmark waits for it so
     * that no measured request shares the machine with it.
     */
    public enum State {
        /** Turned off ({@code EXPLORER_WARM_UP=false}): nothing to wait for. */
        OFF,
        /** Waiting for the application to start. */
        PENDING,
        /** Planning now. */
        RUNNING,
        /** Finished (a step that failed is logged; the first requests plan it). */
        DONE
    }

    public State state() {
        return state;
    }

    /** What a warm-up did: the steps run, and those that failed with the kind of error. */
    public record Report(List<String> done, Map<String, String> failed, long millis) {}

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            start();
        }
    }

    /** Starts the warm-up in a background thread; {@link #state()} is {@code RUNNING} until it ends. */
    void start() {
        state = State.RUNNING;
        graph.warmingUp(true);
        var thread = new Thread(this::runAndLog, "plan-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        closing = true;
    }

    private void runAndLog() {
        Report report;
        try {
            report = run();
        } finally {
            graph.warmingUp(false);
            state = State.DONE;
        }
        if (closing) {
            // stopped by the application's closing: nothing to warn about
            return;
        }
        if (report.failed().isEmpty()) {
            LOG.info("Planned the statements of opening a person in {} ms: {}", report.millis(), report.done());
        } else {
            LOG.warn(
                    "Start-up warm-up: {} step(s) failed, the first requests will plan them: {}",
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
        step("network", () -> network(today), done, failed);
        step("siblings", () -> lists(today, "siblings-at-risk", "children-context"), done, failed);
        step(
                "people",
                () -> {
                    lists(today, "markers-of-people", "current-addresses", "involvement-context");
                    for (var ids : PlanBuckets.NOBODY) {
                        read("queries/people-by-id", Parameters.with("ids", ids));
                        read("queries/addresses-by-id", Parameters.with("ids", ids));
                        read("queries/partnerships-among", Parameters.with("ids", ids));
                    }
                },
                done,
                failed);
        step(
                "person",
                () -> {
                    for (var id : PlanBuckets.IDS) {
                        read("queries/person", Parameters.with("id", id));
                        read(
                                "queries/shared-addresses",
                                Parameters.with("id", id).and("asOf", today).and("includeHistoric", true));
                        read(
                                "queries/chronology",
                                Parameters.with("id", id).and("from", null).and("to", null));
                        for (var excluded : PlanBuckets.NOBODY_OR_NONE) {
                            read(
                                    "queries/family-circle",
                                    Parameters.with("id", id)
                                            .and("scope", "HOUSEHOLD")
                                            .and("asOf", today)
                                            .and("excluded", excluded));
                        }
                    }
                },
                done,
                failed);
        return new Report(List.copyOf(done), Map.copyOf(failed), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A network hop for each size of the people and addresses it starts from (the first hop: one
     * person, no address; a later one may start from addresses only), with nobody or someone
     * excluded; the details of what was collected.
     */
    private void network(LocalDate today) {
        for (var people : PlanBuckets.NOBODY_OR_NONE) {
            for (var addresses : PlanBuckets.NOBODY_OR_NONE) {
                if (people.isEmpty() && addresses.isEmpty()) {
                    continue;
                }
                for (var excluded : List.of(List.<String>of(), people.isEmpty() ? addresses : people)) {
                    read(
                            "queries/network-hop",
                            Parameters.with("people", people)
                                    .and("addresses", addresses)
                                    .and("asOf", today)
                                    .and("limit", HOP_LIMIT)
                                    .and("excluded", excluded));
                }
                read(
                        "queries/network-details",
                        Parameters.with("people", people)
                                .and("addresses", addresses)
                                .and("professionals", addresses)
                                .and("asOf", today));
            }
        }
    }

    /** Statements of ids and a day, for each size of list. */
    private void lists(LocalDate today, String... statements) {
        for (var ids : PlanBuckets.NOBODY) {
            for (var statement : statements) {
                read("queries/" + statement, Parameters.with("ids", ids).and("asOf", today));
            }
        }
    }

    private void read(String statement, Map<String, Object> parameters) {
        if (closing) {
            throw new IllegalStateException("the application is closing");
        }
        graph.read(statement, parameters, r -> r);
    }

    private void step(String name, Runnable work, List<String> done, Map<String, String> failed) {
        if (closing) {
            return;
        }
        try {
            Graph.areaWide(() -> {
                work.run();
                return null;
            });
            done.add(name);
        } catch (RuntimeException e) {
            // the kind only: a message may carry what a statement was about
            failed.put(name, e.getClass().getSimpleName());
        }
    }
}
