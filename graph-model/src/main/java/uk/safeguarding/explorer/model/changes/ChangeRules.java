package uk.safeguarding.explorer.model.changes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import uk.safeguarding.explorer.model.Period;

/**
 * The pure rules of "what changed" between two days (both included): which day a fact changed on,
 * and whether a move was into a household or a move of its own. Kept apart from the graph so that
 * each rule is tested on its own.
 */
public final class ChangeRules {

    /** The longest window asked about at once: a family's changes over more are a chronology, not a meeting's question. */
    public static final int MAX_YEARS = 20;

    private ChangeRules() {}

    /** Why a window may not be asked about, or null when it may: {@code since} on or before {@code asOf}, at most 20 years. */
    public static String windowProblem(LocalDate since, LocalDate asOf) {
        if (since == null || asOf == null) {
            return "is required";
        }
        if (since.isAfter(asOf)) {
            return "must not be after asOf (" + asOf + ")";
        }
        if (ChronoUnit.YEARS.between(since, asOf) >= MAX_YEARS) {
            return "must be less than " + MAX_YEARS + " years before asOf";
        }
        return null;
    }

    /** A day falls within the window, both ends included; an unknown day never does. */
    public static boolean within(LocalDate day, LocalDate since, LocalDate asOf) {
        return day != null && !day.isBefore(since) && !day.isAfter(asOf);
    }

    /** The 18th birthday: the day a child comes of age (29 February births on 28 February, as the law reads). */
    public static LocalDate cameOfAge(LocalDate dateOfBirth) {
        return dateOfBirth == null ? null : dateOfBirth.plusYears(18);
    }

    /**
     * The day an action became overdue: the day after its due date, when it was not completed by the
     * due date; null when it has no due date or was done in time.
     */
    public static LocalDate overdueFrom(LocalDate dueOn, LocalDate completedOn) {
        if (dueOn == null || (completedOn != null && !completedOn.isAfter(dueOn))) {
            return null;
        }
        return dueOn.plusDays(1);
    }

    /**
     * Whether someone whose stay at an address began on {@code day} joined a household there: another
     * member of the family was living there already (their stay began before that day and had not
     * ended). Stays that begin on the same day are a family moving together: a move, not a joining.
     */
    public static boolean joinedHousehold(LocalDate day, List<Period> othersThere) {
        return day != null
                && othersThere.stream()
                        .anyMatch(p -> (p.from() == null || p.from().isBefore(day))
                                && (p.to() == null || !p.to().isBefore(day)));
    }

    /**
     * Whether someone whose stay at an address ended on {@code day} left a household there: another
     * member of the family was living there that day and stayed on after it.
     */
    public static boolean leftHousehold(LocalDate day, List<Period> othersThere) {
        return day != null
                && othersThere.stream()
                        .anyMatch(p -> (p.from() == null || !p.from().isAfter(day))
                                && (p.to() == null || p.to().isAfter(day)));
    }
}
