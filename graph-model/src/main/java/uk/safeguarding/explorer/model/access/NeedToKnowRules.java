package uk.safeguarding.explorer.model.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.safeguarding.explorer.model.AgencyType;

/**
 * The pure parts of need-to-know (DESIGN §7, "Need-to-know"): whether an agency may see a person is
 * judged on the real current day in England, never on a query's as-of date; an involvement still
 * counts as a relationship for some months after it ended; children's social care, the police and
 * meeting chairs see a child's wider network, every other agency a narrower circle.
 */
public final class NeedToKnowRules {

    /** Days are English days: a request at 00:30 on a summer morning belongs to that day, not to UTC's. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static final int DEFAULT_GRACE_MONTHS = 12;
    public static final int MAX_GRACE_MONTHS = 120;

    private NeedToKnowRules() {}

    /** The day need-to-know is judged on: today in Europe/London by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /**
     * The earliest end day of an involvement that still counts as a relationship today: one that
     * ended on or after it is within the grace period (both days included).
     */
    public static LocalDate involvementEndedOnOrAfter(LocalDate today, int graceMonths) {
        if (graceMonths < 0 || graceMonths > MAX_GRACE_MONTHS) {
            throw new IllegalArgumentException(
                    "the relationship grace period must be 0 to " + MAX_GRACE_MONTHS + " months, not " + graceMonths);
        }
        return today.minusMonths(graceMonths);
    }

    /**
     * Whether a relationship with a child opens the child's wider network (parents' partners, every
     * sibling, everyone who ever lived with the child, contacts, and their children): for children's
     * social care and the police, and for meeting chairs; every other agency sees the person's own
     * circle (parents, siblings, partners, children, current household).
     */
    public static boolean seesChildNetwork(AgencyType agencyType, boolean meetingChair) {
        return meetingChair || agencyType == AgencyType.CHILDRENS_SOCIAL_CARE || agencyType == AgencyType.POLICE;
    }
}
