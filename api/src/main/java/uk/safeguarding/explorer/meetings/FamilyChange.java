package uk.safeguarding.explorer.meetings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.changes.ChangeKind;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;

/**
 * One change in a family between two days (contract {@code FamilyChange}): the day, the kind, one
 * sentence with names and dates, the people it is about (placeholders for those the reader may not
 * see) and, for a flag raised or cleared, the flag's severity (null for any other change).
 */
public record FamilyChange(LocalDate on, ChangeKind kind, String summary, List<PersonView> people, Severity severity) {

    /** A change that is not a flag's. */
    public FamilyChange(LocalDate on, ChangeKind kind, String summary, List<PersonView> people) {
        this(on, kind, summary, people, null);
    }
}
