package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.neo4j.Parameters;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 8. A strategy-meeting action past its due date and not completed: HIGH when long overdue. */
@Component
class Rule08ActionOverdue implements RiskRule {

    private static final Statements READ = Statements.named("overdue-actions");

    /** An overdue action: what, whose (owner in words), agreed when, for whom, due when, how late. */
    record OverdueAction(
            String description,
            String owner,
            String ownerType,
            LocalDate heldOn,
            List<String> people,
            LocalDate due,
            long workingDaysLate)
            implements Finding {

        @Override
        public String sentence(Names name) {
            return "\"" + description + "\" (" + (owner == null ? "no owner recorded" : name.agency(owner, ownerType))
                    + "), agreed at the strategy meeting of " + heldOn
                    + (people.isEmpty() ? "" : " for " + Sentences.people(people, name)) + ", was due on " + due
                    + " and is " + workingDaysLate + " working days overdue.";
        }
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String code() {
        return "ACTION_OVERDUE";
    }

    @Override
    public void raise(RuleContext c) {
        var days = c.settings.workingDays();
        var parameters = Parameters.with("agency", null);
        for (var row : c.read(c.scoped() ? READ.people() : READ.area(), parameters)) {
            var m = row.get("m");
            if (!"STRATEGY".equals(Views.string(m, "kind"))) {
                continue;
            }
            var ac = row.get("ac");
            var id = Views.string(ac, "id");
            var due = Views.date(ac, "dueOn");
            var late = days.between(due, c.asOf);
            var people = new ArrayList<String>();
            row.get("people").asList(v -> v).forEach(p -> people.add(c.person(p).id()));
            var owner = row.get("owner").isNull() ? null : Views.string(row.get("owner"), "name");
            var ownerType = row.get("owner").isNull() ? null : Views.string(row.get("owner"), "type");
            var evidence = new ArrayList<String>(List.of(id, Views.string(m, "id")));
            evidence.addAll(people);
            c.raise(new Raised(
                    number(),
                    code(),
                    late > c.settings.overdueHighWorkingDays() ? Severity.HIGH : Severity.MEDIUM,
                    id,
                    SubjectKind.ACTION,
                    evidence,
                    List.copyOf(people),
                    new OverdueAction(
                            Views.string(ac, "description"),
                            owner,
                            ownerType,
                            Views.date(m, "heldOn"),
                            List.copyOf(people),
                            due,
                            late),
                    null));
        }
    }
}
