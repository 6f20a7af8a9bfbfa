package uk.safeguarding.explorer.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.AgencyType;

class OffenderDetailRulesTests {

    private static final Set<AgencyType> MANAGING = Set.of(AgencyType.POLICE, AgencyType.PROBATION);

    @Test
    void policeAndProbationRecordsAboutAnOffenderAreOffenderDetail() {
        assertThat(OffenderDetailRules.isOffenderManagementRecord(true, AgencyType.POLICE, MANAGING))
                .isTrue();
        assertThat(OffenderDetailRules.isOffenderManagementRecord(true, AgencyType.PROBATION, MANAGING))
                .isTrue();
    }

    @Test
    void aRecordAboutAnOffenderFromNoKnownAgencyIsOffenderDetail() {
        assertThat(OffenderDetailRules.isOffenderManagementRecord(true, null, MANAGING))
                .isTrue();
    }

    @Test
    void otherAgenciesRecordsAboutAnOffenderAreNot() {
        assertThat(OffenderDetailRules.isOffenderManagementRecord(true, AgencyType.CHILDRENS_SOCIAL_CARE, MANAGING))
                .isFalse();
        assertThat(OffenderDetailRules.isOffenderManagementRecord(true, AgencyType.HEALTH, MANAGING))
                .isFalse();
    }

    @Test
    void policeRecordsAboutSomeoneWhoIsNoOffenderAreNot() {
        assertThat(OffenderDetailRules.isOffenderManagementRecord(false, AgencyType.POLICE, MANAGING))
                .isFalse();
        assertThat(OffenderDetailRules.isOffenderManagementRecord(false, null, MANAGING))
                .isFalse();
    }

    @Test
    void approvedPremisesAreAnOffenderAddress() {
        var kinds = Set.of("APPROVED_PREMISES");
        assertThat(OffenderDetailRules.isOffenderAddress("APPROVED_PREMISES", kinds))
                .isTrue();
        assertThat(OffenderDetailRules.isOffenderAddress("HOSTEL", kinds)).isFalse();
        assertThat(OffenderDetailRules.isOffenderAddress(null, kinds)).isFalse();
    }
}
