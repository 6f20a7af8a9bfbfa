package uk.safeguarding.explorer.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays (DOMAIN "Process and
 * timescales"). The bank holidays are data, {@code calendar/bank-holidays-england-and-wales.txt},
 * complete for the years its {@code # covers} line names; more dates can be added from a file of
 * the same form.
 */
public final class WorkingDays {

    private static final String RESOURCE = "/calendar/bank-holidays-england-and-wales.txt";

    /** A Monday (1970-01-05), the origin the weekday arithmetic counts weeks from. */
    private static final long FIRST_MONDAY = 4;

    private final Set<LocalDate> holidays;
    /** The bank holidays that fall on a weekday (the ones that cost a working day), as sorted epoch days. */
    private final long[] weekdayHolidays;

    private final int firstYear;
    private final int lastYear;

    private WorkingDays(Set<LocalDate> holidays, int firstYear, int lastYear) {
        this.holidays = Set.copyOf(holidays);
        this.weekdayHolidays = holidays.stream()
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .mapToLong(LocalDate::toEpochDay)
                .sorted()
                .toArray();
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The built-in calendar. */
    public static WorkingDays englandAndWales() {
        try (InputStream in = WorkingDays.class.getResourceAsStream(RESOURCE)) {
            return parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")), RESOURCE, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** The built-in calendar with the dates of another file added (its {@code # covers} line widens the years). */
    public WorkingDays with(Path extra) {
        try {
            return parse(Files.readAllLines(extra, StandardCharsets.UTF_8), extra.toString(), this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bank holidays from " + extra + ": " + e.getMessage(), e);
        }
    }

    private static WorkingDays parse(List<String> lines, String name, WorkingDays base) {
        var dates = new HashSet<LocalDate>(base == null ? Set.of() : base.holidays);
        int first = base == null ? Integer.MAX_VALUE : base.firstYear;
        int last = base == null ? Integer.MIN_VALUE : base.lastYear;
        int number = 0;
        for (var raw : lines) {
            number++;
            var line = raw.strip();
            if (line.startsWith("# covers ")) {
                var years = line.substring("# covers ".length()).trim().split("\\s+");
                first = Math.min(first, Integer.parseInt(years[0]));
                last = Math.max(last, Integer.parseInt(years[1]));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(line.split("\\s+", 2)[0]));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        name + " line " + number + ": '" + line + "' does not start with an ISO date");
            }
        }
        if (first == Integer.MAX_VALUE) {
            throw new IllegalStateException(name + " has no '# covers FROM TO' line");
        }
        return new WorkingDays(dates, first, last);
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public boolean isBankHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}: 0 on the same day, 1 for the
     * next working day; negative when {@code to} is before {@code from}. Constant work whatever the
     * length of the period: weekdays counted by whole weeks, bank holidays by a binary search in the
     * sorted calendar. Throws {@link ArithmeticException} when the count does not fit an int (a
     * period of more than about eight million years).
     */
    public int between(LocalDate from, LocalDate to) {
        return Math.toIntExact(workingDaysUpTo(to.toEpochDay()) - workingDaysUpTo(from.toEpochDay()));
    }

    /**
     * The day {@code days} working days after {@code from} (for {@code days} of 0 or less,
     * {@code from} itself): the first day by which {@link #between} reaches {@code days}. Weekdays
     * are added by whole weeks, then the bank holidays passed over are added again, a few rounds at
     * most.
     */
    public LocalDate plus(LocalDate from, int days) {
        if (days <= 0) {
            return from;
        }
        long target = workingDaysUpTo(from.toEpochDay()) + days;
        long day = from.toEpochDay();
        long reached = workingDaysUpTo(day);
        while (reached < target) {
            day = plusWeekdays(day, target - reached);
            reached = workingDaysUpTo(day);
        }
        return LocalDate.ofEpochDay(day);
    }

    /** Working days from a fixed origin up to and including the day (epoch day numbers). */
    private long workingDaysUpTo(long epochDay) {
        return weekdaysUpTo(epochDay) - weekdayHolidaysUpTo(epochDay);
    }

    /**
     * Monday-to-Friday days from the origin up to and including the day, counted relative to the
     * Monday of epoch day 4 (1970-01-05), so that every full week adds five.
     */
    private static long weekdaysUpTo(long epochDay) {
        long sinceMonday = epochDay - FIRST_MONDAY;
        long weeks = Math.floorDiv(sinceMonday, 7);
        long dayOfWeek = Math.floorMod(sinceMonday, 7); // 0 = Monday ... 6 = Sunday
        return weeks * 5 + Math.min(dayOfWeek + 1, 5);
    }

    /** The day that is {@code count} weekdays after the day (which may itself be any day). */
    private static long plusWeekdays(long epochDay, long count) {
        // step back to the last weekday on or before the day, then walk whole weeks and the rest
        long sinceMonday = epochDay - FIRST_MONDAY;
        long dayOfWeek = Math.floorMod(sinceMonday, 7);
        long base = dayOfWeek >= 5 ? epochDay - (dayOfWeek - 4) : epochDay;
        long baseDayOfWeek = Math.min(dayOfWeek, 4);
        long weeks = count / 5;
        long rest = count % 5;
        long result = base + weeks * 7 + rest;
        if (baseDayOfWeek + rest > 4) {
            result += 2; // over a weekend
        }
        return result;
    }

    /** Bank holidays on a weekday, from the start of the calendar up to and including the day. */
    private long weekdayHolidaysUpTo(long epochDay) {
        int index = Arrays.binarySearch(weekdayHolidays, epochDay);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
