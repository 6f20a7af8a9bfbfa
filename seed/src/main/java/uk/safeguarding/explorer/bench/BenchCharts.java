package uk.safeguarding.explorer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's charts as plain SVG (no library, readable in a browser and on GitHub): p95 per
 * query, raw Cypher beside GraphQL, and with a scale curve the p95 of each query at 20,000 and at
 * 200,000 people. Drawn only from the figures of the run that writes them.
 */
final class BenchCharts {

    private static final int BAR = 18;
    private static final int GAP = 14;
    private static final int LEFT = 150;
    private static final int WIDTH = 720;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};

    private BenchCharts() {}

    /** A bar of a group: its label, its value in ms and its series (colour). */
    record Bar(String series, double ms) {}

    /** One group of bars (one query). */
    record Group(String label, List<Bar> bars) {}

    /** Writes p95-per-query.svg and, for a scale curve, scale-curve.svg into {@code dir}. */
    @SuppressWarnings("unchecked")
    static List<Path> write(Map<String, Object> result, Path dir) throws IOException {
        Files.createDirectories(dir);
        var written = new ArrayList<Path>();
        var persons = result.get("persons");
        var queries = (Map<String, Map<String, Map<String, Double>>>) result.get("queries");
        var groups = new ArrayList<Group>();
        queries.forEach((name, both) -> groups.add(new Group(
                name,
                List.of(
                        new Bar("raw Cypher", both.get("cypher").get("p95_ms")),
                        new Bar("GraphQL", both.get("graphql").get("p95_ms"))))));
        var perQuery = dir.resolve("p95-per-query.svg");
        Files.writeString(
                perQuery,
                chart(
                        "p95 per query at " + persons + " people (ms): raw Cypher beside GraphQL",
                        List.of("raw Cypher", "GraphQL"),
                        groups),
                StandardCharsets.UTF_8);
        written.add(perQuery);
        if (result.get("scale_curve") instanceof Map<?, ?> curve) {
            var small = (Map<String, Object>) curve.get("small");
            var smallQueries = (Map<String, Map<String, Map<String, Double>>>) small.get("queries");
            var series = List.of(
                    "Cypher " + small.get("persons"),
                    "Cypher " + persons,
                    "GraphQL " + small.get("persons"),
                    "GraphQL " + persons);
            var scale = new ArrayList<Group>();
            queries.forEach((name, both) -> {
                var before = smallQueries.get(name);
                if (before != null) {
                    scale.add(new Group(
                            name,
                            List.of(
                                    new Bar(series.get(0), before.get("cypher").get("p95_ms")),
                                    new Bar(series.get(1), both.get("cypher").get("p95_ms")),
                                    new Bar(series.get(2), before.get("graphql").get("p95_ms")),
                                    new Bar(series.get(3), both.get("graphql").get("p95_ms")))));
                }
            });
            var curvePath = dir.resolve("scale-curve.svg");
            Files.writeString(
                    curvePath,
                    chart(
                            "Scale curve: p95 per query (ms) at " + small.get("persons") + " and at " + persons
                                    + " people",
                            series,
                            scale),
                    StandardCharsets.UTF_8);
            written.add(curvePath);
        }
        return written;
    }

    /** A horizontal grouped bar chart with a legend and the value at the end of each bar. */
    static String chart(String title, List<String> series, List<Group> groups) {
        var max = groups.stream()
                .flatMap(g -> g.bars().stream())
                .mapToDouble(Bar::ms)
                .max()
                .orElse(1);
        var scale = (WIDTH - LEFT - 70) / Math.max(max, 0.001);
        var perGroup = series.size() * BAR + GAP;
        var top = 50 + 20 * ((series.size() + 1) / 2);
        var height = top + groups.size() * perGroup + 20;
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append(String.format(Locale.ROOT, "<title>%s</title>%n", escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < series.size(); i++) {
            var x = 10 + (i % 2) * 300;
            var y = 40 + (i / 2) * 20;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    x,
                    y,
                    COLOURS[i % COLOURS.length],
                    x + 18,
                    y + 11,
                    escape(series.get(i))));
        }
        var y = top;
        for (var group : groups) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8,
                    y + perGroup / 2 - 2,
                    escape(group.label())));
            for (var bar : group.bars()) {
                var colour = COLOURS[Math.max(0, series.indexOf(bar.series())) % COLOURS.length];
                var length = Math.max(1, bar.ms() * scale);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s: %.2f ms</title></rect><text x=\"%.1f\" y=\"%d\">%.2f</text>%n",
                        LEFT,
                        y,
                        length,
                        BAR - 3,
                        colour,
                        escape(bar.series()),
                        bar.ms(),
                        LEFT + length + 4,
                        y + BAR - 6,
                        bar.ms()));
                y += BAR;
            }
            y += GAP;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
