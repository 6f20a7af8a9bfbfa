package uk.safeguarding.explorer.meetings;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.involvement.AgencyInvolvement;
import uk.safeguarding.explorer.network.Network;
import uk.safeguarding.explorer.risk.RiskFlag;
import uk.safeguarding.explorer.siblings.ChildAtRisk;

/**
 * What a meeting saw on its day (contract {@code MeetingSnapshot}), as one reader may see it: the
 * meeting as recorded (attendance, decision, actions), the children it concerned, their network,
 * their flags, the siblings at risk and the family's agency involvement. Frozen when it was taken;
 * each reader's need-to-know and redaction are applied when it is read.
 */
public record MeetingSnapshot(
        String meetingId,
        ZonedDateTime takenAt,
        LocalDate asOf,
        MeetingRecord meeting,
        List<PersonView> children,
        Network network,
        List<RiskFlag> flags,
        List<Siblings> siblingsAtRisk,
        AgencyInvolvement involvement) {

    /** The meeting as it was recorded when the snapshot was taken. */
    public record MeetingRecord(
            String id,
            String kind,
            LocalDate heldOn,
            String chair,
            String decision,
            String decisionReason,
            LocalDate nextMeetingOn,
            List<Attendance> attendance,
            List<AgreedAction> actions) {}

    /** An agency invited to the meeting, and whether it attended. */
    public record Attendance(AgencyView agency, boolean invited, boolean attended) {}

    /** An action agreed at the meeting: owner, the people it is for and when it is due. */
    public record AgreedAction(
            String id,
            String description,
            LocalDate dueOn,
            LocalDate completedOn,
            AgencyView owner,
            List<PersonView> forPeople) {}

    /** The children at risk around one child the meeting concerned. */
    public record Siblings(PersonView child, List<ChildAtRisk> children) {}
}
