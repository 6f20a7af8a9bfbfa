package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    private final WorkingDays days = WorkingDays.englandAndWales();

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(days.isWorkingDay(LocalDate.parse("2018-09-26"))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.parse("2018-09-29"))).isFalse(); // Saturday
        assertThat(days.isWorkingDay(LocalDate.parse("2018-04-02"))).isFalse(); // Easter Monday
        assertThat(days.isWorkingDay(LocalDate.parse("2018-03-30"))).isFalse(); // Good Friday
        assertThat(days.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse(); // state funeral
        assertThat(days.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();  // early May moved to the 8th
        assertThat(days.isWorkingDay(LocalDate.parse("2020-05-08"))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2021-12-27"))).isFalse(); // Christmas on a Saturday
        assertThat(days.isWorkingDay(LocalDate.parse("2021-12-28"))).isFalse();
    }

    @Test
    void countsWorkingDaysAfterTheFirstUpToTheSecond() {
        // Thursday before Easter to the Tuesday after Easter Monday: only the Tuesday counts
        assertThat(days.between(LocalDate.parse("2018-03-29"), LocalDate.parse("2018-04-03"))).isEqualTo(1);
        // Friday to Monday: one working day
        assertThat(days.between(LocalDate.parse("2018-09-21"), LocalDate.parse("2018-09-24"))).isEqualTo(1);
        assertThat(days.between(LocalDate.parse("2018-02-20"), LocalDate.parse("2018-03-01"))).isEqualTo(7);
        assertThat(days.between(LocalDate.parse("2018-09-03"), LocalDate.parse("2018-09-03"))).isZero();
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
}
