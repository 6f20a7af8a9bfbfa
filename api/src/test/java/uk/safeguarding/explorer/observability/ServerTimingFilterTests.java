package uk.safeguarding.explorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Server timing is off unless asked for: its phases are for operators and the benchmark. */
class ServerTimingFilterTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(ServerTimingFilter.class);

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ServerTimingFilter.class));
    }

    @Test
    void onWhenAskedFor() {
        runner.withPropertyValues("explorer.server-timing=true")
                .run(context -> assertThat(context).hasSingleBean(ServerTimingFilter.class));
    }

    @Test
    void outsideATimedRequestTimingJustRunsTheWork() {
        assertThat(ServerTiming.current()).isNull();
        assertThat(ServerTiming.time(ServerTiming.Phase.DB, () -> 42)).isEqualTo(42);
    }
}
