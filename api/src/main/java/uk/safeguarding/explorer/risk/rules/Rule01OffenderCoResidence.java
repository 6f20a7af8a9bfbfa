package uk.safeguarding.explorer.risk.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 1. A child co-resident with an RSO / MAPPA category 1 offender: HIGH now, MEDIUM historic. */
@Component
class Rule01OffenderCoResidence implements RiskRule {

    private static final Statements READ = Statements.named("rule-01");

    /** Where and when a child lived with the offender while the offender was registered. */
    record Stay(String address, Period overlap) {}

    /** A child who lives or lived with a registered offender, at one or more addresses. */
    record CoResidence(String childId, String offenderId, boolean current, List<Stay> stays) implements Finding {

        @Override
        public String sentence(Names name) {
            var where = stays.stream()
                    .map(s -> s.address() + " " + Sentences.period(s.overlap()))
                    .distinct()
                    .toList();
            return name.name(childId) + (current ? " lives" : " lived") + " with " + name.name(offenderId)
                    + ", a registered sex offender, at " + String.join("; ", where) + ".";
        }
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String code() {
        return "RSO_CO_RESIDENCE";
    }

    @Override
    public void raise(RuleContext c) {
        record Found(Stay stay, List<String> evidence) {}
        var byPair = new LinkedHashMap<List<String>, List<Found>>();
        for (var row : c.read(READ)) {
            var child = c.person(row.get("c"));
            if (!c.child(child)) {
                continue;
            }
            var offender = c.person(row.get("o"));
            var overlap = new Period(Views.date(row, "oFrom"), Views.date(row, "oTo"))
                    .intersection(new Period(Views.date(row, "cFrom"), Views.date(row, "cTo")));
            if (overlap == null) {
                continue;
            }
            // only while the offender was registered: a marker that ended before they met does not count
            overlap = overlap.intersection(new Period(Views.date(row, "markerFrom"), Views.date(row, "markerTo")));
            if (overlap == null || !overlap.startsOnOrBefore(c.asOf)) {
                continue;
            }
            // a stay still going on on the as-of day is said as going on: its end was not known then
            overlap = overlap.knownOn(c.asOf);
            var address = row.get("a");
            byPair.computeIfAbsent(List.of(child.id(), offender.id()), k -> new ArrayList<>())
                    .add(new Found(
                            new Stay(Views.string(address, "line1"), overlap),
                            List.of(
                                    child.id(),
                                    offender.id(),
                                    Views.string(address, "id"),
                                    row.get("markerId").asString(),
                                    row.get("oKey").asString(),
                                    row.get("cKey").asString())));
        }
        byPair.forEach((pair, found) -> {
            var childId = pair.get(0);
            var offenderId = pair.get(1);
            var current = found.stream().anyMatch(f -> f.stay().overlap().contains(c.asOf));
            var evidence = new LinkedHashSet<String>();
            found.forEach(f -> evidence.addAll(f.evidence()));
            c.raise(new Raised(
                    number(),
                    code(),
                    current ? Severity.HIGH : Severity.MEDIUM,
                    childId,
                    SubjectKind.PERSON,
                    List.copyOf(evidence),
                    List.of(childId, offenderId),
                    new CoResidence(
                            childId,
                            offenderId,
                            current,
                            found.stream().map(Found::stay).toList()),
                    offenderId));
        });
    }
}
