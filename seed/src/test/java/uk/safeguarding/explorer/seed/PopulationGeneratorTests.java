package uk.safeguarding.explorer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.model.bundle.BundleValidator;

class PopulationGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private static List<JsonNode> generate(int persons, long seed) {
        var bundles = new ArrayList<JsonNode>();
        new PopulationGenerator(persons, seed, TODAY).generate(1_000, bundles::add);
        return bundles;
    }

    @Test
    void theSameSeedGivesTheSamePopulation() {
        assertThat(generate(2_000, 7)).isEqualTo(generate(2_000, 7));
        assertThat(generate(2_000, 7)).isNotEqualTo(generate(2_000, 8));
    }

    @Test
    void everyGeneratedRecordPassesTheImportValidation() {
        var validator =
                new BundleValidator(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        // Later bundles refer to agencies, professionals and placements of the first, as a database would hold.
        Map<String, Set<String>> earlier = new HashMap<>();
        for (var bundle : generate(5_000, 42)) {
            var result = validator.validate(bundle, refs -> earlier);
            assertThat(result.rejected()).as("rejections").isEmpty();
            assertThat(result.warnings()).isEmpty();
            record(earlier, "Agency", bundle.get("agencies"));
            record(earlier, "Professional", bundle.get("professionals"));
            record(earlier, "Person", bundle.get("people"));
            record(earlier, "Address", bundle.get("addresses"));
        }
    }

    @Test
    void thePopulationHasTheStructureItPromises() {
        var counts = new HashMap<String, Integer>();
        var relationshipTypes = new HashMap<String, Integer>();
        var markerTypes = new HashSet<String>();
        int overdue = 0;
        for (var bundle : generate(5_000, 42)) {
            bundle.properties().forEach(e -> {
                if (e.getValue().isArray()) {
                    counts.merge(e.getKey(), e.getValue().size(), Integer::sum);
                }
            });
            if (bundle.has("relationships")) {
                bundle.get("relationships")
                        .forEach(r -> relationshipTypes.merge(r.get("type").asString(), 1, Integer::sum));
            }
            if (bundle.has("markers")) {
                bundle.get("markers").forEach(m -> markerTypes.add(m.get("type").asString()));
            }
            if (bundle.has("meetings")) {
                for (var meeting : bundle.get("meetings")) {
                    for (var action : meeting.get("actions")) {
                        if (!action.has("completedOn")
                                && LocalDate.parse(action.get("dueOn").asString())
                                        .isBefore(TODAY)) {
                            overdue++;
                        }
                    }
                }
            }
        }
        assertThat(counts.get("people")).isBetween(5_000, 5_010);
        assertThat(relationshipTypes).containsKeys("PARENT_OF", "PARTNER_OF", "LIVES_AT", "HAS_CONTACT_WITH");
        assertThat(markerTypes).contains("REGISTERED_SEX_OFFENDER", "MAPPA", "CHILD_PROTECTION_PLAN", "LOOKED_AFTER");
        assertThat(counts.get("referrals")).isPositive();
        assertThat(counts.get("meetings")).isPositive();
        assertThat(overdue).isPositive();
    }

    private static void record(Map<String, Set<String>> ids, String label, JsonNode array) {
        if (array != null) {
            array.forEach(n -> ids.computeIfAbsent(label, k -> new HashSet<>())
                    .add(n.get("id").asString()));
        }
    }
}
