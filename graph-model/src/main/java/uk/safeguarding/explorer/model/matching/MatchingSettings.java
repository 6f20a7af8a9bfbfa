package uk.safeguarding.explorer.model.matching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching engine's settings: Fellegi-Sunter m and u probabilities per field and level (the
 * weight of a level is log2(m/u)), the link and review thresholds, the ambiguity margin and how
 * similar two names must be to count as CLOSE. The documented defaults are
 * {@code matching/defaults.json}; {@code EXPLORER_MATCHING_FILE} names a file that overrides any of
 * them. Every name in such a file is checked when it is read: a typo must not silently change who
 * is joined to whom.
 */
public final class MatchingSettings {

    private final Map<Field, Map<Level, Double>> weights;
    private final double link;
    private final double review;
    private final double ambiguityMargin;
    private final double closeName;

    private MatchingSettings(
            Map<Field, Map<Level, Double>> weights,
            double link,
            double review,
            double ambiguityMargin,
            double closeName) {
        this.weights = weights;
        this.link = link;
        this.review = review;
        this.ambiguityMargin = ambiguityMargin;
        this.closeName = closeName;
    }

    /** The built-in defaults. */
    public static MatchingSettings defaults() {
        return parse(List.of(defaultsJson()), "matching/defaults.json");
    }

    /** The defaults overridden by the file (EXPLORER_MATCHING_FILE); an unreadable or wrong file is an error naming it. */
    public static MatchingSettings load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("EXPLORER_MATCHING_FILE: cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(List.of(defaultsJson(), text), file.toString());
    }

    /** The defaults overridden by the given JSON text (for tests and tools). */
    public static MatchingSettings fromJson(String json, String name) {
        return parse(List.of(defaultsJson(), json), name);
    }

    /** The weight of a field at a level: log2(m/u); zero when a side is missing. */
    public double weight(Field field, Level level) {
        if (level == Level.MISSING) {
            return 0;
        }
        var byLevel = weights.get(field);
        var weight = byLevel == null ? null : byLevel.get(level);
        if (weight == null) {
            throw new IllegalArgumentException(field.jsonName() + " has no level " + level);
        }
        return weight;
    }

    public double linkThreshold() {
        return link;
    }

    public double reviewThreshold() {
        return review;
    }

    public double ambiguityMargin() {
        return ambiguityMargin;
    }

    /** Jaro-Winkler similarity from which two names are CLOSE. */
    public double closeName() {
        return closeName;
    }

    /** Weights are shown and stored to two decimals. */
    public static double round(double weight) {
        return Math.round(weight * 100) / 100.0;
    }

    private static String defaultsJson() {
        try (InputStream in = MatchingSettings.class.getResourceAsStream("/matching/defaults.json")) {
            if (in == null) {
                throw new IllegalStateException("matching/defaults.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read matching/defaults.json", e);
        }
    }

    private static MatchingSettings parse(List<String> layers, String name) {
        var errors = new ArrayList<String>();
        var m = new EnumMap<Field, Map<Level, Double>>(Field.class);
        var u = new EnumMap<Field, Map<Level, Double>>(Field.class);
        var thresholds = new HashMap<String, Double>();
        for (var text : layers) {
            JsonNode root;
            try {
                root = JsonMapper.shared().readTree(text);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "matching settings " + name + " are not valid JSON: "
                                + e.getMessage().lines().findFirst().orElse(""),
                        e);
            }
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("matching settings " + name + ": the document must be an object");
            }
            known(root, "", Set.of("_comment", "thresholds", "similarity", "fields"), errors);
            numbers(
                    root.path("thresholds"),
                    "thresholds.",
                    Set.of("link", "review", "ambiguityMargin"),
                    thresholds,
                    errors);
            numbers(root.path("similarity"), "similarity.", Set.of("closeName"), thresholds, errors);
            var fields = root.path("fields");
            if (!fields.isMissingNode() && !fields.isObject()) {
                errors.add("fields must be an object");
                continue;
            }
            for (var fieldName : fields.isObject() ? fields.propertyNames() : List.<String>of()) {
                Field field;
                try {
                    field = Field.fromJsonName(fieldName);
                } catch (IllegalArgumentException e) {
                    errors.add("fields." + fieldName + " is not a field (one of " + fieldNames() + ")");
                    continue;
                }
                var levels = fields.get(fieldName);
                if (!levels.isObject()) {
                    errors.add("fields." + fieldName + " must be an object of levels");
                    continue;
                }
                for (var levelName : levels.propertyNames()) {
                    Level level;
                    try {
                        level = Level.valueOf(levelName);
                    } catch (IllegalArgumentException e) {
                        level = null;
                    }
                    if (level == null || !field.levels().contains(level)) {
                        errors.add("fields." + fieldName + "." + levelName + " is not a level of " + fieldName
                                + " (one of " + field.levels() + ")");
                        continue;
                    }
                    var probabilities = levels.get(levelName);
                    var where = "fields." + fieldName + "." + levelName + ".";
                    if (!probabilities.isObject()) {
                        errors.add(where.substring(0, where.length() - 1) + " must be an object with m and u");
                        continue;
                    }
                    known(probabilities, where, Set.of("m", "u"), errors);
                    probability(probabilities, "m", where, errors, field, level, m);
                    probability(probabilities, "u", where, errors, field, level, u);
                }
            }
        }
        var weights = new EnumMap<Field, Map<Level, Double>>(Field.class);
        for (var field : Field.values()) {
            var byLevel = new EnumMap<Level, Double>(Level.class);
            for (var level : field.levels()) {
                var mp = m.getOrDefault(field, Map.of()).get(level);
                var up = u.getOrDefault(field, Map.of()).get(level);
                if (mp == null || up == null) {
                    errors.add("fields." + field.jsonName() + "." + level + " needs both m and u");
                    continue;
                }
                byLevel.put(level, Math.log(mp / up) / Math.log(2));
            }
            weights.put(field, Map.copyOf(byLevel));
        }
        var link = thresholds.getOrDefault("link", Double.NaN);
        var review = thresholds.getOrDefault("review", Double.NaN);
        if (!(link > review)) {
            errors.add("thresholds.link (" + link + ") must be above thresholds.review (" + review + ")");
        }
        var margin = thresholds.getOrDefault("ambiguityMargin", Double.NaN);
        if (!(margin >= 0)) {
            errors.add("thresholds.ambiguityMargin must be zero or more");
        }
        var close = thresholds.getOrDefault("closeName", Double.NaN);
        if (!(close > 0 && close <= 1)) {
            errors.add("similarity.closeName must be above 0 and at most 1");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("matching settings " + name + ": " + String.join("; ", errors));
        }
        return new MatchingSettings(Map.copyOf(weights), link, review, margin, close);
    }

    private static void probability(
            JsonNode node,
            String key,
            String where,
            List<String> errors,
            Field field,
            Level level,
            Map<Field, Map<Level, Double>> into) {
        var value = node.get(key);
        if (value == null) {
            return;
        }
        if (!value.isNumber() || value.doubleValue() <= 0 || value.doubleValue() > 1) {
            errors.add(where + key + " must be a probability above 0 and at most 1");
            return;
        }
        into.computeIfAbsent(field, f -> new EnumMap<>(Level.class)).put(level, value.doubleValue());
    }

    private static void numbers(
            JsonNode node, String prefix, Set<String> keys, Map<String, Double> into, List<String> errors) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            errors.add(prefix.substring(0, prefix.length() - 1) + " must be an object");
            return;
        }
        known(node, prefix, keys, errors);
        for (var key : keys) {
            var value = node.get(key);
            if (value == null) {
                continue;
            }
            if (!value.isNumber()) {
                errors.add(prefix + key + " must be a number");
            } else {
                into.put(key, value.doubleValue());
            }
        }
    }

    private static void known(JsonNode node, String prefix, Set<String> keys, List<String> errors) {
        node.propertyNames().forEach(k -> {
            if (!keys.contains(k)) {
                errors.add(prefix + k + " is not a matching setting");
            }
        });
    }

    private static String fieldNames() {
        var names = new ArrayList<String>();
        for (var field : Field.values()) {
            names.add(field.jsonName());
        }
        return String.join(", ", names);
    }
}
