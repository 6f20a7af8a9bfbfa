package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Which agencies carry out, and so record, each kind of assessment (hostile review 61). */
class AssessmentTypeTests {

    @Test
    void eachKindIsRecordedByTheAgenciesThatCarryItOut() {
        assertThat(AssessmentType.SIBLING_RISK.doneBy()).containsExactly(AgencyType.CHILDRENS_SOCIAL_CARE);
        assertThat(AssessmentType.SOCIAL_WORK.doneBy(AgencyType.EDUCATION)).isFalse();
        assertThat(AssessmentType.AIM3.doneBy())
                .containsExactlyInAnyOrder(
                        AgencyType.YOUTH_OFFENDING,
                        AgencyType.CHILDRENS_SOCIAL_CARE,
                        AgencyType.HEALTH,
                        AgencyType.VOLUNTARY);
        assertThat(AssessmentType.AIM3.doneBy(AgencyType.EDUCATION)).isFalse();
        assertThat(AssessmentType.AIM3.doneBy(AgencyType.POLICE)).isFalse();
        assertThat(AssessmentType.CAMHS.doneBy(AgencyType.HEALTH)).isTrue();
        assertThat(AssessmentType.HEALTH.doneBy(AgencyType.CHILDRENS_SOCIAL_CARE))
                .isFalse();
        // an agency of no known type records no assessment but its own
        assertThat(AssessmentType.SIBLING_RISK.doneBy(null)).isFalse();
    }

    @Test
    void anyAgencyRecordsItsOwnOfKindOther() {
        EnumSet.allOf(AgencyType.class)
                .forEach(type -> assertThat(AssessmentType.OTHER.doneBy(type))
                        .as(type.name())
                        .isTrue());
        assertThat(AssessmentType.OTHER.doneBy(null)).isTrue();
    }
}
