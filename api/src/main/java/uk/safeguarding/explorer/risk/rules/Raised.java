package uk.safeguarding.explorer.risk.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.safeguarding.explorer.risk.RiskFlag;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/**
 * A flag before its sentence is written: the rule's finding writes it once need-to-know has said who
 * may be named. {@code offenderId} is set on flags resting on offender detail (rules 1-3), which the
 * redaction policy may restrict.
 */
public record Raised(
        int rule,
        String code,
        Severity severity,
        String subjectId,
        SubjectKind kind,
        List<String> evidence,
        List<String> people,
        Finding finding,
        String offenderId) {

    /** The flag with its sentence, naming people through {@code name}. */
    public RiskFlag write(Function<String, String> name) {
        return new RiskFlag(rule, code, severity, subjectId, kind, finding.sentence(name), evidence, people, List.of());
    }

    /** Everyone the sentence may name (found by writing it once with a name function that notes them). */
    public Set<String> named() {
        var named = new LinkedHashSet<String>();
        finding.sentence(id -> {
            named.add(id);
            return "";
        });
        return named;
    }
}
