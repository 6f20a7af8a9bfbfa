package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 11. Two or more referrals about the same child within 12 months: HIGH from three. */
@Component
class Rule11RepeatReferrals implements RiskRule {

    /** A child's referrals in the window up to asOf, by the days they were received. */
    record RepeatReferrals(String personId, LocalDate asOf, List<LocalDate> received) implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(personId) + " has " + received.size() + " referrals in the 12 months to " + asOf
                    + " (received "
                    + String.join(
                            ", ", received.stream().map(LocalDate::toString).toList()) + ").";
        }
    }

    /** One referral about the child. */
    private record Referral(String id, LocalDate received) {}

    @Override
    public int number() {
        return 11;
    }

    @Override
    public String code() {
        return "REPEAT_REFERRALS";
    }

    @Override
    public void raise(RuleContext c) {
        var byPerson = new LinkedHashMap<String, List<Referral>>();
        for (var row : c.read(Rule06ReferralDelay.REFERRALS)) {
            var person = c.person(row.get("p"));
            if (c.child(person)) {
                byPerson.computeIfAbsent(person.id(), k -> new ArrayList<>())
                        .add(new Referral(
                                Views.string(row.get("r"), "id"),
                                RiskRules.london(row.get("r").get("receivedAt"))));
            }
        }
        byPerson.forEach((id, referrals) -> {
            if (referrals.size() < 2) {
                return;
            }
            var evidence = new ArrayList<String>(List.of(id));
            referrals.forEach(r -> evidence.add(r.id()));
            c.raise(new Raised(
                    number(),
                    code(),
                    referrals.size() >= 3 ? Severity.HIGH : Severity.MEDIUM,
                    id,
                    SubjectKind.PERSON,
                    evidence,
                    List.of(id),
                    new RepeatReferrals(
                            id,
                            c.asOf,
                            referrals.stream().map(Referral::received).toList()),
                    null));
        });
    }
}
