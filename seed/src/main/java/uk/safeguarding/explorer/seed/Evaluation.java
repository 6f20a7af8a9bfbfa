package uk.safeguarding.explorer.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Measures identity resolution against the truth of generated extracts: pairwise precision and
 * recall of the automatic links (two records placed in one person, counted over all pairs), the
 * review queue, and every twin or namesake pair merged into one person.
 */
final class Evaluation {

    /** The measured figures. */
    record Figures(
            long records,
            long persons,
            long truePairs,
            long predictedPairs,
            long correctPairs,
            double precision,
            double recall,
            long queue,
            double queueShare,
            List<String> twinsMerged,
            List<String> namesakesMerged) {}

    private Evaluation() {}

    /**
     * @param truth     source, localId, true person
     * @param twins     pairs of true persons who are twins
     * @param namesakes pairs of true persons who are father and son of one name
     */
    static Figures measure(Graph graph, List<String[]> truth, List<String[]> twins, List<String[]> namesakes) {
        var resolved = new HashMap<String, String>();
        graph.read(
                        "identity/all-links",
                        Map.of(),
                        r -> Map.entry(r.get("key").asString(), r.get("person").asString()))
                .forEach(e -> resolved.put(e.getKey(), e.getValue()));
        var queue = graph.read(
                        "identity/pending-count", Map.of(), r -> r.get("n").asLong())
                .get(0);
        // cluster -> true person -> records
        var clusters = new HashMap<String, Map<String, Long>>();
        var byTruth = new HashMap<String, Long>();
        var personOfTruth = new HashMap<String, Set<String>>();
        for (var t : truth) {
            var key = t[0] + ":" + t[1];
            var cluster = resolved.get(key);
            if (cluster == null) {
                throw new IllegalStateException("record " + key + " was not resolved");
            }
            clusters.computeIfAbsent(cluster, k -> new HashMap<>()).merge(t[2], 1L, Long::sum);
            byTruth.merge(t[2], 1L, Long::sum);
            personOfTruth.computeIfAbsent(t[2], k -> new HashSet<>()).add(cluster);
        }
        long predicted = 0;
        long correct = 0;
        for (var cluster : clusters.values()) {
            long size = cluster.values().stream().mapToLong(Long::longValue).sum();
            predicted += pairs(size);
            for (var n : cluster.values()) {
                correct += pairs(n);
            }
        }
        long truePairs = byTruth.values().stream().mapToLong(Evaluation::pairs).sum();
        return new Figures(
                truth.size(),
                clusters.size(),
                truePairs,
                predicted,
                correct,
                predicted == 0 ? 1.0 : (double) correct / predicted,
                truePairs == 0 ? 1.0 : (double) correct / truePairs,
                queue,
                (double) queue / truth.size(),
                merged(twins, personOfTruth),
                merged(namesakes, personOfTruth));
    }

    private static List<String> merged(List<String[]> pairs, Map<String, Set<String>> clustersOf) {
        var result = new ArrayList<String>();
        for (var pair : pairs) {
            var a = clustersOf.getOrDefault(pair[0], Set.of());
            var b = clustersOf.getOrDefault(pair[1], Set.of());
            for (var cluster : a) {
                if (b.contains(cluster)) {
                    result.add(pair[0] + "+" + pair[1] + " in " + cluster);
                }
            }
        }
        return result;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    /** The figures as a Markdown table. */
    static String table(Figures f, Map<String, Double> speed) {
        var rows = new LinkedHashMap<String, String>();
        rows.put("person records (five extracts)", String.format("%,d", f.records()));
        rows.put("resolved persons", String.format("%,d", f.persons()));
        rows.put("true pairs (records of one person)", String.format("%,d", f.truePairs()));
        rows.put("pairs linked automatically", String.format("%,d", f.predictedPairs()));
        rows.put("of which correct", String.format("%,d", f.correctPairs()));
        rows.put("**pairwise precision**", String.format("**%.4f**", f.precision()));
        rows.put("**pairwise recall**", String.format("**%.4f**", f.recall()));
        rows.put(
                "review queue (pending candidates)",
                String.format("%,d (%.2f%% of records)", f.queue(), 100 * f.queueShare()));
        rows.put("twin pairs merged", f.twinsMerged().isEmpty() ? "none" : String.join(", ", f.twinsMerged()));
        rows.put(
                "father-and-son namesakes merged",
                f.namesakesMerged().isEmpty() ? "none" : String.join(", ", f.namesakesMerged()));
        speed.forEach((k, v) -> rows.put(k, String.format("%,.0f", v)));
        var text = new StringBuilder("| measure | value |\n|---|---|\n");
        rows.forEach(
                (k, v) -> text.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return text.toString();
    }
}
