package uk.safeguarding.explorer.risk.rules;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 9. A missing episode with no independent return home interview within 72 hours (clock time): HIGH. */
@Component
class Rule09MissingNoReturnInterview implements RiskRule {

    private static final Statements READ = Statements.named("rule-09");

    /** A missing episode (from when, London time) and whether an interview was held in time but not independently. */
    record NoInterview(String personId, LocalDateTime missingFrom, String episodeId, boolean heldButNotIndependent)
            implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(personId) + " was missing from " + missingFrom + " (" + episodeId + ") and had "
                    + (heldButNotIndependent
                            ? "a return home interview within 72 hours, but not by someone independent"
                            : "no return home interview within 72 hours")
                    + ".";
        }
    }

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String code() {
        return "MISSING_NO_RETURN_INTERVIEW";
    }

    @Override
    public void raise(RuleContext c) {
        var endOfDay = c.asOf.plusDays(1).atStartOfDay(RiskRules.LONDON);
        for (var row : c.read(READ)) {
            var person = c.person(row.get("p"));
            if (!c.child(person)) {
                continue;
            }
            var e = row.get("e");
            var start = e.get("occurredAt").asZonedDateTime();
            var end = e.get("endedAt").isNull() ? start : e.get("endedAt").asZonedDateTime();
            var deadline = end.plus(Duration.ofHours(72));
            if (!deadline.isBefore(endOfDay)) {
                continue;
            }
            var inTime = row.get("interviews").asList(v -> v).stream()
                    .filter(i -> {
                        var at = i.get("occurredAt").asZonedDateTime();
                        return !at.isBefore(end) && !at.isAfter(deadline);
                    })
                    .toList();
            if (inTime.stream()
                    .anyMatch(i -> i.get("independent").isNull()
                            || i.get("independent").asBoolean())) {
                continue;
            }
            var id = Views.string(e, "id");
            c.raise(new Raised(
                    number(),
                    code(),
                    Severity.HIGH,
                    person.id(),
                    SubjectKind.PERSON,
                    List.of(person.id(), id),
                    List.of(person.id()),
                    new NoInterview(
                            person.id(),
                            start.withZoneSameInstant(RiskRules.LONDON)
                                    .toLocalDateTime()
                                    .truncatedTo(ChronoUnit.MINUTES),
                            id,
                            !inTime.isEmpty()),
                    null));
        }
    }
}
