package uk.safeguarding.explorer.meetings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * A meeting about a person, for choosing "since the last meeting": its kind, day, decision, the
 * next meeting's day, the people it concerned and whether a snapshot of what it saw was kept.
 */
public record MeetingHeld(
        String id,
        String kind,
        LocalDate heldOn,
        String decision,
        LocalDate nextMeetingOn,
        boolean snapshotTaken,
        List<PersonView> concerns) {}
