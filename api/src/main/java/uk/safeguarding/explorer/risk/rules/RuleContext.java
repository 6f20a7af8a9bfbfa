package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.risk.RiskSettings;

/**
 * What the rules share while they run in one read transaction: the day, the people asked about
 * ({@code null} for the whole area), the flags raised so far and the names of everyone they may
 * mention. Reads without extra parameters are kept for the run (rules 6 and 11 read the same
 * referrals).
 */
final class RuleContext {

    final TransactionContext tx;
    final LocalDate asOf;
    /** The people asked about, each once; null for the whole area. */
    final List<String> ids;

    final RiskSettings settings;
    final List<Raised> flags = new ArrayList<>();
    final Map<String, String> names = new HashMap<>();
    /** Birth days of the people the flags concern, where known: a hidden person is shown from the month after. */
    final Map<String, LocalDate> born = new HashMap<>();

    private final Map<String, List<Record>> shared = new HashMap<>();

    RuleContext(TransactionContext tx, LocalDate asOf, List<String> ids, RiskSettings settings) {
        this.tx = tx;
        this.asOf = asOf;
        this.ids = ids;
        this.settings = settings;
    }

    /** Whether the rules run for some people rather than the whole area. */
    boolean scoped() {
        return ids != null;
    }

    /** The rows of the statement that fits the scope (area-wide or from the people asked about). */
    List<Record> read(Statements statements) {
        var name = scoped() ? statements.people() : statements.area();
        return shared.computeIfAbsent(name, n -> read(n, Map.of()));
    }

    /** The rows of one named statement with the rules' parameters and some of its own. */
    List<Record> read(String name, Map<String, Object> extra) {
        var parameters = new HashMap<String, Object>(extra);
        parameters.put("asOf", asOf);
        parameters.put("ids", ids);
        parameters.put(
                "windowStart",
                asOf.minusMonths(settings.windowMonths()).plusDays(1).atStartOfDay(RiskRules.LONDON));
        parameters.put("windowEnd", asOf.plusDays(1).atStartOfDay(RiskRules.LONDON));
        parameters.put("dayEnd", asOf.plusDays(1).atStartOfDay(RiskRules.LONDON));
        return Graph.read(tx, name, parameters, r -> r);
    }

    /** A person node, noting their name for the sentences. */
    PersonView person(Value node) {
        var person = PersonView.from(node);
        names.put(person.id(), person.displayName());
        born(person.id(), person.dateOfBirth());
        return person;
    }

    /** Notes the birth day of someone a flag may concern. */
    void born(String id, LocalDate day) {
        if (day != null) {
            born.put(id, day);
        }
    }

    /** The lifetime of a person, for a flag that rests on their being a child. */
    static Lifetime lifetime(PersonView p) {
        return new Lifetime(p.id(), p.dateOfBirth(), p.deceasedOn());
    }

    /** Notes the name of someone a sentence may mention. */
    void name(String id, String name) {
        names.put(id, name);
    }

    boolean child(PersonView p) {
        return Ages.isChild(p.dateOfBirth(), p.deceasedOn(), asOf);
    }

    /** Whether a flag concerning these people belongs to the run (always, for the whole area). */
    boolean inScope(Collection<String> people) {
        return ids == null || people.stream().anyMatch(ids::contains);
    }

    void raise(Raised flag) {
        flags.add(flag);
    }
}
