package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedactionPolicyTests {

    @Test
    void theDefaultPolicyKeepsThePncIdOffenderManagementRecordsAndApprovedPremisesAsOffenderDetail() {
        var policy = RedactionPolicy.defaults();
        assertThat(policy.offender().hiddenPersonFields()).containsExactlyInAnyOrder("pncId", "probationCrn");
        assertThat(policy.offender().managementRecordAgencyTypes()).containsExactlyInAnyOrder("POLICE", "PROBATION");
        assertThat(policy.offender().addressKinds()).containsExactly("APPROVED_PREMISES");
        assertThat(policy.offender().seenByAgencyTypes())
                .containsExactlyInAnyOrder("POLICE", "PROBATION", "CHILDRENS_SOCIAL_CARE");
    }

    @Test
    void aTypoInAPolicyStopsTheStartNamingTheSetting() {
        var json = RedactionPolicyTestData.withOffender("\"addressKinds\": [\"APPROVED_PREMISE\"]");
        assertThatThrownBy(() -> RedactionPolicy.parse(json, "test"))
                .hasMessageContaining("offenderDetail.addressKinds: unknown value 'APPROVED_PREMISE'");
        var unknownKey = RedactionPolicyTestData.withOffender("\"adressKinds\": [\"APPROVED_PREMISES\"]");
        assertThatThrownBy(() -> RedactionPolicy.parse(unknownKey, "test"))
                .hasMessageContaining("offenderDetail.adressKinds is not a policy setting");
    }

    @Test
    void keysStartingWithAnUnderscoreAreComments() {
        var json = RedactionPolicyTestData.withOffender("\"addressKinds\": [\"HOSTEL\"], \"_why\": \"a comment\"");
        assertThat(RedactionPolicy.parse(json, "test").offender().addressKinds())
                .containsExactly("HOSTEL");
    }

    /** A complete policy whose offender section ends with the given settings. */
    private static final class RedactionPolicyTestData {

        static String withOffender(String extra) {
            return """
                    {"offenderDetail": {"seenByAgencyTypes": ["POLICE"], "seenByRoles": [], "markerTypes": ["MAPPA"],
                      "meetingKinds": ["MAPPA"], "offenderManagementAgencyTypes": ["PROBATION"],
                      "offenderManagementRoles": [], "hiddenPersonFields": ["pncId"],
                      "managementRecordAgencyTypes": ["POLICE"], "restrictedDetail": "Ask {holder}.",
                      "defaultHolder": "the police", %s},
                     "healthDetail": {"seenByAgencyTypes": ["HEALTH"], "seenByRoles": [], "involvementAgencyTypes": [],
                      "assessmentTypes": [], "restrictedDetail": "Health is involved."}}
                    """.formatted(extra.contains("addressKinds") ? extra : extra + ", \"addressKinds\": []");
        }
    }
}
