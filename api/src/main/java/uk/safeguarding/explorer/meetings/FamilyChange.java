package uk.safeguarding.explorer.meetings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.changes.ChangeKind;

/**
 * One change in a family between two days (contract {@code FamilyChange}): the day, the kind, one
 * sentence with names and dates, and the people it is about (placeholders for those the reader may
 * not see).
 */
public record FamilyChange(LocalDate on, ChangeKind kind, String summary, List<PersonView> people) {}
