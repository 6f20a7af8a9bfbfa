package uk.safeguarding.explorer.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Applies the redaction policy ({@link RedactionPolicy}) for the signed-in user. Offender detail
 * (RSO and MAPPA markers, MAPPA meetings, offender-management involvements, the probation case
 * reference) is shown only to the agency types and roles the policy names; everyone else gets one
 * {@code RESTRICTED} marker saying that police or probation hold information and whom to contact,
 * never the type. Health detail (health professionals, their roles, HEALTH and CAMHS assessments)
 * likewise; everyone else learns only that health is involved. Protection-plan status is never
 * redacted. Local-mode administrators see everything; anyone unknown sees nothing sensitive.
 */
@Component
public class Redaction {

    public static final String RESTRICTED = "RESTRICTED";
    private static final long AGENCY_CACHE_MILLIS = 30_000;

    /** What the user may see in full. */
    public record Access(boolean offenderDetail, boolean healthDetail) {
    }

    private final RedactionPolicy policy;
    private final Graph graph;
    private final boolean local;
    private volatile Map<String, AgencyView> agencies = Map.of();
    private volatile long agenciesLoadedAt;

    Redaction(Graph graph, @Value("${explorer.mode}") String mode,
            @Value("${explorer.policy-file:}") String policyFile) {
        this.graph = graph;
        this.local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
        this.policy = policyFile.isBlank() ? RedactionPolicy.defaults() : RedactionPolicy.load(Path.of(policyFile));
    }

    public RedactionPolicy policy() {
        return policy;
    }

    /** What the signed-in user may see in full. */
    public Access access() {
        var user = NeedToKnow.principal();
        if (user == null) {
            return new Access(false, false);
        }
        if (user.role() == Role.ADMIN) {
            return new Access(local, local);
        }
        var agency = agency(user.agency());
        var type = agency == null ? null : agency.type();
        var role = user.role().name();
        var offender = policy.offender().seenByRoles().contains(role)
                || (type != null && policy.offender().seenByAgencyTypes().contains(type));
        var health = policy.health().seenByRoles().contains(role)
                || (type != null && policy.health().seenByAgencyTypes().contains(type));
        return new Access(offender, health);
    }

    /** The markers as the user may see them: restricted ones folded into one RESTRICTED marker. */
    public List<MarkerView> markers(List<MarkerView> markers, Access access) {
        if (access.offenderDetail() || markers.stream().noneMatch(m -> restrictedMarkerType(m.type()))) {
            return markers;
        }
        var shown = new ArrayList<MarkerView>();
        var holders = new LinkedHashSet<String>();
        var ids = new ArrayList<String>();
        for (var marker : markers) {
            if (restrictedMarkerType(marker.type())) {
                holders.add(holder(marker.source()));
                ids.add(marker.id());
            } else {
                shown.add(marker);
            }
        }
        shown.add(0, new MarkerView("restricted-" + opaque(String.join(",", ids)), RESTRICTED, null, null,
                restrictedDetail(holders), null, null, null, null));
        return shown;
    }

    /** The RSO and MAPPA markers, and the others the policy restricts. */
    public boolean restrictedMarkerType(String type) {
        return policy.offender().markerTypes().contains(type);
    }

    public boolean restrictedMeetingKind(String kind) {
        return policy.offender().meetingKinds().contains(kind);
    }

    public boolean healthAssessmentType(String type) {
        return policy.health().assessmentTypes().contains(type);
    }

    /** An involvement of offender management: by an agency type, or a professional role, the policy names. */
    public boolean offenderManagement(String agencyType, String role) {
        if (agencyType != null && policy.offender().offenderManagementAgencyTypes().contains(agencyType)) {
            return true;
        }
        var lower = role == null ? "" : role.toLowerCase(Locale.ROOT);
        return policy.offender().offenderManagementRoles().stream().anyMatch(r -> !r.isEmpty() && lower.contains(r));
    }

    /** An involvement whose professional and role are health detail. */
    public boolean healthInvolvement(String agencyType) {
        return agencyType != null && policy.health().involvementAgencyTypes().contains(agencyType);
    }

    public boolean hiddenPersonField(String field, Access access) {
        return !access.offenderDetail() && policy.offender().hiddenPersonFields().contains(field);
    }

    /** What the user is told instead of offender detail held by these agencies (ids or names). */
    public String restrictedDetail(java.util.Collection<String> holders) {
        var names = holders.isEmpty() ? policy.offender().defaultHolder() : String.join(" or ", holders);
        return policy.offender().restrictedDetail().replace("{holder}", names);
    }

    /** The same, for a record whose source agency is given (an id, maybe null). */
    public String restrictedDetailFrom(String source) {
        return restrictedDetail(List.of(holder(source)));
    }

    public String healthDetail() {
        return policy.health().restrictedDetail();
    }

    /** The holder named in a restricted marker: the source agency's name, or the policy's default. */
    private String holder(String source) {
        var agency = agency(source);
        return agency == null ? policy.offender().defaultHolder() : agency.name();
    }

    /**
     * An agency by id from a small cache, reloaded at most every 30 seconds (agencies change only
     * with imports, which clear it); an id unknown to the graph is not a reason to reload.
     */
    public AgencyView agency(String id) {
        if (id == null) {
            return null;
        }
        var now = System.currentTimeMillis();
        var cached = agencies;
        if (now - agenciesLoadedAt > AGENCY_CACHE_MILLIS) {
            var loaded = new HashMap<String, AgencyView>();
            graph.read("queries/agencies", Map.of(), r -> AgencyView.from(r.get("a")))
                    .forEach(a -> loaded.put(a.id(), a));
            agencies = cached = Map.copyOf(loaded);
            agenciesLoadedAt = now;
        }
        return cached.get(id);
    }

    /** Forgets the cached agencies (after an import). */
    public void forgetAgencies() {
        agenciesLoadedAt = 0;
    }

    private static String opaque(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
