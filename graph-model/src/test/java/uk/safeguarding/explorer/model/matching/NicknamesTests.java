package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTests {

    private final Nicknames nicknames = Nicknames.standard();

    @Test
    void theTableHoldsAGoodFewHundredNames() {
        assertThat(nicknames.size()).isGreaterThan(500);
    }

    @Test
    void diminutivesAreFormsOfTheirName() {
        assertThat(nicknames.related("ROBERT", "BOB")).isTrue();
        assertThat(nicknames.related("ROB", "BOB")).isTrue();
        assertThat(nicknames.related("ELIZABETH", "LIZ")).isTrue();
        assertThat(nicknames.related("BETH", "ELIZABETH")).isTrue();
        assertThat(nicknames.related("KATHERINE", "KATE")).isTrue();
        assertThat(nicknames.related("WILLIAM", "BILL")).isTrue();
        assertThat(nicknames.related("REBECCA", "BECKY")).isTrue();
        assertThat(nicknames.related("MARGARET", "PEGGY")).isTrue();
    }

    @Test
    void unrelatedNamesAndTheSameNameAreNotNicknames() {
        assertThat(nicknames.related("ROBERT", "WILLIAM")).isFalse();
        assertThat(nicknames.related("LILY", "LUCY")).isFalse();
        assertThat(nicknames.related("ROBERT", "ROBERT")).isFalse();
        assertThat(nicknames.related("ZEBEDEE", "BOB")).isFalse();
    }

    @Test
    void aNameInSeveralGroupsIsRelatedToEachFullName() {
        assertThat(nicknames.related("ALEX", "ALEXANDER")).isTrue();
        assertThat(nicknames.related("ALEX", "ALEXANDRA")).isTrue();
    }

    @Test
    void theCanonicalFormIsTheFullName() {
        assertThat(nicknames.canonical("BOB")).isEqualTo("ROBERT");
        assertThat(nicknames.canonical("BILLY")).isEqualTo("WILLIAM");
        assertThat(nicknames.canonical("ZEBEDEE")).isEqualTo("ZEBEDEE");
    }
}
