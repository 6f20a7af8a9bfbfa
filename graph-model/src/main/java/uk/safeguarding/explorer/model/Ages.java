package uk.safeguarding.explorer.model;

import java.time.LocalDate;
import java.time.Period;

/** "Child" is computed, never stored: under 18 on the as-of date, born by it and alive on it. */
public final class Ages {

    public static final int ADULT_AGE = 18;

    private Ages() {}

    public static boolean isChild(LocalDate dateOfBirth, LocalDate deceasedOn, LocalDate asOf) {
        if (dateOfBirth == null || dateOfBirth.isAfter(asOf)) {
            return false;
        }
        if (deceasedOn != null && !deceasedOn.isAfter(asOf)) {
            return false;
        }
        return asOf.isBefore(dateOfBirth.plusYears(ADULT_AGE));
    }

    /**
     * The day a person died as it stands on the as-of date: the day itself once it has come (on or
     * before asOf), {@code null} before it (a death after the as-of date has not happened yet).
     */
    public static LocalDate diedBy(LocalDate deceasedOn, LocalDate asOf) {
        return deceasedOn != null && !deceasedOn.isAfter(asOf) ? deceasedOn : null;
    }

    /** Age in whole years on the given day, or {@code null} when the date of birth is unknown or later. */
    public static Integer ageOn(LocalDate dateOfBirth, LocalDate day) {
        if (dateOfBirth == null || dateOfBirth.isAfter(day)) {
            return null;
        }
        return Period.between(dateOfBirth, day).getYears();
    }
}
