package uk.safeguarding.explorer.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days any date the explorer takes in may fall on: 1900-01-01 to 2100-12-31, both included.
 * Every real safeguarding date (a birth, a move, a referral, a due day, an as-of day) lies well
 * inside; anything outside is a typo or an attempt to make day-by-day work run for ever (an as-of
 * day in the year 999999), so bundles, GraphQL arguments and variables refuse it with this reason.
 */
public final class DateBounds {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);
    private static final Instant FIRST_INSTANT =
            FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT =
            LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** The reason given for a date outside the bounds, e.g. "must be from 1900-01-01 to 2100-12-31". */
    public static final String REASON = "must be from " + FIRST + " to " + LAST;

    private DateBounds() {}

    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST) && !day.isAfter(LAST);
    }

    /** An instant within the bounding days, read in UTC. */
    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }
}
