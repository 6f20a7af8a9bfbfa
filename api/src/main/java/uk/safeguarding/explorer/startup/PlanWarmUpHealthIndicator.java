package uk.safeguarding.explorer.startup;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code planWarmUp} health contributor: {@code WARMING_UP} while the start-up warm-up plans
 * ({@link StartupWarmUp}), {@code UP} once it has finished or when it is off. The explorer answers
 * while it warms up (only more slowly), so the overall health and readiness leave it out (a status
 * missing from their order does not count); the {@code warm-up} health group ({@code
 * /actuator/health/warm-up}) answers 503 while it warms up and 200 after. An operator may add it to
 * readiness (with {@code warming-up} in readiness's order and HTTP mapping) to keep a new instance out
 * of a load balancer until it is warm.
 */
@Component
class PlanWarmUpHealthIndicator implements HealthIndicator {

    // no description: the group answers anonymously, and says its status only
    static final Status WARMING_UP = new Status("WARMING_UP");

    private final StartupWarmUp warmUp;

    PlanWarmUpHealthIndicator(StartupWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public Health health() {
        var state = warmUp.state();
        var health = state == StartupWarmUp.State.PENDING || state == StartupWarmUp.State.RUNNING
                ? Health.status(WARMING_UP)
                : Health.up();
        return health.withDetail("state", state.name()).build();
    }
}
