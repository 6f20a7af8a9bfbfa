package uk.safeguarding.explorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.SiblingKinds.ParentLink;
import uk.safeguarding.explorer.model.SiblingKinds.Partnership;

class SiblingKindsTests {

    private static final LocalDate AS_OF = LocalDate.parse("2018-09-26");

    private static ParentLink birth(String parent) {
        return new ParentLink(parent, ParentKind.BIRTH, null);
    }

    @Test
    void twoSharedBirthParentsMakeFullSiblings() {
        var kinds = SiblingKinds.derive(
                List.of(birth("dawn"), birth("mark")), List.of(birth("mark"), birth("dawn")), List.of(), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.FULL);
        assertThat(kinds.get(SiblingKind.FULL)).containsExactlyInAnyOrder("dawn", "mark");
    }

    @Test
    void oneSharedBirthParentMakesHalfSiblingsVia() {
        var kinds = SiblingKinds.derive(
                List.of(birth("dawn"), birth("mark")), List.of(birth("mark"), birth("sian")), List.of(), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.HALF);
        assertThat(kinds.get(SiblingKind.HALF)).containsExactly("mark");
    }

    @Test
    void aSharedBirthParentPlusAnotherSharedParentIsNotHalf() {
        var kinds = SiblingKinds.derive(
                List.of(birth("mum"), new ParentLink("dad", ParentKind.ADOPTIVE, null)),
                List.of(birth("mum"), birth("dad")),
                List.of(),
                AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.ADOPTIVE);
        assertThat(kinds.get(SiblingKind.ADOPTIVE)).containsExactly("dad");
    }

    @Test
    void fosterAndAdoptiveComeFromTheParentLinkOfEitherChild() {
        var kinds = SiblingKinds.derive(
                List.of(new ParentLink("carer", ParentKind.FOSTER, null)), List.of(birth("carer")), List.of(), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.FOSTER);
    }

    @Test
    void parentsWhoWerePartnersMakeStepSiblingsEvenAfterTheyParted() {
        var sara = List.of(birth("kerry"), birth("lee"));
        var mia = List.of(birth("gary"), birth("joanne"));
        var ended = new Partnership("kerry", "gary", LocalDate.parse("2017-01-01"));
        var kinds = SiblingKinds.derive(sara, mia, List.of(ended), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.STEP);
        assertThat(kinds.get(SiblingKind.STEP)).containsExactly("kerry", "gary");
    }

    @Test
    void aPartnershipStartingAfterTheAsOfDateDoesNotCountYet() {
        var later = new Partnership("kerry", "gary", LocalDate.parse("2019-01-01"));
        var kinds = SiblingKinds.derive(List.of(birth("kerry")), List.of(birth("gary")), List.of(later), AS_OF);
        assertThat(kinds).isEmpty();
    }

    @Test
    void aPartnerWhoIsAlsoAParentOfBothGivesNoStepLink() {
        // Dawn (Kyle's mother) is Mark's partner, but Mark is Kyle's father too: Ruby is a half sibling only.
        var kyle = List.of(birth("dawn"), birth("mark"));
        var ruby = List.of(birth("mark"), birth("sian"));
        var kinds = SiblingKinds.derive(kyle, ruby, List.of(new Partnership("dawn", "mark", null)), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.HALF);
    }

    @Test
    void aStepParentLinkMakesStepSiblings() {
        var kinds = SiblingKinds.derive(
                List.of(birth("mum")), List.of(new ParentLink("mum", ParentKind.STEP, null)), List.of(), AS_OF);
        assertThat(kinds).containsOnlyKeys(SiblingKind.STEP);
    }

    @Test
    void aParentLinkThatStartsAfterTheAsOfDateDoesNotExistYet() {
        var kinds = SiblingKinds.derive(
                List.of(birth("mum")),
                List.of(new ParentLink("mum", ParentKind.ADOPTIVE, LocalDate.parse("2019-01-01"))),
                List.of(),
                AS_OF);
        assertThat(kinds).isEmpty();
    }
}
