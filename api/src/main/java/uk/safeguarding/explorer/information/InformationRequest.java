package uk.safeguarding.explorer.information;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * A request for information about a person the requester may not see (DESIGN §7, "Hidden is not
 * absent"), addressed to the agencies that hold information about them, as the viewer may see it:
 * {@code concerning} is the person in whose answer the placeholder appeared, {@code person} the
 * person asked about (both shown as the viewer may see them, a placeholder otherwise);
 * {@code subject} names the person asked about to the agencies it is addressed to (so that they can
 * find their own records), to nobody else. Each holder replies on its own ({@code replies}): a holder
 * sees its own reply only (another's answer may hold what its agency may not see), the requesting
 * agency every reply; {@code status}, {@code answer} and the closing fields are a holder's own reply,
 * or for the requesting agency what the replies add up to.
 */
public record InformationRequest(
        String id,
        String status,
        String requestedBy,
        AgencyView requestingAgency,
        List<AgencyView> holders,
        PersonView concerning,
        PersonView person,
        Subject subject,
        String reason,
        ZonedDateTime askedAt,
        String answer,
        String declineReason,
        String closedBy,
        AgencyView closingAgency,
        ZonedDateTime closedAt,
        List<Reply> replies) {

    /** One holding agency's reply: OPEN until it answers or declines. */
    public record Reply(
            AgencyView agency,
            String status,
            String answer,
            String declineReason,
            String closedBy,
            ZonedDateTime closedAt) {}

    /** Who a request is about, for the agencies it is addressed to. */
    public record Subject(String id, String givenName, String familyName, LocalDate dateOfBirth) {}

    /** The states of a request. */
    public enum Status {
        OPEN,
        ANSWERED,
        DECLINED
    }

    /** Requests addressed to the user's agency, or made by it. */
    public enum Direction {
        INCOMING,
        OUTGOING
    }
}
