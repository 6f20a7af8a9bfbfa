package uk.safeguarding.explorer.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlaceholderCodecTests {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private final PlaceholderCodec codec =
            new PlaceholderCodec("a test secret of some length".getBytes(StandardCharsets.UTF_8));

    @Test
    void aPlaceholderReadsBackForTheSameUserAgencyAndDay() {
        var id = codec.encode("teacher", "school-a", DAY, "p-gary");
        assertThat(id).startsWith("rp-").doesNotContain("gary");
        assertThat(codec.decode("teacher", "school-a", DAY, id)).contains("p-gary");
    }

    @Test
    void theSamePersonHasTheSamePlaceholderAllDayForOneUser() {
        assertThat(codec.encode("teacher", "school-a", DAY, "p-gary"))
                .isEqualTo(codec.encode("teacher", "school-a", DAY, "p-gary"))
                .isNotEqualTo(codec.encode("teacher", "school-a", DAY, "p-joanne"));
    }

    @Test
    void anotherUserAgencyOrDayCannotReadIt() {
        var id = codec.encode("teacher", "school-a", DAY, "p-gary");
        assertThat(codec.decode("health-visitor", "school-a", DAY, id)).isEmpty();
        assertThat(codec.decode("teacher", "health", DAY, id)).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY.plusDays(1), id)).isEmpty();
        assertThat(codec.encode("health-visitor", "health", DAY, "p-gary")).isNotEqualTo(id);
        assertThat(codec.encode("teacher", "school-a", DAY.plusDays(1), "p-gary"))
                .isNotEqualTo(id);
    }

    @Test
    void anotherSecretCannotReadIt() {
        var id = codec.encode("teacher", "school-a", DAY, "p-gary");
        var other = new PlaceholderCodec("another secret of some length".getBytes(StandardCharsets.UTF_8));
        assertThat(other.decode("teacher", "school-a", DAY, id)).isEmpty();
    }

    @Test
    void aTamperedOrMalformedPlaceholderIsUnknown() {
        var id = codec.encode("teacher", "school-a", DAY, "p-gary");
        var raw = Base64.getUrlDecoder().decode(id.substring(3));
        raw[raw.length - 1] ^= 1;
        var tampered = "rp-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(codec.decode("teacher", "school-a", DAY, tampered)).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY, "p-gary")).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY, "rp-")).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY, "rp-!!!")).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY, "rp-AAAA")).isEmpty();
        assertThat(codec.decode("teacher", "school-a", DAY, null)).isEmpty();
    }

    @Test
    void idsOfDifferentLengthsUpToAPaddingBlockLookAlike() {
        assertThat(codec.encode("u", "a", DAY, "p-1"))
                .hasSameSizeAs(codec.encode("u", "a", DAY, "p-12345678901234567890"));
        var longId = "x".repeat(300);
        assertThat(codec.decode("u", "a", DAY, codec.encode("u", "a", DAY, longId)))
                .contains(longId);
        var accents = "p-Chloé-Ødegård";
        assertThat(codec.decode("u", "a", DAY, codec.encode("u", "a", DAY, accents)))
                .contains(accents);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new PlaceholderCodec(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
