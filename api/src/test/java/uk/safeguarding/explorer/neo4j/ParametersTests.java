package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Statement parameters by name: order kept, null taken, mistakes refused. */
class ParametersTests {

    @Test
    void parametersKeepTheirOrderAndTakeNullAsNotGiven() {
        var parameters = Parameters.with("first", 20).and("after", null).and("user", "pc-smith");

        assertThat(parameters).containsExactly(entry("first", 20), entry("after", null), entry("user", "pc-smith"));
    }

    @Test
    void aParameterGivenTwiceIsAMistakeNotAnOverwrite() {
        assertThatThrownBy(() -> Parameters.with("id", "p-kyle").and("id", "p-sara"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'id' is given twice");
    }

    @Test
    void aParameterNeedsAName() {
        for (var name : Arrays.asList(null, "", " ")) {
            assertThatThrownBy(() -> Parameters.with(name, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a parameter needs a name");
        }
    }
}
