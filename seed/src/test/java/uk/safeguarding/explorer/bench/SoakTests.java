package uk.safeguarding.explorer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTests {

    @Test
    void theSlopeOfASteadyClimbIsItsStep() {
        assertThat(Soak.slope(List.of(100.0, 102.0, 104.0, 106.0))).isCloseTo(2.0, within(1e-9));
        assertThat(Soak.slope(List.of(100.0, 100.0, 100.0))).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void aHeapThatSettlesAfterWarmingUpIsFlat() {
        assertThat(Soak.flat(List.of(80.0, 120.0, 140.0, 141.0, 139.0, 140.0, 141.0, 140.0)))
                .isTrue();
    }

    @Test
    void aHeapThatKeepsGrowingIsNotFlat() {
        assertThat(Soak.flat(List.of(100.0, 110.0, 120.0, 130.0, 140.0, 150.0, 160.0, 170.0)))
                .isFalse();
        assertThat(Soak.flat(List.of(100.0, 130.0, 160.0))).isFalse();
    }
}
