package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.model.Wording;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;
import uk.safeguarding.explorer.siblings.RiskLink.RiskLinkKind;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * 4. A sibling or household child of a CSA victim or HSB child not assessed since the concern began:
 * HIGH when they live together. The subjects come from the graph; their siblings and household
 * children are found as siblingsAtRisk finds them (before need-to-know, which the caller applies).
 */
@Component
class Rule04SiblingNotAssessed implements RiskRule {

    private static final Statements READ = Statements.named("rule-04");
    private static final Set<RiskLinkKind> SIBLING_KINDS = Set.of(
            RiskLinkKind.FULL_SIBLING,
            RiskLinkKind.HALF_SIBLING,
            RiskLinkKind.STEP_SIBLING,
            RiskLinkKind.ADOPTIVE_SIBLING,
            RiskLinkKind.FOSTER_SIBLING);

    /** Why the subject is a concern. */
    enum Concern {
        CSA_VICTIM("is a victim of child sexual abuse"),
        HARMFUL_SEXUAL_BEHAVIOUR("has harmful sexual behaviour");

        private final String words;

        Concern(String words) {
            this.words = words;
        }
    }

    /** A child at risk through a subject, how they are linked, and their last assessment (if any). */
    record NotAssessed(String childId, String subjectId, List<String> how, Concern concern, LocalDate lastAssessedOn)
            implements Finding {

        @Override
        public String sentence(Names name) {
            // the concern of someone the reader may not see is not told (DESIGN §7), only that there is one
            return name.name(childId) + " (" + String.join(", ", how) + " of " + name.name(subjectId) + ", "
                    + name.about(subjectId, "who " + concern.words, "about whom an agency holds a concern")
                    + ") has had no assessment since the concern began"
                    + (lastAssessedOn == null ? "." : "; the last was on " + lastAssessedOn + ".");
        }
    }

    private final SiblingsService siblings;

    Rule04SiblingNotAssessed(SiblingsService siblings) {
        this.siblings = siblings;
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String code() {
        return "SIBLING_NOT_ASSESSED";
    }

    @Override
    public void raise(RuleContext c) {
        Map<String, Concern> subjects = new LinkedHashMap<>();
        var lifetimes = new HashMap<String, Lifetime>();
        for (var row : c.read(READ)) {
            var subject = c.person(row.get("s"));
            if (c.child(subject)) {
                lifetimes.put(subject.id(), RuleContext.lifetime(subject));
                subjects.put(
                        subject.id(),
                        row.get("whys").asList(Value::asString).contains("CSA_VICTIM")
                                ? Concern.CSA_VICTIM
                                : Concern.HARMFUL_SEXUAL_BEHAVIOUR);
            }
        }
        if (subjects.isEmpty()) {
            return;
        }
        var answers = siblings.withoutNeedToKnow(c.tx, subjects.keySet(), c.asOf);
        subjects.forEach((subjectId, concern) -> {
            for (var atRisk : answers.getOrDefault(subjectId, List.of())) {
                var links = atRisk.links().stream()
                        .filter(l -> SIBLING_KINDS.contains(l.kind())
                                || (l.kind() == RiskLinkKind.CO_RESIDENT
                                        && (l.to() == null || !l.to().isBefore(c.asOf))))
                        .toList();
                if (links.isEmpty()
                        || atRisk.assessed()
                        || !c.inScope(List.of(atRisk.child().id()))) {
                    continue;
                }
                var child = atRisk.child();
                c.name(child.id(), child.displayName());
                var together = links.stream().anyMatch(l -> l.kind() == RiskLinkKind.CO_RESIDENT);
                var how = links.stream()
                        .map(l -> l.kind() == RiskLinkKind.CO_RESIDENT
                                ? "in the household"
                                : Wording.words(l.kind().name()))
                        .distinct()
                        .toList();
                var evidence = new LinkedHashSet<String>(List.of(child.id(), subjectId));
                var about = new HashMap<String, String>();
                links.forEach(l -> {
                    l.via().forEach(v -> {
                        evidence.add(v.id());
                        about.put(v.id(), v.id());
                    });
                    if (l.address() != null) {
                        evidence.add(l.address().id());
                    }
                });
                c.raise(new Raised(
                                number(),
                                code(),
                                together ? Severity.HIGH : Severity.MEDIUM,
                                child.id(),
                                SubjectKind.PERSON,
                                List.copyOf(evidence),
                                List.of(child.id(), subjectId),
                                new NotAssessed(child.id(), subjectId, how, concern, atRisk.latestAssessmentOn()),
                                null,
                                Map.copyOf(about))
                        // only while the subject is a child: for a reader who may not see the subject, in
                        // whole months, or the day the flag goes would tell their 18th birthday
                        .restingOn(List.of(lifetimes.get(subjectId)), null));
            }
        });
    }
}
