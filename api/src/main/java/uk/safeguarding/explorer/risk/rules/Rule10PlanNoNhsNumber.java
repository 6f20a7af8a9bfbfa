package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 10. A child on a protection plan without an NHS number: MEDIUM. */
@Component
class Rule10PlanNoNhsNumber implements RiskRule {

    private static final Statements READ = Statements.named("rule-10");

    /** A child on a plan (since a day, when known) whom health systems cannot flag. */
    record PlanWithoutNhsNumber(String personId, LocalDate since) implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(personId) + " has been on a child protection plan"
                    + (since == null ? "" : " since " + since)
                    + " but has no NHS number, so health systems (CP-IS) cannot flag them.";
        }
    }

    @Override
    public int number() {
        return 10;
    }

    @Override
    public String code() {
        return "PLAN_NO_NHS_NUMBER";
    }

    @Override
    public void raise(RuleContext c) {
        for (var row : c.read(READ)) {
            var person = c.person(row.get("p"));
            c.raise(new Raised(
                    number(),
                    code(),
                    Severity.MEDIUM,
                    person.id(),
                    SubjectKind.PERSON,
                    List.of(person.id(), row.get("markerId").asString()),
                    List.of(person.id()),
                    new PlanWithoutNhsNumber(person.id(), Views.date(row, "since")),
                    null));
        }
    }
}
