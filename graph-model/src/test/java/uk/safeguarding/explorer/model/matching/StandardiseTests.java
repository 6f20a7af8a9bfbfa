package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandardiseTests {

    @Test
    void namesLoseCaseAccentsPunctuationAndTitles() {
        assertThat(Standardise.name("  chloé ")).isEqualTo("CHLOE");
        assertThat(Standardise.name("O'Brien")).isEqualTo("OBRIEN");
        assertThat(Standardise.name("Mrs Dawn Archer")).isEqualTo("DAWN ARCHER");
        assertThat(Standardise.name("J.")).isEqualTo("J");
        assertThat(Standardise.name(" - ")).isNull();
        assertThat(Standardise.name(null)).isNull();
    }

    @Test
    void hyphenatedAndDoubleBarrelledNamesAreWordsThatCompareWhole() {
        assertThat(Standardise.name("Archer-Smith")).isEqualTo("ARCHER SMITH");
        assertThat(Standardise.joined(Standardise.name("Archer-Smith")))
                .isEqualTo(Standardise.joined(Standardise.name("archer smith")));
        assertThat(Standardise.tokens("ARCHER SMITH")).containsExactly("ARCHER", "SMITH");
        assertThat(Standardise.first("MARY ANN")).isEqualTo("MARY");
    }

    @Test
    void mcIsWrittenMac() {
        assertThat(Standardise.name("McDonald"))
                .isEqualTo(Standardise.name("MacDonald"))
                .isEqualTo("MACDONALD");
        assertThat(Standardise.name("Mc Donald")).isEqualTo("MAC DONALD");
    }

    @Test
    void postcodesCompareWithOrWithoutTheSpaceAndGiveTheirDistrict() {
        assertThat(Standardise.postcode("yo31 3cc")).isEqualTo("YO313CC");
        assertThat(Standardise.postcode("YO313CC")).isEqualTo("YO313CC");
        assertThat(Standardise.district("YO313CC")).isEqualTo("YO31");
        assertThat(Standardise.district("M11AA")).isEqualTo("M1");
        assertThat(Standardise.postcode(" ")).isNull();
    }

    @Test
    void addressAbbreviationsAreWrittenOut() {
        assertThat(Standardise.addressLine("14 Example Rd.")).isEqualTo("14 EXAMPLE ROAD");
        assertThat(Standardise.addressLine("7, FICTIONAL TERR")).isEqualTo("7 FICTIONAL TERRACE");
        assertThat(Standardise.addressLine("3 Imaginary Ave")).isEqualTo("3 IMAGINARY AVENUE");
        assertThat(Standardise.addressLine("22 Placeholder Ln")).isEqualTo("22 PLACEHOLDER LANE");
    }

    @Test
    void stIsStreetAtTheEndAndSaintBeforeAName() {
        assertThat(Standardise.addressLine("9 Invented St")).isEqualTo("9 INVENTED STREET");
        assertThat(Standardise.addressLine("9 St Mary's Close")).isEqualTo("9 SAINT MARYS CLOSE");
    }

    @Test
    void flatNumbersAreWrittenOneWay() {
        var expected = "FLAT 2 14 EXAMPLE ROAD";
        assertThat(Standardise.addressLine("Flat 2, 14 Example Road")).isEqualTo(expected);
        assertThat(Standardise.addressLine("2/14 Example Rd")).isEqualTo(expected);
        assertThat(Standardise.addressLine("Apartment 2 14 Example Road")).isEqualTo(expected);
        assertThat(Standardise.addressLine("APT 2, 14 EXAMPLE RD")).isEqualTo(expected);
    }

    @Test
    void theAddressKeyIsPostcodeAndFirstLineAndJoinsAFlatOnItsOwnLine() {
        assertThat(Standardise.addressKey("14 Example Rd", null, "yo1 0aa")).isEqualTo("YO10AA|14 EXAMPLE ROAD");
        assertThat(Standardise.addressKey("Flat 2", "14 Example Road", "YO10AA"))
                .isEqualTo(Standardise.addressKey("2/14 Example Road", null, "YO1 0AA"));
        assertThat(Standardise.addressKey("14 Example Road", null, null)).isNull();
    }

    @Test
    void theSoundOfANameIgnoresCommonMisspellings() {
        assertThat(Standardise.phonetic("SMITH")).isEqualTo(Standardise.phonetic("SMYTH"));
        assertThat(Standardise.phonetic("ARCHER")).isNotEqualTo(Standardise.phonetic("BELL"));
    }
}
