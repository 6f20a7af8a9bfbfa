package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTests {

    @Test
    void validNumbersPassTheCheckDigit() {
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
        assertThat(NhsNumber.isValid("4010232137")).isTrue();
        assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
    }

    @Test
    void aWrongCheckDigitFails() {
        assertThat(NhsNumber.problem("9434765918")).isEqualTo("fails the NHS number check digit");
    }

    @Test
    void aRemainderThatGivesTenIsNeverValid() {
        // 1000000060: sum = 1*10 + 6*2 = 22 -> 11 - 0 = 11 -> 0 ... find one whose check is 10:
        // 1000000010: sum = 10 + 1*2 = 12 -> 12 mod 11 = 1 -> 11 - 1 = 10 -> invalid whatever the last digit
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.isValid("100000001" + last))
                    .as("last digit %d", last)
                    .isFalse();
        }
    }

    @Test
    void elevenBecomesZero() {
        // 000000000x: sum = 0, 11 - 0 = 11, which becomes 0: the check digit is 0
        assertThat(NhsNumber.isValid("0000000000")).isTrue();
        assertThat(NhsNumber.isValid("0000000001")).isFalse();
    }

    @Test
    void anythingButTenDigitsIsRejected() {
        assertThat(NhsNumber.problem("943476591")).isEqualTo("must be 10 digits");
        assertThat(NhsNumber.problem("94347659190")).isEqualTo("must be 10 digits");
        assertThat(NhsNumber.problem("94347659A9")).isEqualTo("must be 10 digits");
    }

    @Test
    void pncIdsNeedYearSerialAndCheckLetter() {
        assertThat(PncId.isValid("1998/0123456X")).isTrue();
        assertThat(PncId.isValid("19980123456X")).isTrue();
        assertThat(PncId.isValid("1998/0123456")).isFalse();
        assertThat(PncId.isValid("98/0123456X")).isFalse();
    }
}
