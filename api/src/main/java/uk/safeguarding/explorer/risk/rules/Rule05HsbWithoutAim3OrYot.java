package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 5. HSB without an AIM3 assessment or without youth offending: HIGH when both are missing. */
@Component
class Rule05HsbWithoutAim3OrYot implements RiskRule {

    private static final Statements READ = Statements.named("rule-05");

    /** A child with harmful sexual behaviour (since a day, when known) and what is missing. */
    record MissingResponse(String childId, LocalDate since, boolean aim3, boolean yot) implements Finding {

        @Override
        public String sentence(Names name) {
            var missing = new ArrayList<String>();
            if (!aim3) {
                missing.add("no AIM3 assessment");
            }
            if (!yot) {
                missing.add("no youth offending involvement");
            }
            return name.name(childId) + " has harmful sexual behaviour"
                    + (since == null ? "" : " (since " + since + ")") + " but " + String.join(" and ", missing) + ".";
        }
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String code() {
        return "HSB_NO_AIM3_OR_YOT";
    }

    @Override
    public void raise(RuleContext c) {
        for (var row : c.read(READ)) {
            var child = c.person(row.get("c"));
            var aim3 = row.get("aim3").asBoolean();
            var yot = row.get("yot").asBoolean();
            if (!c.child(child) || (aim3 && yot)) {
                continue;
            }
            var evidence = new ArrayList<String>(List.of(child.id()));
            evidence.addAll(row.get("whys").asList(Value::asString));
            c.raise(new Raised(
                    number(),
                    code(),
                    aim3 || yot ? Severity.MEDIUM : Severity.HIGH,
                    child.id(),
                    SubjectKind.PERSON,
                    evidence,
                    List.of(child.id()),
                    new MissingResponse(child.id(), Views.date(row, "since"), aim3, yot),
                    null));
        }
    }
}
