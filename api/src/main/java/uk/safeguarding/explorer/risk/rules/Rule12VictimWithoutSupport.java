package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/**
 * 12. A sexual-abuse victim without CAMHS / CSAAC / ISVA support (HIGH past the threshold, MEDIUM
 * before), or who waited longer than the threshold for it (LOW).
 */
@Component
class Rule12VictimWithoutSupport implements RiskRule {

    private static final Statements READ = Statements.named("rule-12");

    /** A victim since a day with no support after some weeks (the threshold in weeks). */
    record NoSupport(String personId, LocalDate since, long weeks, int threshold) implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(personId) + ", a victim of sexual abuse since " + since
                    + ", has no CAMHS, CSAAC or ISVA involvement (" + weeks + " weeks; the threshold is " + threshold
                    + ").";
        }
    }

    /** A victim who waited some weeks for an agency's support, which began on a day. */
    record LateSupport(String personId, long weeks, int threshold, String agencyName, LocalDate began)
            implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(personId) + " waited " + weeks + " weeks (threshold " + threshold + ") for " + agencyName
                    + ", which began on " + began + ".";
        }
    }

    @Override
    public int number() {
        return 12;
    }

    @Override
    public String code() {
        return "SA_VICTIM_NO_SUPPORT";
    }

    @Override
    public void raise(RuleContext c) {
        var limit = c.settings.supportWaitWeeks();
        for (var row : c.read(READ)) {
            var person = c.person(row.get("c"));
            if (!c.child(person)) {
                continue;
            }
            var since = Views.date(row, "since");
            var start = since == null ? c.asOf : since;
            var support = row.get("involvements").asList(v -> v).stream()
                    .filter(i -> isSupport(i, c))
                    .filter(i ->
                            Views.date(i, "to") == null || !Views.date(i, "to").isBefore(start))
                    .min(Comparator.comparing(
                            (Value i) -> Views.date(i, "from"), Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            var evidence = new ArrayList<String>(List.of(person.id()));
            evidence.addAll(row.get("whys").asList(Value::asString));
            if (support == null) {
                var weeks = ChronoUnit.WEEKS.between(start, c.asOf);
                c.raise(new Raised(
                        number(),
                        code(),
                        weeks > limit ? Severity.HIGH : Severity.MEDIUM,
                        person.id(),
                        SubjectKind.PERSON,
                        evidence,
                        List.of(person.id()),
                        new NoSupport(person.id(), start, weeks, limit),
                        null));
                continue;
            }
            var began = Views.date(support, "from");
            var waited = began == null || !began.isAfter(start) ? 0 : ChronoUnit.WEEKS.between(start, began);
            if (waited > limit) {
                evidence.add(support.get("key").asString());
                c.raise(new Raised(
                        number(),
                        code(),
                        Severity.LOW,
                        person.id(),
                        SubjectKind.PERSON,
                        evidence,
                        List.of(person.id()),
                        new LateSupport(
                                person.id(),
                                waited,
                                limit,
                                support.get("agencyName").asString(),
                                began),
                        null));
            }
        }
    }

    private static boolean isSupport(Value involvement, RuleContext c) {
        var text = String.join(
                        " | ",
                        nonNull(Views.string(involvement, "agencyId")),
                        nonNull(Views.string(involvement, "agencyName")),
                        nonNull(Views.string(involvement, "role")))
                .toLowerCase(Locale.ROOT);
        return c.settings.supportServices().stream().anyMatch(text::contains);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
