package uk.safeguarding.explorer.risk.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.explorer.risk.RiskFlag;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/**
 * A flag before its sentence is written: the rule's finding writes it once need-to-know has said who
 * may be named. {@code offenderId} is set on flags resting on offender detail (rules 1-3), which the
 * redaction policy may restrict. {@code evidenceAbout} names, for evidence that is a record about one
 * person (a referral, a marker), that person: such evidence is shown only to a reader who may see them.
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
        String offenderId,
        Map<String, String> evidenceAbout,
        List<Lifetime> restsOn,
        Raised otherwise) {

    /**
     * A flag that is what it is only because at least one of {@code restsOn} is a child on the day:
     * for a reader who may not see them, and for whom none of them is a child that day in whole
     * months, the flag is {@code otherwise} ({@code null}: no flag). Moving the day then never shows
     * the day a hidden child was born, turned 18 or died.
     */
    public Raised restingOn(List<Lifetime> children, Raised otherwise) {
        return new Raised(
                rule,
                code,
                severity,
                subjectId,
                kind,
                evidence,
                people,
                finding,
                offenderId,
                evidenceAbout,
                List.copyOf(children),
                otherwise);
    }

    /** A flag whose evidence may be about one person (see the type's description). */
    public Raised(
            int rule,
            String code,
            Severity severity,
            String subjectId,
            SubjectKind kind,
            List<String> evidence,
            List<String> people,
            Finding finding,
            String offenderId,
            Map<String, String> evidenceAbout) {
        this(
                rule,
                code,
                severity,
                subjectId,
                kind,
                evidence,
                people,
                finding,
                offenderId,
                evidenceAbout,
                List.of(),
                null);
    }

    /** A flag whose evidence is about no one in particular (the rule's nodes and relationships). */
    public Raised(
            int rule,
            String code,
            Severity severity,
            String subjectId,
            SubjectKind kind,
            List<String> evidence,
            List<String> people,
            Finding finding,
            String offenderId) {
        this(rule, code, severity, subjectId, kind, evidence, people, finding, offenderId, Map.of());
    }

    /** The flag with its sentence written through the names given (tests of a rule's sentence). */
    public RiskFlag write(Names names) {
        return new RiskFlag(
                rule, code, severity, subjectId, kind, finding.sentence(names), evidence, people, List.of());
    }

    /** Everyone the sentence may name or tell about (found by writing it once with names that note them). */
    public Set<String> named() {
        var named = new LinkedHashSet<String>();
        finding.sentence(new Names() {
            @Override
            public String name(String personId) {
                named.add(personId);
                return "";
            }

            @Override
            public String about(String personId, String words, String neutral) {
                named.add(personId);
                return "";
            }
        });
        return named;
    }
}
