package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.security.NeedToKnow.Decision;
import uk.safeguarding.explorer.security.NeedToKnow.RequestDecisions;

/**
 * The decisions one answer carries ({@link Visibility}), without a database: who is seen, who is
 * named in a sentence, and that asking about someone who was not checked is refused (everyone an
 * answer touches must be checked, and audited, first).
 */
class VisibilityTests {

    private static Visibility visibility() {
        var decisions = new LinkedHashMap<String, Decision>();
        decisions.put("p-sara", Decision.RELATED);
        decisions.put("p-gary", Decision.HIDDEN);
        decisions.put("p-mia", new Decision(true, "grant-1", "BREAK_GLASS", "risk of harm tonight"));
        // no database is needed for these decisions: NeedToKnow and the user are not consulted
        return new Visibility(null, null, null, decisions, new RequestDecisions("teacher"));
    }

    @Test
    void thePeopleSeenAreThoseCheckedAndVisibleWhetherByRelationshipOrByAGrant() {
        var visibility = visibility();
        assertThat(visibility.sees("p-sara")).isTrue();
        assertThat(visibility.sees("p-mia")).isTrue();
        assertThat(visibility.sees("p-gary")).isFalse();
        assertThat(visibility.sees("p-never-checked")).isFalse();
        assertThat(visibility.visible()).containsExactly("p-sara", "p-mia");
    }

    @Test
    void aSentenceNamesSomeoneSeenAndCallsAHiddenOrUncheckedPersonSomeoneYourAgencyCannotSee() {
        var visibility = visibility();
        assertThat(visibility.name("p-sara", "Sara Bell")).isEqualTo("Sara Bell");
        assertThat(visibility.name("p-gary", "Gary Nolan")).isEqualTo(PersonView.HIDDEN);
        assertThat(visibility.name("p-never-checked", "Joanne Nolan")).isEqualTo(PersonView.HIDDEN);
        assertThat(PersonView.HIDDEN).isEqualTo("someone your agency cannot see");
    }

    @Test
    void aPlaceholderOrItsHoldersForSomeoneNotCheckedIsAProgrammingErrorNotAnAnswer() {
        var visibility = visibility();
        assertThatThrownBy(() -> visibility.placeholderId("p-never-checked"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not checked");
        assertThatThrownBy(() -> visibility.holders("p-never-checked"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not checked");
    }
}
