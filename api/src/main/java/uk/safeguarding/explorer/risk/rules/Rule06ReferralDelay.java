package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/**
 * 6. A referral sent more than a working day after the incident, or decided more than one after
 * receipt (or undecided more than one after): MEDIUM when decided late or sent over five days late.
 */
@Component
class Rule06ReferralDelay implements RiskRule {

    static final Statements REFERRALS = Statements.named("referrals-in-window");

    /** What was late about a referral. */
    sealed interface Delay {

        String words();
    }

    /** Received some working days after the incident. */
    record LateReceipt(long workingDays, LocalDate incident) implements Delay {

        @Override
        public String words() {
            return "received " + workingDays + " working days after the incident on " + incident;
        }
    }

    /** Decided some working days after receipt. */
    record LateDecision(long workingDays, LocalDate received) implements Delay {

        @Override
        public String words() {
            return "decided " + workingDays + " working days after receipt on " + received;
        }
    }

    /** Not decided some working days after receipt. */
    record NoDecision(long workingDays, LocalDate received) implements Delay {

        @Override
        public String words() {
            return "still undecided " + workingDays + " working days after receipt on " + received;
        }
    }

    /** A referral (from an agency, when known) about a person, and its delays. */
    record LateReferral(String referralId, String agencyName, String agencyType, String personId, List<Delay> delays)
            implements Finding {

        @Override
        public String sentence(Names name) {
            // an agency managing offenders only to readers told of it, and its extract's ids too (walk 72)
            return "Referral " + name.record(referralId)
                    + (agencyName == null ? "" : name.told(agencyType, " from " + agencyName)) + " about "
                    + name.name(personId) + " was "
                    + String.join("; ", delays.stream().map(Delay::words).toList())
                    + " (timescale: 1 working day).";
        }
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String code() {
        return "REFERRAL_DELAY";
    }

    @Override
    public void raise(RuleContext c) {
        var days = c.settings.workingDays();
        for (var row : c.read(REFERRALS)) {
            var r = row.get("r");
            var person = c.person(row.get("p"));
            var id = Views.string(r, "id");
            var received = RiskRules.london(r.get("receivedAt"));
            var incident = RiskRules.london(r.get("incidentAt"));
            // not decided yet on the as-of day when decided later: that decision is not known then
            var decided = RiskRules.decidedBy(r, c.asOf);
            var delays = new ArrayList<Delay>();
            var severity = Severity.LOW;
            if (incident != null && days.between(incident, received) > 1) {
                var late = days.between(incident, received);
                delays.add(new LateReceipt(late, incident));
                if (late > 5) {
                    severity = Severity.MEDIUM;
                }
            }
            if (decided != null && days.between(received, decided) > 1) {
                delays.add(new LateDecision(days.between(received, decided), received));
                severity = Severity.MEDIUM;
            } else if (decided == null && days.between(received, c.asOf) > 1) {
                delays.add(new NoDecision(days.between(received, c.asOf), received));
                severity = Severity.MEDIUM;
            }
            if (delays.isEmpty()) {
                continue;
            }
            var from = row.get("ag").isNull() ? null : Views.string(row.get("ag"), "name");
            var fromType = row.get("ag").isNull() ? null : Views.string(row.get("ag"), "type");
            c.raise(new Raised(
                    number(),
                    code(),
                    severity,
                    id,
                    SubjectKind.REFERRAL,
                    List.of(id, person.id()),
                    List.of(person.id()),
                    new LateReferral(id, from, fromType, person.id(), List.copyOf(delays)),
                    null));
        }
    }
}
