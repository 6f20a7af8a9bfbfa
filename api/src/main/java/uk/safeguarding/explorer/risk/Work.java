package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/** The records of follow-up: referrals, meetings, actions, and the triage queue's entries. */
public final class Work {

    private Work() {}

    /** A referral (contract type {@code Referral}). */
    public record ReferralView(
            String id,
            PersonView about,
            AgencyView from,
            ZonedDateTime incidentAt,
            ZonedDateTime receivedAt,
            ZonedDateTime decidedAt,
            String concern,
            String urgency,
            String sourceCode,
            String outcome) {}

    /** A meeting, briefly. */
    public record MeetingView(String id, String kind, LocalDate heldOn) {}

    /**
     * An agreed action (contract type {@code Action}) and how late it is on asOf; {@code forPeople}
     * are those it is for whom the user may see, {@code restrictedFor} the placeholders of the others;
     * {@code reopenable}: completed through the explorer (completeAction), which reopenAction undoes.
     */
    public record ActionView(
            String id,
            String description,
            LocalDate dueOn,
            LocalDate completedOn,
            AgencyView owner,
            MeetingView meeting,
            List<PersonView> forPeople,
            Integer workingDaysOverdue,
            List<PersonView> restrictedFor,
            boolean reopenable) {}

    /**
     * A referral in the triage queue with its score and the reasons for it, one sentence each;
     * {@code restrictedPeople} are the placeholders of people the reasons count but may not name.
     */
    public record TriagedReferral(
            int rank, ReferralView referral, int score, List<String> reasons, List<PersonView> restrictedPeople) {}
}
