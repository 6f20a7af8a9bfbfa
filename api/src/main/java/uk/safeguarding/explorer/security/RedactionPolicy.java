package uk.safeguarding.explorer.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.model.AddressKind;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.AssessmentType;
import uk.safeguarding.explorer.model.MarkerType;
import uk.safeguarding.explorer.model.MeetingKind;

/**
 * The redaction policy (README, "Redaction policy"): which agencies see offender detail (RSO and
 * MAPPA markers, MAPPA meetings, offender-management involvements, the PNC id and probation case
 * reference, the records police and probation keep about an offender, approved premises) and health
 * detail (health professionals and roles, HEALTH and CAMHS assessments). The defaults
 * are {@code policy/redaction.json}; {@code EXPLORER_POLICY_FILE} names a replacement. Every name in
 * the file is checked at start-up: a typo must not silently show data to the wrong agency.
 */
public record RedactionPolicy(Offender offender, Health health) {

    /** Who sees offender detail, what it is, and what the others are told instead. */
    public record Offender(
            Set<String> seenByAgencyTypes,
            Set<String> seenByRoles,
            Set<String> markerTypes,
            Set<String> meetingKinds,
            Set<String> offenderManagementAgencyTypes,
            List<String> offenderManagementRoles,
            Set<String> hiddenPersonFields,
            Set<String> managementRecordAgencyTypes,
            Set<String> addressKinds,
            String restrictedDetail,
            String defaultHolder) {}

    /** Who sees health detail, what it is, and what the others are told instead. */
    public record Health(
            Set<String> seenByAgencyTypes,
            Set<String> seenByRoles,
            Set<String> involvementAgencyTypes,
            Set<String> assessmentTypes,
            String restrictedDetail) {}

    /** The identifiers of a person the policy may hide. */
    public static final Set<String> PERSON_FIELDS = Set.of("nhsNumber", "pncId", "laCaseNumber", "upn", "probationCrn");

    public static RedactionPolicy defaults() {
        try (InputStream in = RedactionPolicy.class.getResourceAsStream("/policy/redaction.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "policy/redaction.json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default redaction policy", e);
        }
    }

    public static RedactionPolicy load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("EXPLORER_POLICY_FILE: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static RedactionPolicy parse(String json, String name) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("redaction policy " + name + " is not valid JSON", e);
        }
        var errors = new ArrayList<String>();
        known(root, errors, "", Set.of("_comment", "offenderDetail", "healthDetail"));
        var o = root.path("offenderDetail");
        var h = root.path("healthDetail");
        known(
                o,
                errors,
                "offenderDetail.",
                Set.of(
                        "seenByAgencyTypes",
                        "seenByRoles",
                        "markerTypes",
                        "meetingKinds",
                        "offenderManagementAgencyTypes",
                        "offenderManagementRoles",
                        "hiddenPersonFields",
                        "managementRecordAgencyTypes",
                        "addressKinds",
                        "restrictedDetail",
                        "defaultHolder"));
        known(
                h,
                errors,
                "healthDetail.",
                Set.of(
                        "seenByAgencyTypes",
                        "seenByRoles",
                        "involvementAgencyTypes",
                        "assessmentTypes",
                        "restrictedDetail"));
        var offender = new Offender(
                names(o, "seenByAgencyTypes", AgencyType::valueOf, errors, "offenderDetail."),
                names(o, "seenByRoles", Role::valueOf, errors, "offenderDetail."),
                names(o, "markerTypes", MarkerType::valueOf, errors, "offenderDetail."),
                names(o, "meetingKinds", MeetingKind::valueOf, errors, "offenderDetail."),
                names(o, "offenderManagementAgencyTypes", AgencyType::valueOf, errors, "offenderDetail."),
                strings(o, "offenderManagementRoles").stream()
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .toList(),
                names(
                        o,
                        "hiddenPersonFields",
                        f -> {
                            if (!PERSON_FIELDS.contains(f)) {
                                throw new IllegalArgumentException(f);
                            }
                            return f;
                        },
                        errors,
                        "offenderDetail."),
                names(o, "managementRecordAgencyTypes", AgencyType::valueOf, errors, "offenderDetail."),
                names(o, "addressKinds", AddressKind::valueOf, errors, "offenderDetail."),
                text(o, "restrictedDetail", errors, "offenderDetail."),
                text(o, "defaultHolder", errors, "offenderDetail."));
        var health = new Health(
                names(h, "seenByAgencyTypes", AgencyType::valueOf, errors, "healthDetail."),
                names(h, "seenByRoles", Role::valueOf, errors, "healthDetail."),
                names(h, "involvementAgencyTypes", AgencyType::valueOf, errors, "healthDetail."),
                names(h, "assessmentTypes", AssessmentType::valueOf, errors, "healthDetail."),
                text(h, "restrictedDetail", errors, "healthDetail."));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("redaction policy " + name + ": " + String.join("; ", errors));
        }
        return new RedactionPolicy(offender, health);
    }

    private static void known(JsonNode node, List<String> errors, String prefix, Set<String> keys) {
        if (!node.isObject()) {
            errors.add((prefix.isEmpty() ? "the document" : prefix.substring(0, prefix.length() - 1))
                    + " must be an object");
            return;
        }
        node.propertyNames().forEach(k -> {
            // keys starting with an underscore are comments
            if (!keys.contains(k) && !k.startsWith("_")) {
                errors.add(prefix + k + " is not a policy setting");
            }
        });
    }

    private static List<String> strings(JsonNode node, String key) {
        var values = new ArrayList<String>();
        node.path(key).values().forEach(v -> values.add(v.asString()));
        return values;
    }

    private static <T> Set<String> names(
            JsonNode node, String key, Function<String, T> check, List<String> errors, String prefix) {
        if (!node.path(key).isArray()) {
            errors.add(prefix + key + " must be a list");
            return Set.of();
        }
        var names = new LinkedHashSet<String>();
        for (var value : strings(node, key)) {
            try {
                check.apply(value);
                names.add(value);
            } catch (IllegalArgumentException e) {
                errors.add(prefix + key + ": unknown value '" + value + "'");
            }
        }
        return Set.copyOf(names);
    }

    private static String text(JsonNode node, String key, List<String> errors, String prefix) {
        var value = node.path(key);
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(prefix + key + " must be a non-empty text");
            return "";
        }
        return value.asString();
    }
}
