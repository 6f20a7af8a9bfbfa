package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 7. A strategy meeting without police or health attending: HIGH when both were absent. */
@Component
class Rule07StrategyMeetingAgencyAbsent implements RiskRule {

    private static final Statements READ = Statements.named("rule-07");

    /** A strategy meeting about some people, and the agencies (in words) that were not there. */
    record AbsentAgencies(LocalDate heldOn, List<String> people, List<String> missing) implements Finding {

        @Override
        public String sentence(Names name) {
            return "The strategy meeting of " + heldOn + " about " + Sentences.people(people, name)
                    + " was held without " + String.join(" or ", missing)
                    + " (the minimum is social care, health and police).";
        }
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String code() {
        return "STRATEGY_MEETING_AGENCY_ABSENT";
    }

    @Override
    public void raise(RuleContext c) {
        for (var row : c.read(READ)) {
            var present = row.get("present").asList(Value::asString);
            var missing = new ArrayList<String>();
            if (!present.contains("POLICE")) {
                missing.add("police");
            }
            if (!present.contains("HEALTH")) {
                missing.add("health");
            }
            if (missing.isEmpty()) {
                continue;
            }
            var m = row.get("m");
            var id = Views.string(m, "id");
            var people = new ArrayList<String>();
            row.get("people").asList(v -> v).forEach(p -> {
                people.add(p.get("id").asString());
                c.name(p.get("id").asString(), p.get("name").asString());
            });
            var evidence = new ArrayList<String>(List.of(id));
            evidence.addAll(people);
            c.raise(new Raised(
                    number(),
                    code(),
                    missing.size() == 2 ? Severity.HIGH : Severity.MEDIUM,
                    id,
                    SubjectKind.MEETING,
                    evidence,
                    List.copyOf(people),
                    new AbsentAgencies(Views.date(m, "heldOn"), List.copyOf(people), List.copyOf(missing)),
                    null));
        }
    }
}
