package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgesTests {

    private static final LocalDate AS_OF = LocalDate.parse("2018-09-26");

    @Test
    void aSeventeenYearOldIsAChildUntilTheEighteenthBirthday() {
        var kyle = LocalDate.parse("2001-04-12");
        assertThat(Ages.isChild(kyle, null, AS_OF)).isTrue();
        assertThat(Ages.isChild(kyle, null, LocalDate.parse("2019-04-11"))).isTrue();
        assertThat(Ages.isChild(kyle, null, LocalDate.parse("2019-04-12"))).isFalse();
    }

    @Test
    void someoneNotYetBornIsNotAChild() {
        assertThat(Ages.isChild(LocalDate.parse("2018-09-27"), null, AS_OF)).isFalse();
        assertThat(Ages.isChild(LocalDate.parse("2018-09-26"), null, AS_OF)).isTrue();
        assertThat(Ages.ageOn(LocalDate.parse("2018-09-27"), AS_OF)).isNull();
    }

    @Test
    void aChildWhoDiedIsNotAChildFromTheDayOfDeath() {
        var dob = LocalDate.parse("2012-01-01");
        assertThat(Ages.isChild(dob, LocalDate.parse("2018-09-26"), AS_OF)).isFalse();
        assertThat(Ages.isChild(dob, LocalDate.parse("2018-09-27"), AS_OF)).isTrue();
    }

    @Test
    void aDeathShowsFromItsDayOnAndNotBefore() {
        var died = LocalDate.parse("2016-03-10");
        assertThat(Ages.diedBy(died, AS_OF)).isEqualTo(died);
        assertThat(Ages.diedBy(died, died)).isEqualTo(died);
        assertThat(Ages.diedBy(died, LocalDate.parse("2016-03-09"))).isNull();
        assertThat(Ages.diedBy(null, AS_OF)).isNull();
    }

    @Test
    void unknownDateOfBirthIsNotTakenForAChild() {
        assertThat(Ages.isChild(null, null, AS_OF)).isFalse();
    }
}
