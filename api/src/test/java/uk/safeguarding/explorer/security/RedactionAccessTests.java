package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.security.Redaction.Access;

/** The redaction policy's decision of what a role in an agency sees in full, under the default policy. */
class RedactionAccessTests {

    private static final RedactionPolicy POLICY = RedactionPolicy.defaults();

    @Test
    void socialCareSeesOffenderAndHealthDetailThePoliceAndProbationOnlyOffenderDetailAndHealthOnlyHealthDetail() {
        assertThat(Redaction.access(POLICY, Role.PRACTITIONER, "CHILDRENS_SOCIAL_CARE", false))
                .isEqualTo(new Access(true, true));
        assertThat(Redaction.access(POLICY, Role.PRACTITIONER, "POLICE", false)).isEqualTo(new Access(true, false));
        assertThat(Redaction.access(POLICY, Role.PRACTITIONER, "PROBATION", false))
                .isEqualTo(new Access(true, false));
        assertThat(Redaction.access(POLICY, Role.PRACTITIONER, "HEALTH", false)).isEqualTo(new Access(false, true));
    }

    @Test
    void schoolsHousingAndAPractitionerOfNoKnownAgencySeeNeitherOffenderNorHealthDetail() {
        for (var type : new String[] {"EDUCATION", "HOUSING", "YOUTH_OFFENDING", "VOLUNTARY", null}) {
            assertThat(Redaction.access(POLICY, Role.PRACTITIONER, type, false))
                    .as("%s", type)
                    .isEqualTo(new Access(false, false));
        }
    }

    @Test
    void aMeetingChairSeesBothWhateverTheirAgencyAndOtherRolesOnlyThroughTheirAgency() {
        assertThat(Redaction.access(POLICY, Role.MEETING_CHAIR, "EDUCATION", false))
                .isEqualTo(new Access(true, true));
        assertThat(Redaction.access(POLICY, Role.MEETING_CHAIR, null, false)).isEqualTo(new Access(true, true));
        assertThat(Redaction.access(POLICY, Role.DATA_STEWARD, null, false)).isEqualTo(new Access(false, false));
        assertThat(Redaction.access(POLICY, Role.AUDITOR, null, false)).isEqualTo(new Access(false, false));
        assertThat(Redaction.access(POLICY, Role.INTEGRATION, "POLICE", false)).isEqualTo(new Access(true, false));
    }

    @Test
    void anAdministratorSeesEverythingInTheLocalDemoAndNothingSensitiveInProduction() {
        assertThat(Redaction.access(POLICY, Role.ADMIN, null, true)).isEqualTo(new Access(true, true));
        assertThat(Redaction.access(POLICY, Role.ADMIN, "CHILDRENS_SOCIAL_CARE", false))
                .isEqualTo(new Access(false, false));
    }
}
