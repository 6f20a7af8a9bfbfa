package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/** The records of follow-up: referrals, meetings, actions, and the triage queue's entries. */
public final class Work {

    private Work() {
    }

    /** A referral (contract type {@code Referral}). */
    public record ReferralView(String id, PersonView about, AgencyView from, ZonedDateTime incidentAt,
            ZonedDateTime receivedAt, ZonedDateTime decidedAt, String concern, String urgency, String sourceCode,
            String outcome) {
    }

    /** A meeting, briefly. */
    public record MeetingView(String id, String kind, LocalDate heldOn) {
    }

    /** An agreed action (contract type {@code Action}) and how late it is on asOf. */
    public record ActionView(String id, String description, LocalDate dueOn, LocalDate completedOn, AgencyView owner,
            MeetingView meeting, List<PersonView> forPeople, Integer workingDaysOverdue) {
    }

    /** A referral in the triage queue with its score and the reasons for it, one sentence each. */
    public record TriagedReferral(int rank, ReferralView referral, int score, List<String> reasons) {
    }
}
