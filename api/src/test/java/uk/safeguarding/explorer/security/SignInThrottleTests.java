package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.MovingClock;

/**
 * The throttle's rule, on a clock the test moves: free failures, then a doubling delay, then a
 * lock-out, for the account and for the address; a success clears the account only; old failures
 * are forgotten.
 */
class SignInThrottleTests {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(
                    3,
                    6,
                    5,
                    9,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(8),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15)),
            clock);

    @Test
    void afterTheFreeFailuresEachAttemptWaitsTwiceAsLongThenTheAccountIsLocked() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("Kim", "10.0.0.1")).isNull();
            throttle.failed("Kim", "10.0.0.1");
        }
        assertThat(throttle.refusal("kim", "10.0.0.2")).isNull();
        throttle.failed("kim", "10.0.0.2"); // the 4th: wait 1 s
        var refusal = throttle.refusal("KIM", "10.0.0.3");
        assertThat(refusal.what()).isEqualTo("account");
        assertThat(refusal.locked()).isFalse();
        assertThat(refusal.retryAfterSeconds(clock.instant())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusal("kim", "10.0.0.1")).isNull();
        throttle.failed("kim", "10.0.0.1"); // the 5th: wait 2 s
        assertThat(throttle.refusal("kim", "10.0.0.1").retryAfterSeconds(clock.instant()))
                .isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("kim", "10.0.0.4"); // the 6th: locked for 15 minutes
        var locked = throttle.refusal("kim", "10.0.0.9");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.retryAfterSeconds(clock.instant())).isEqualTo(900);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.refusal("kim", "10.0.0.9")).isNull();
        // after the lock-out and the window, the count starts again
        throttle.failed("kim", "10.0.0.9");
        assertThat(throttle.refusal("kim", "10.0.0.9")).isNull();
    }

    @Test
    void anAddressGuessingManyAccountsIsDelayedThenLockedWhileOtherAddressesAreNot() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "10.0.0.7");
        }
        assertThat(throttle.refusal("someone-else", "10.0.0.7")).isNull();
        throttle.failed("user-5", "10.0.0.7"); // the address's 6th: wait 1 s
        var refusal = throttle.refusal("someone-else", "10.0.0.7");
        assertThat(refusal.what()).isEqualTo("address");
        assertThat(throttle.refusal("someone-else", "10.0.0.8")).isNull();
        assertThat(throttle.refusal(null, "10.0.0.7")).isNotNull();
        for (int i = 6; i < 9; i++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.failed(null, "10.0.0.7");
        }
        var locked = throttle.refusal(null, "10.0.0.7");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.what()).isEqualTo("address");
    }

    @Test
    void theDelayDoublesUpToItsCap() {
        assertThat(throttle.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delay(40)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("lee", "10.0.0.5");
        }
        throttle.succeeded("lee");
        for (int i = 0; i < 3; i++) {
            throttle.failed("lee", "10.0.0.6");
        }
        assertThat(throttle.refusal("lee", "10.0.0.6")).isNull();
        // the address 10.0.0.5 keeps its three: three more from it and it must wait
        for (int i = 0; i < 3; i++) {
            throttle.failed("other", "10.0.0.5");
        }
        assertThat(throttle.refusal("third", "10.0.0.5").what()).isEqualTo("address");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "10.0.0.10");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("ana", "10.0.0.10");
        assertThat(throttle.refusal("ana", "10.0.0.11")).isNull();
    }

    @Test
    void lockOutCountsMustBeAboveTheFreeFailures() {
        assertThatThrownBy(() -> new SignInThrottle.Settings(
                        5,
                        5,
                        5,
                        9,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15)))
                .hasMessageContaining("EXPLORER_SIGNIN_");
    }
}
