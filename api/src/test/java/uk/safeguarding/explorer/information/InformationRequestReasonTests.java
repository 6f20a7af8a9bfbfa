package uk.safeguarding.explorer.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.errors.BadRequestException;

/** The reason of an information request or its answer: trimmed, within its length, not one character repeated. */
class InformationRequestReasonTests {

    @Test
    void aReasonIsAnsweredTrimmed() {
        assertThat(InformationRequestService.words("reason", "  Is it safe for her at home?  ", 20, 2_000))
                .isEqualTo("Is it safe for her at home?");
    }

    @Test
    void aReasonTooShortOrTooLongOnceTrimmedIsRefusedNamingTheArgumentAndTheLimits() {
        assertThatThrownBy(() -> InformationRequestService.words("reason", "   too short         ", 20, 2_000))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("must say why, in 20 to 2000 characters")
                .extracting(e -> ((BadRequestException) e).argument())
                .isEqualTo("reason");
        assertThatThrownBy(() -> InformationRequestService.words("answer", "x y".repeat(10), 1, 20))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).argument())
                .isEqualTo("answer");
        assertThatThrownBy(() -> InformationRequestService.words("reason", null, 20, 2_000))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void oneCharacterRepeatedIsNoReasonWhateverTheSpacesBetween() {
        assertThatThrownBy(() -> InformationRequestService.words("reason", "x x x x x x x x x x x x", 20, 2_000))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("not one character repeated");
    }
}
