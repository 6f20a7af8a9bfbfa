package uk.safeguarding.explorer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.safeguarding.explorer.errors.TooManyRequestsException;
import uk.safeguarding.explorer.faults.FairUse.Cost;

/** The per-user count of expensive questions, without a database: nested calls stand for concurrent ones. */
class FairUseTests {

    private final FairUse fairUse = new FairUse(2);

    private static void signIn(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aThirdExpensiveQuestionWhileTwoRunIsRefusedAndTheCountGoesBackToZero() {
        signIn("teacher");
        fairUse.run(
                Cost.EXPENSIVE,
                () -> fairUse.run(Cost.EXPENSIVE_AREA_WIDE, () -> {
                    assertThat(fairUse.running("teacher")).isEqualTo(2);
                    assertThatThrownBy(() -> fairUse.run(Cost.EXPENSIVE, () -> "third"))
                            .isInstanceOf(TooManyRequestsException.class)
                            .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                                    .isEqualTo(5));
                    // ordinary and area-wide questions are not counted
                    assertThat(fairUse.run(Cost.ORDINARY, () -> "ordinary")).isEqualTo("ordinary");
                    assertThat(fairUse.run(Cost.AREA_WIDE, () -> "area")).isEqualTo("area");
                    return null;
                }));
        assertThat(fairUse.running("teacher")).isZero();
    }

    @Test
    void theLimitIsPerUser() {
        signIn("teacher");
        fairUse.run(
                Cost.EXPENSIVE,
                () -> fairUse.run(Cost.EXPENSIVE, () -> {
                    signIn("police-officer");
                    assertThat(fairUse.run(Cost.EXPENSIVE, () -> fairUse.running("police-officer")))
                            .isEqualTo(1);
                    signIn("teacher");
                    return null;
                }));
        assertThat(fairUse.running("teacher")).isZero();
        assertThat(fairUse.running("police-officer")).isZero();
    }

    @Test
    void aFailingQuestionGivesItsPermitBack() {
        signIn("teacher");
        assertThatThrownBy(() -> fairUse.run(Cost.EXPENSIVE, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(fairUse.running("teacher")).isZero();
    }
}
