package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private static Period p(String from, String to) {
        return Period.of(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void periodsThatTouchOnOneDayOverlapByThatDay() {
        var a = p("2017-01-01", "2018-06-20");
        var b = p("2018-06-20", null);
        assertThat(a.overlaps(b)).isTrue();
        assertThat(b.overlaps(a)).isTrue();
        assertThat(a.intersection(b)).isEqualTo(p("2018-06-20", "2018-06-20"));
    }

    @Test
    void periodsThatMissByOneDayDoNotOverlap() {
        var a = p("2017-01-01", "2018-06-20");
        var b = p("2018-06-21", null);
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.intersection(b)).isNull();
    }

    @Test
    void openEndsOverlapEverythingOnTheirSide() {
        assertThat(p(null, null).overlaps(p("2000-01-01", "2000-01-01"))).isTrue();
        assertThat(p(null, "2010-01-01").overlaps(p("2009-12-31", null))).isTrue();
        assertThat(p("2010-01-01", null).intersection(p("2012-01-01", "2014-05-31")))
                .isEqualTo(p("2012-01-01", "2014-05-31"));
        assertThat(p("2009-09-01", "2014-12-31").intersection(p("2009-09-01", null)))
                .isEqualTo(p("2009-09-01", "2014-12-31"));
    }

    @Test
    void bothEndDaysAreContained() {
        var a = p("2018-01-01", "2018-01-31");
        assertThat(a.contains(LocalDate.parse("2018-01-01"))).isTrue();
        assertThat(a.contains(LocalDate.parse("2018-01-31"))).isTrue();
        assertThat(a.contains(LocalDate.parse("2018-02-01"))).isFalse();
        assertThat(a.contains(LocalDate.parse("2017-12-31"))).isFalse();
    }

    @Test
    void aPeriodStartingAfterTheAsOfDateHasNotStarted() {
        assertThat(p("2018-06-21", null).startsOnOrBefore(LocalDate.parse("2018-06-20")))
                .isFalse();
        assertThat(p(null, null).startsOnOrBefore(LocalDate.parse("1900-01-01")))
                .isTrue();
    }

    @Test
    void onADayBeforeItsEndAPeriodIsKnownAsGoingOn() {
        var stay = p("2017-06-01", "2018-06-20");
        assertThat(stay.knownOn(LocalDate.parse("2018-06-01"))).isEqualTo(p("2017-06-01", null));
        // on its last day and after it, its end is known
        assertThat(stay.knownOn(LocalDate.parse("2018-06-20"))).isEqualTo(stay);
        assertThat(stay.knownOn(LocalDate.parse("2019-01-01"))).isEqualTo(stay);
        assertThat(p("2017-06-01", null).knownOn(LocalDate.parse("2018-06-01"))).isEqualTo(p("2017-06-01", null));
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> p("2018-02-01", "2018-01-31")).isInstanceOf(IllegalArgumentException.class);
    }
}
