package uk.safeguarding.explorer.model.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.Period;

class ChangeRulesTests {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aWindowIsBothDaysIncludedAndNeverBackwards() {
        assertThat(ChangeRules.windowProblem(d("2018-06-02"), d("2018-09-26"))).isNull();
        assertThat(ChangeRules.windowProblem(d("2018-09-26"), d("2018-09-26"))).isNull();
        assertThat(ChangeRules.windowProblem(d("2018-09-27"), d("2018-09-26")))
                .isEqualTo("must not be after asOf (2018-09-26)");
        assertThat(ChangeRules.windowProblem(d("1998-09-26"), d("2018-09-26"))).contains("less than 20 years");
        assertThat(ChangeRules.within(d("2018-06-02"), d("2018-06-02"), d("2018-09-26")))
                .isTrue();
        assertThat(ChangeRules.within(d("2018-09-26"), d("2018-06-02"), d("2018-09-26")))
                .isTrue();
        assertThat(ChangeRules.within(d("2018-06-01"), d("2018-06-02"), d("2018-09-26")))
                .isFalse();
        assertThat(ChangeRules.within(null, d("2018-06-02"), d("2018-09-26"))).isFalse();
    }

    @Test
    void aChildComesOfAgeOnTheEighteenthBirthdayAndALeapDayChildOnTheTwentyEighth() {
        assertThat(ChangeRules.cameOfAge(d("2001-05-01"))).isEqualTo(d("2019-05-01"));
        assertThat(ChangeRules.cameOfAge(d("2004-02-29"))).isEqualTo(d("2022-02-28"));
        assertThat(ChangeRules.cameOfAge(null)).isNull();
    }

    @Test
    void anActionIsOverdueTheDayAfterItsDueDateUnlessDoneByThen() {
        assertThat(ChangeRules.overdueFrom(d("2018-03-26"), null)).isEqualTo(d("2018-03-27"));
        assertThat(ChangeRules.overdueFrom(d("2018-03-26"), d("2018-04-02"))).isEqualTo(d("2018-03-27"));
        assertThat(ChangeRules.overdueFrom(d("2018-03-26"), d("2018-03-26"))).isNull();
        assertThat(ChangeRules.overdueFrom(null, null)).isNull();
    }

    @Test
    void joiningAHouseholdNeedsSomeoneAlreadyThereAndAFamilyMovingTogetherOnlyMoves() {
        var kerry = Period.of(d("2012-01-01"), null);
        assertThat(ChangeRules.joinedHousehold(d("2017-06-01"), List.of(kerry))).isTrue();
        assertThat(ChangeRules.joinedHousehold(d("2012-01-01"), List.of(kerry))).isFalse();
        assertThat(ChangeRules.joinedHousehold(d("2017-06-01"), List.of(Period.of(d("2012-01-01"), d("2016-01-01")))))
                .isFalse();
        assertThat(ChangeRules.joinedHousehold(d("2017-06-01"), List.of())).isFalse();
    }

    @Test
    void leavingAHouseholdNeedsSomeoneStayingOn() {
        var kerry = Period.of(d("2012-01-01"), null);
        assertThat(ChangeRules.leftHousehold(d("2018-06-20"), List.of(kerry))).isTrue();
        // leaving together on the same day: nobody stays on
        assertThat(ChangeRules.leftHousehold(d("2018-06-20"), List.of(Period.of(d("2012-01-01"), d("2018-06-20")))))
                .isFalse();
        assertThat(ChangeRules.leftHousehold(d("2018-06-20"), List.of(Period.of(d("2018-07-01"), null))))
                .isFalse();
    }
}
