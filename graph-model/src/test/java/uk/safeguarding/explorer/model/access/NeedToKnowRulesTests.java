package uk.safeguarding.explorer.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.AgencyType;

class NeedToKnowRulesTests {

    @Test
    void todayIsTheDayInEnglandNotInUtc() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time)
        var clock = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
        assertThat(NeedToKnowRules.today(clock)).isEqualTo(LocalDate.parse("2026-07-01"));
        // in winter London is on UTC
        var winter = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);
        assertThat(NeedToKnowRules.today(winter)).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void anInvolvementCountsForTheGraceMonthsAfterItEnded() {
        var today = LocalDate.parse("2026-11-30");
        assertThat(NeedToKnowRules.involvementEndedOnOrAfter(today, 12)).isEqualTo(LocalDate.parse("2025-11-30"));
        assertThat(NeedToKnowRules.involvementEndedOnOrAfter(today, 0)).isEqualTo(today);
        assertThatThrownBy(() -> NeedToKnowRules.involvementEndedOnOrAfter(today, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NeedToKnowRules.involvementEndedOnOrAfter(today, 121))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void socialCarePoliceAndMeetingChairsSeeAChildsWiderNetwork() {
        assertThat(NeedToKnowRules.seesChildNetwork(AgencyType.CHILDRENS_SOCIAL_CARE, false))
                .isTrue();
        assertThat(NeedToKnowRules.seesChildNetwork(AgencyType.POLICE, false)).isTrue();
        assertThat(NeedToKnowRules.seesChildNetwork(AgencyType.EDUCATION, true)).isTrue();
        for (var type : new AgencyType[] {
            AgencyType.HEALTH,
            AgencyType.EDUCATION,
            AgencyType.YOUTH_OFFENDING,
            AgencyType.PROBATION,
            AgencyType.HOUSING,
            AgencyType.VOLUNTARY
        }) {
            assertThat(NeedToKnowRules.seesChildNetwork(type, false))
                    .as(type.name())
                    .isFalse();
        }
        assertThat(NeedToKnowRules.seesChildNetwork(null, false)).isFalse();
    }
}
