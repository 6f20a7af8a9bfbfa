package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkingDaysTests {

    private final WorkingDays days = WorkingDays.englandAndWales();

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(days.isWorkingDay(LocalDate.parse("2018-09-26"))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.parse("2018-09-29"))).isFalse(); // Saturday
        assertThat(days.isWorkingDay(LocalDate.parse("2018-04-02"))).isFalse(); // Easter Monday
        assertThat(days.isWorkingDay(LocalDate.parse("2018-03-30"))).isFalse(); // Good Friday
        assertThat(days.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse(); // state funeral
        assertThat(days.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue(); // early May moved to the 8th
        assertThat(days.isWorkingDay(LocalDate.parse("2020-05-08"))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2021-12-27"))).isFalse(); // Christmas on a Saturday
        assertThat(days.isWorkingDay(LocalDate.parse("2021-12-28"))).isFalse();
    }

    @Test
    void countsWorkingDaysAfterTheFirstUpToTheSecond() {
        // Thursday before Easter to the Tuesday after Easter Monday: only the Tuesday counts
        assertThat(days.between(LocalDate.parse("2018-03-29"), LocalDate.parse("2018-04-03")))
                .isEqualTo(1);
        // Friday to Monday: one working day
        assertThat(days.between(LocalDate.parse("2018-09-21"), LocalDate.parse("2018-09-24")))
                .isEqualTo(1);
        assertThat(days.between(LocalDate.parse("2018-02-20"), LocalDate.parse("2018-03-01")))
                .isEqualTo(7);
        assertThat(days.between(LocalDate.parse("2018-09-03"), LocalDate.parse("2018-09-03")))
                .isZero();
        assertThat(days.plus(LocalDate.parse("2018-03-29"), 1)).isEqualTo(LocalDate.parse("2018-04-03"));
    }

    @Test
    void theCalendarSaysWhichYearsItCovers() {
        assertThat(days.covers(1990)).isTrue();
        assertThat(days.covers(2040)).isTrue();
        assertThat(days.covers(2041)).isFalse();
        // every covered year has at least the eight regular bank holidays
        for (int year = days.firstYear(); year <= days.lastYear(); year++) {
            int count = 0;
            for (var d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (days.isBankHoliday(d)) {
                    count++;
                }
            }
            assertThat(count).as("bank holidays in %s", year).isBetween(8, 10);
        }
    }

    /** The definition, one day at a time: what the fast arithmetic must agree with. */
    private int dayByDay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -dayByDay(to, from);
        }
        int count = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate plusDayByDay(LocalDate from, int n) {
        var day = from;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (days.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    @Test
    void countsAgreeWithTheDayByDayDefinitionOverManyRandomPeriods() {
        var random = new Random(20180926);
        long first = LocalDate.of(1985, 1, 1).toEpochDay();
        long span = LocalDate.of(2045, 12, 31).toEpochDay() - first;
        for (int i = 0; i < 4_000; i++) {
            var from = LocalDate.ofEpochDay(first + random.nextLong(span));
            var to = i % 4 == 0
                    ? from.plusDays(random.nextInt(15))
                    : LocalDate.ofEpochDay(first + random.nextLong(span));
            assertThat(days.between(from, to)).as("%s to %s", from, to).isEqualTo(dayByDay(from, to));
        }
    }

    @Test
    void addingWorkingDaysAgreesWithTheDayByDayDefinitionAndWithTheCount() {
        var random = new Random(42);
        long first = LocalDate.of(1988, 1, 1).toEpochDay();
        long span = LocalDate.of(2040, 1, 1).toEpochDay() - first;
        for (int i = 0; i < 5_000; i++) {
            var from = LocalDate.ofEpochDay(first + random.nextLong(span));
            int n = i % 3 == 0 ? random.nextInt(12) : random.nextInt(600);
            var day = days.plus(from, n);
            assertThat(day).as("%s plus %s", from, n).isEqualTo(plusDayByDay(from, n));
            assertThat(days.between(from, day)).isEqualTo(n);
        }
        // from a weekend and from a bank holiday
        assertThat(days.plus(LocalDate.parse("2018-09-29"), 1)).isEqualTo(LocalDate.parse("2018-10-01"));
        assertThat(days.plus(LocalDate.parse("2018-12-25"), 1)).isEqualTo(LocalDate.parse("2018-12-27"));
        assertThat(days.plus(LocalDate.parse("2018-12-21"), 5)).isEqualTo(LocalDate.parse("2019-01-02"));
        assertThat(days.plus(LocalDate.parse("2018-12-21"), 0)).isEqualTo(LocalDate.parse("2018-12-21"));
    }

    @Test
    // a bound, never a wait: the answer takes microseconds; counting day by day would take for ever
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void extremeRangesAreAnsweredAtOnceAndAgreeWithTheDefinition() {
        // the whole range the explorer accepts, and beyond the calendar's years (weekends only there)
        var lowest = LocalDate.parse("1900-01-01");
        var highest = LocalDate.parse("2100-12-31");
        assertThat(days.between(lowest, highest)).isEqualTo(dayByDay(lowest, highest));
        assertThat(days.between(highest, lowest)).isEqualTo(-dayByDay(lowest, highest));
        var ancient = LocalDate.parse("0001-01-01");
        var far = LocalDate.parse("9999-12-31");
        assertThat(days.between(ancient, far)).isEqualTo(dayByDay(ancient, far));
        // the request of the finding: an overdue count as of the year 999999, without walking the days
        long weekdays = (LocalDate.parse("+999999-12-31").toEpochDay()
                - LocalDate.parse("2018-09-26").toEpochDay());
        var overdue = days.between(LocalDate.parse("2018-09-26"), LocalDate.parse("+999999-12-31"));
        assertThat(overdue).isBetween((int) (weekdays * 5 / 7) - 500, (int) (weekdays * 5 / 7));
        assertThat(days.plus(LocalDate.parse("2018-09-26"), overdue)).isEqualTo(LocalDate.parse("+999999-12-31"));
        // a count that does not fit an int is refused, never wrapped
        assertThatThrownBy(() -> days.between(LocalDate.MIN, LocalDate.MAX)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void bankHolidaysOnAWeekendInAnAddedFileCostNoExtraDay() throws IOException {
        var extra = Files.createTempFile("holidays", ".txt");
        Files.writeString(extra, "# covers 2041 2041\n2041-01-05 A Saturday that is listed\n2041-01-07 A Monday\n");
        var wider = days.with(extra);
        assertThat(wider.covers(2041)).isTrue();
        // Friday 2041-01-04 to Tuesday 2041-01-08: only the Tuesday is a working day
        assertThat(wider.between(LocalDate.parse("2041-01-04"), LocalDate.parse("2041-01-08")))
                .isEqualTo(1);
        assertThat(wider.plus(LocalDate.parse("2041-01-04"), 1)).isEqualTo(LocalDate.parse("2041-01-08"));
    }
}
