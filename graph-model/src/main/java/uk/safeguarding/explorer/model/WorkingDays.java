package uk.safeguarding.explorer.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    private final Set<LocalDate> holidays;
    private final int firstYear;
    private final int lastYear;

    private WorkingDays(Set<LocalDate> holidays, int firstYear, int lastYear) {
        this.holidays = Set.copyOf(holidays);
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
                throw new IllegalStateException(name + " line " + number + ": '" + line + "' does not start with an ISO date");
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
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}: 0 on the same day, 1 for the
     * next working day; negative when {@code to} is before {@code from}.
     */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The day {@code days} working days after {@code from}. */
    public LocalDate plus(LocalDate from, int days) {
        var day = from;
        for (int left = days; left > 0;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
