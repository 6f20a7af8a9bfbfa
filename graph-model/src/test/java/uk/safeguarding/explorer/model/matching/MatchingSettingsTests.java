package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingSettingsTests {

    @Test
    void theDefaultsAreLog2OfMOverUAndTheDocumentedThresholds() {
        var settings = MatchingSettings.defaults();
        assertThat(settings.linkThreshold()).isEqualTo(16.0);
        assertThat(settings.reviewThreshold()).isEqualTo(12.0);
        assertThat(settings.ambiguityMargin()).isEqualTo(6.0);
        assertThat(MatchingSettings.round(settings.weight(Field.GIVEN_NAME, Level.EXACT)))
                .isEqualTo(6.46);
        assertThat(settings.weight(Field.NHS_NUMBER, Level.DIFFERENT)).isLessThan(-13);
        assertThat(settings.weight(Field.ADDRESS, Level.MISSING)).isZero();
    }

    @Test
    void aFileOverridesOnlyWhatItNames(@TempDir Path dir) throws Exception {
        var file = dir.resolve("matching.json");
        Files.writeString(
                file, "{\"thresholds\": {\"link\": 18}, \"fields\": {\"sex\": {\"EXACT\": {\"m\": 0.5, \"u\": 0.5}}}}");
        var settings = MatchingSettings.load(file);
        assertThat(settings.linkThreshold()).isEqualTo(18.0);
        assertThat(settings.reviewThreshold()).isEqualTo(12.0);
        assertThat(settings.weight(Field.SEX, Level.EXACT)).isZero();
        assertThat(settings.weight(Field.SEX, Level.DIFFERENT))
                .isEqualTo(MatchingSettings.defaults().weight(Field.SEX, Level.DIFFERENT));
    }

    @Test
    void aTypoInAFieldLevelOrSettingNamesItAndTheFile() {
        assertThatThrownBy(() -> MatchingSettings.fromJson("{\"fields\": {\"givenNmae\": {}}}", "my.json"))
                .hasMessageContaining("my.json")
                .hasMessageContaining("fields.givenNmae is not a field");
        assertThatThrownBy(() -> MatchingSettings.fromJson(
                        "{\"fields\": {\"givenName\": {\"NICKNAM\": {\"m\": 0.1, \"u\": 0.1}}}}", "my.json"))
                .hasMessageContaining("fields.givenName.NICKNAM is not a level of givenName");
        assertThatThrownBy(() -> MatchingSettings.fromJson("{\"tresholds\": {}}", "my.json"))
                .hasMessageContaining("tresholds is not a matching setting");
        assertThatThrownBy(() -> MatchingSettings.fromJson("{\"thresholds\": {\"lnk\": 3}}", "my.json"))
                .hasMessageContaining("thresholds.lnk is not a matching setting");
    }

    @Test
    void probabilitiesAndThresholdsMustMakeSense() {
        assertThatThrownBy(
                        () -> MatchingSettings.fromJson("{\"fields\": {\"sex\": {\"EXACT\": {\"m\": 1.5}}}}", "x.json"))
                .hasMessageContaining("fields.sex.EXACT.m must be a probability");
        assertThatThrownBy(
                        () -> MatchingSettings.fromJson("{\"thresholds\": {\"link\": 10, \"review\": 12}}", "x.json"))
                .hasMessageContaining("thresholds.link (10.0) must be above thresholds.review (12.0)");
        assertThatThrownBy(() -> MatchingSettings.fromJson("not json", "x.json"))
                .hasMessageContaining("x.json are not valid JSON");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> MatchingSettings.load(Path.of("/nonexistent/matching.json")))
                .hasMessageContaining("EXPLORER_MATCHING_FILE")
                .hasMessageContaining("/nonexistent/matching.json");
    }
}
