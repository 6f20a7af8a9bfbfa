package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WordingTests {

    @Test
    void codeListValuesReadAsLowerCaseWordsWithAbbreviationsKeptAndAFewSpeltOut() {
        assertThat(Wording.words("HALF_SIBLING")).isEqualTo("half sibling");
        assertThat(Wording.words("REGISTERED_SEX_OFFENDER")).isEqualTo("registered sex offender");
        assertThat(Wording.words("SECTION_47_ENQUIRY")).isEqualTo("section 47 enquiry");
        assertThat(Wording.words("HSB")).isEqualTo("harmful sexual behaviour");
        assertThat(Wording.words("CSA_VICTIM")).isEqualTo("victim of child sexual abuse");
        assertThat(Wording.words("CAMHS")).isEqualTo("CAMHS");
        assertThat(Wording.words("AIM3")).isEqualTo("AIM3");
        assertThat(Wording.words(null)).isEmpty();
    }

    @Test
    void everyMeetingKindIsNamedOnceAsAMeetingOrAConferenceNeverAConferenceMeeting() {
        assertThat(Arrays.stream(MeetingKind.values())
                        .map(k -> Wording.meeting(k.name()))
                        .toList())
                .containsExactly(
                        "strategy meeting",
                        "initial child protection conference",
                        "review child protection conference",
                        "core group meeting",
                        "MAPPA meeting");
        assertThat(Wording.meeting(null)).isEqualTo("meeting");
    }

    @Test
    void aSentenceBeginsWithACapitalAndNothingElseChanges() {
        assertThat(Wording.capital(Wording.meeting("ICPC"))).isEqualTo("Initial child protection conference");
        assertThat(Wording.capital("MAPPA meeting")).isEqualTo("MAPPA meeting");
        assertThat(Wording.capital("")).isEmpty();
        assertThat(Wording.capital(null)).isNull();
    }
}
