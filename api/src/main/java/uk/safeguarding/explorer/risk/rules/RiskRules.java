package uk.safeguarding.explorer.risk.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.PlanBuckets;
import uk.safeguarding.explorer.risk.RiskSettings;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * Runs the twelve rules of DESIGN §6 ({@link RiskRule}, one class each, found by Spring) in one read
 * transaction, for the whole area or for some people. For some people every rule starts from them
 * by index seek, so the cost follows the number of people asked about, not the size of the area.
 * Flags come back with their sentences unwritten ({@link Raised}): the caller writes them once it
 * knows whom the user may see.
 */
@Component
public class RiskRules {

    /** The day of an instant is its day in England. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Logger LOG = LoggerFactory.getLogger(RiskRules.class);

    private final Graph graph;
    private final RiskSettings settings;
    private final Clock clock;
    private final Map<Integer, RiskRule> rules;

    RiskRules(Graph graph, RiskSettings settings, Clock clock, List<RiskRule> rules) {
        this.graph = graph;
        this.settings = settings;
        this.clock = clock;
        this.rules = rules.stream()
                .collect(Collectors.toMap(
                        RiskRule::number,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException(
                                    "two classes for risk rule " + a.number() + ": " + a.code() + ", " + b.code());
                        },
                        TreeMap::new));
        var expected = IntStream.rangeClosed(1, 12).boxed().collect(Collectors.toSet());
        if (!this.rules.keySet().equals(expected)) {
            throw new IllegalStateException("risk rules 1 to 12 each need one class; found " + this.rules.keySet());
        }
    }

    /**
     * The twelve rules over a graph of the caller's, outside Spring: for the benchmark, whose raw side
     * runs the application's own rules, statements and sequence (need-to-know is the caller's).
     */
    public static RiskRules standalone(Graph graph, RiskSettings settings, SiblingsService siblings) {
        return new RiskRules(
                graph,
                settings,
                Clock.systemUTC(),
                List.of(
                        new Rule01OffenderCoResidence(),
                        new Rule02AddressMarkerMissing(),
                        new Rule03OffenderContact(),
                        new Rule04SiblingNotAssessed(siblings),
                        new Rule05HsbWithoutAim3OrYot(),
                        new Rule06ReferralDelay(),
                        new Rule07StrategyMeetingAgencyAbsent(),
                        new Rule08ActionOverdue(),
                        new Rule09MissingNoReturnInterview(),
                        new Rule10PlanNoNhsNumber(),
                        new Rule11RepeatReferrals(),
                        new Rule12VictimWithoutSupport()));
    }

    /**
     * Plans the statements the rules run for some people at start-up (asking about nobody), for each
     * size of list the explorer asks about ({@link PlanBuckets}), so that the first person opened does
     * not wait for Neo4j to plan twelve statements: the explorer asks for the flags of every person it
     * shows. Called by the start-up warm-up.
     */
    public void warmUp() {
        var today = LocalDate.now(clock.withZone(LONDON));
        for (var ids : PlanBuckets.NOBODY) {
            evaluate(today, null, ids);
        }
    }

    /**
     * The flags of a day, the names of everyone they may mention and the birth days of the people they
     * concern, where known, by id.
     */
    public record Result(List<Raised> flags, Map<String, String> names, LocalDate asOf, Map<String, LocalDate> born) {}

    /**
     * The flags of the given rules ({@code null}: all) on asOf, for the whole area ({@code ids} null)
     * or for the people given (flags about them, about their addresses, referrals, meetings and
     * actions). An unknown rule number is an error.
     */
    public Result evaluate(LocalDate asOf, Set<Integer> wanted, Collection<String> ids) {
        if (wanted != null && !rules.keySet().containsAll(wanted)) {
            throw new IllegalArgumentException("no risk rule numbered "
                    + wanted.stream()
                            .filter(n -> !rules.containsKey(n))
                            .sorted()
                            .toList());
        }
        var days = settings.workingDays();
        if (!days.covers(asOf.getYear())) {
            LOG.warn(
                    "The bank-holiday calendar covers {}-{}, not {}: working days there count weekends only. "
                            + "Add the year (README, 'Risk indicators').",
                    days.firstYear(),
                    days.lastYear(),
                    asOf.getYear());
        }
        var scope = ids == null ? null : List.copyOf(new LinkedHashSet<>(ids));
        return graph.inReadTransaction(tx -> {
            var context = new RuleContext(tx, asOf, scope, settings);
            rules.values().stream()
                    .filter(r -> wanted == null || wanted.contains(r.number()))
                    .sorted(Comparator.comparingInt(RiskRule::number))
                    .forEach(r -> r.raise(context));
            return new Result(List.copyOf(context.flags), context.names, asOf, context.born);
        });
    }

    /** The day in England of an instant read from the graph; null for none. */
    public static LocalDate london(Value instant) {
        return instant == null || instant.isNull()
                ? null
                : instant.asZonedDateTime().withZoneSameInstant(LONDON).toLocalDate();
    }

    /** The day in England of an instant; null for none. */
    public static LocalDate london(ZonedDateTime instant) {
        return instant == null ? null : instant.withZoneSameInstant(LONDON).toLocalDate();
    }

    /**
     * The day in England a referral (its {@code decidedAt}) was decided, if it was by asOf ({@code
     * null} for no limit); else null: a decision made later was not known on that day, and is
     * neither counted nor told.
     */
    public static LocalDate decidedBy(Value referral, LocalDate asOf) {
        var decided = london(referral.get("decidedAt"));
        return decided == null || (asOf != null && decided.isAfter(asOf)) ? null : decided;
    }
}
