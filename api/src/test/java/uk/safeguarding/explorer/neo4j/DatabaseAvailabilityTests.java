package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;

/** The remembered outage: fail at once while it lasts, one caller per interval tries again, success ends it. */
class DatabaseAvailabilityTests {

    @Test
    void whileTheDatabaseIsKnownToBeAwayEveryCallFailsAtOnceWithThePlainSentence() {
        var availability = new DatabaseAvailability(Duration.ofHours(1));
        assertThatCode(availability::beforeCall).doesNotThrowAnyException();
        availability.unreachable(new IllegalStateException("refused"));
        assertThat(availability.up()).isFalse();
        assertThatThrownBy(availability::beforeCall)
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("The database cannot be reached; nothing was changed; try again shortly");
        availability.reachable();
        assertThat(availability.up()).isTrue();
        assertThatCode(availability::beforeCall).doesNotThrowAnyException();
    }

    @Test
    void onceTheIntervalHasPassedACallerMayTryTheDatabaseAgain() {
        var availability = new DatabaseAvailability(Duration.ZERO);
        availability.unreachable(new IllegalStateException("refused"));
        // the interval (none here) has passed: this caller may try
        assertThatCode(availability::beforeCall).doesNotThrowAnyException();
        assertThat(availability.up()).isFalse();
    }
}
