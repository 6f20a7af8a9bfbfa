package uk.safeguarding.explorer.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.MovingClock;

/** Per-client rate limits on a clock the test moves (never a wait). */
class RequestRateTests {

    private static IntegrationClient client(String id, int perMinute) {
        return new IntegrationClient(id, "police", Map.of(), perMinute);
    }

    @Test
    void aMinutesAllowanceGoesAtOnceThenTheNextWaitsItsShareOfTheMinute() {
        var clock = new MovingClock(Instant.parse("2026-11-30T09:00:00Z"));
        var rate = new RequestRate(clock);
        var dashboard = client("dashboard", 6);
        for (int i = 0; i < 6; i++) {
            assertThat(rate.acquire(dashboard)).isZero();
        }
        assertThat(rate.acquire(dashboard)).isEqualTo(10);
        clock.advance(Duration.ofSeconds(4));
        assertThat(rate.acquire(dashboard)).isEqualTo(6);
        clock.advance(Duration.ofSeconds(6));
        assertThat(rate.acquire(dashboard)).isZero();
        assertThat(rate.acquire(dashboard)).isEqualTo(10);
    }

    @Test
    void eachClientHasItsOwnAllowanceAndAnIdleOneNeverSavesMoreThanAMinutes() {
        var clock = new MovingClock(Instant.parse("2026-11-30T09:00:00Z"));
        var rate = new RequestRate(clock);
        var busy = client("busy", 2);
        var quiet = client("quiet", 2);
        rate.acquire(busy);
        rate.acquire(busy);
        assertThat(rate.acquire(busy)).isPositive();
        assertThat(rate.acquire(quiet)).isZero();
        clock.advance(Duration.ofHours(5));
        assertThat(rate.acquire(busy)).isZero();
        assertThat(rate.acquire(busy)).isZero();
        assertThat(rate.acquire(busy)).isEqualTo(30);
    }
}
