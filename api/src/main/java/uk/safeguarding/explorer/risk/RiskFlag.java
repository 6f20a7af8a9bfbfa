package uk.safeguarding.explorer.risk;

import java.util.List;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * A prompt raised by one of the twelve rules (DESIGN §6; contract {@code RiskFlag}): the rule and
 * its code, the severity, what it is about ({@code subjectId} and its kind), one sentence a
 * practitioner understands, and the ids of the nodes and relationships that triggered it.
 * {@code people} are the people it concerns (for need-to-know and for a person's own flags);
 * {@code restrictedPeople} the placeholders of those the user may not see. A flag resting on offender
 * detail the user may not see has code RESTRICTED and rule 0 (its rule number would tell).
 */
public record RiskFlag(
        int rule,
        String code,
        Severity severity,
        String subjectId,
        SubjectKind subjectKind,
        String summary,
        List<String> evidence,
        List<String> people,
        List<PersonView> restrictedPeople) {

    /** The rule number of a RESTRICTED flag: none, since rules 1 to 3 are offender detail. */
    public static final int RESTRICTED_RULE = 0;

    /** How urgent the prompt is. */
    public enum Severity {
        HIGH,
        MEDIUM,
        LOW
    }

    /** What kind of record the flag is about. */
    public enum SubjectKind {
        PERSON,
        ADDRESS,
        REFERRAL,
        MEETING,
        ACTION
    }
}
