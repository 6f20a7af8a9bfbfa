package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * The Cypher of the follow-up work (risk/overdue-actions, risk/action, risk/triage, risk/referral,
 * risk/marker): rows as the statements return them, no decisions; {@link FollowUpService} decides
 * who may know of what.
 */
@Repository
class FollowUpRepository {

    private final Graph graph;

    FollowUpRepository(Graph graph) {
        this.graph = graph;
    }

    /** Actions due before the day and not done by then, of one owning agency or all (agencyId null). */
    List<Record> overdueActions(LocalDate asOf, String agencyId) {
        var parameters = Parameters.with("asOf", asOf).and("agency", agencyId);
        return graph.read("risk/overdue-actions", parameters, r -> r);
    }

    /** Actions completed from the one day to the other, of one owning agency or all (agencyId null). */
    List<Record> completedActions(LocalDate from, LocalDate asOf, String agencyId) {
        var parameters = Parameters.with("from", from).and("asOf", asOf).and("agency", agencyId);
        return graph.read("risk/completed-actions", parameters, r -> r);
    }

    /** An action with its meeting, owner and the people it is for and its meeting concerned. */
    Optional<Record> action(String actionId) {
        return graph.read("risk/action", Map.of("id", actionId), r -> r).stream()
                .findFirst();
    }

    Optional<Record> referral(String referralId) {
        return graph.read("risk/referral", Map.of("id", referralId), r -> r).stream()
                .findFirst();
    }

    /** A marker with the marker types its carrier ever carried and the kind of address that carries it. */
    Optional<Record> marker(String markerId) {
        return graph.read("risk/marker", Map.of("id", markerId), r -> r).stream()
                .findFirst();
    }

    /**
     * The referrals received in the window with what their score is read from, and then, in the same
     * read transaction, whatever the caller reads about them (their siblings).
     */
    <T> T triage(
            LocalDate asOf,
            ZonedDateTime windowStart,
            ZonedDateTime windowEnd,
            BiFunction<TransactionContext, List<Record>, T> then) {
        return graph.inReadTransaction(tx -> then.apply(
                tx,
                Graph.read(
                        tx,
                        "risk/triage",
                        Map.of("asOf", asOf, "windowStart", windowStart, "windowEnd", windowEnd),
                        r -> r)));
    }
}
