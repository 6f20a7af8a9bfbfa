package uk.safeguarding.explorer.model;

import java.time.LocalDate;

/**
 * A period of days with both end days included (DESIGN §3). {@code from == null} means
 * "since an unknown date", {@code to == null} means "still so".
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period of(LocalDate from, LocalDate to) {
        return new Period(from, to);
    }

    /**
     * The period as it was known on the day: one still going on then is open-ended (its end, a later
     * day, was not known yet); one that had ended is as it is.
     */
    public Period knownOn(LocalDate day) {
        return to != null && day != null && to.isAfter(day) ? new Period(from, null) : this;
    }

    /** Two periods overlap when each starts on or before the other ends; touching on one day counts. */
    public boolean overlaps(Period other) {
        return startsOnOrBefore(other.to) && other.startsOnOrBefore(this.to);
    }

    /** The days both periods share, or {@code null} when they do not overlap. */
    public Period intersection(Period other) {
        if (!overlaps(other)) {
            return null;
        }
        return new Period(later(from, other.from), earlier(to, other.to));
    }

    /** Whether the period has started on the given day (an unknown start counts as started). */
    public boolean startsOnOrBefore(LocalDate day) {
        return from == null || day == null || !from.isAfter(day);
    }

    /** Whether the period contains the given day. */
    public boolean contains(LocalDate day) {
        return startsOnOrBefore(day) && (to == null || !to.isBefore(day));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
