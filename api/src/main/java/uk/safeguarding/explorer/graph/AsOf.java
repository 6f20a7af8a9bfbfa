package uk.safeguarding.explorer.graph;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Resolves the optional {@code asOf} argument every query takes: default today. */
@Component
public class AsOf {

    private final Clock clock;

    AsOf(Clock clock) {
        this.clock = clock;
    }

    public LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
