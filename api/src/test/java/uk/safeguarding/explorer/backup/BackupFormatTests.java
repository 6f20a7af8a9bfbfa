package uk.safeguarding.explorer.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import tools.jackson.databind.json.JsonMapper;

/** Every Neo4j property type survives a backup line and comes back as the same driver value. */
class BackupFormatTests {

    private static Map<String, Object> roundTrip(Map<String, Object> properties) {
        var line = BackupFormat.props(Values.value(properties)).toString();
        return BackupFormat.parameters(JsonMapper.shared().readTree(line));
    }

    @Test
    void everyPropertyTypeComesBackWithItsType() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("text", "Sara \"Bell\" <b>");
        properties.put("integer", 9_007_199_254_740_993L);
        properties.put("float", 1.0);
        properties.put("flag", true);
        properties.put("names", List.of("Kyle", "K."));
        properties.put("numbers", List.of(1L, 2L));
        properties.put("day", LocalDate.of(2018, 9, 26));
        properties.put("days", List.of(LocalDate.of(2018, 9, 26), LocalDate.of(2016, 1, 1)));
        properties.put("instant", ZonedDateTime.of(2018, 8, 10, 9, 0, 0, 123_000_000, ZoneOffset.UTC));
        properties.put("zoned", ZonedDateTime.of(2018, 8, 10, 9, 0, 0, 0, ZoneId.of("Europe/London")));
        properties.put("local", LocalDateTime.of(2018, 8, 10, 9, 0));
        properties.put("time", OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(1)));
        properties.put("localTime", LocalTime.of(9, 30));
        properties.put("duration", Values.isoDuration(1, 2, 3, 4).asIsoDuration());
        properties.put("point", Values.point(4326, -1.08, 53.96).asPoint());
        properties.put("point3d", Values.point(9157, 1, 2, 3).asPoint());

        var back = roundTrip(properties);

        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(properties.keySet());
        properties.forEach(
                (key, value) -> assertThat(Values.value(back.get(key))).as(key).isEqualTo(Values.value(value)));
        assertThat(back.get("float")).isInstanceOf(Double.class);
        assertThat(back.get("integer")).isInstanceOf(Long.class);
    }

    @Test
    void bytesComeBackByteForByte() {
        var back = roundTrip(Map.of("bytes", new byte[] {0, 1, (byte) 255}));
        assertThat((byte[]) back.get("bytes")).containsExactly(0, 1, 255);
    }

    @Test
    void anUnknownTypeInALineIsRefused() {
        var line = JsonMapper.shared().readTree("{\"x\": {\"colour\": \"red\"}}");
        assertThatThrownBy(() -> BackupFormat.parameters(line)).hasMessage("unknown value type 'colour'");
    }
}
