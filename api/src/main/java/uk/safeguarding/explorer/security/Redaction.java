package uk.safeguarding.explorer.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.identity.NewIds;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.access.OffenderDetailRules;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Applies the redaction policy ({@link RedactionPolicy}) for the signed-in user. Offender detail is
 * shown only to the agency types and roles the policy names: RSO and MAPPA markers, MAPPA meetings,
 * offender-management involvements, the PNC id and probation case reference, the markers and events
 * police and probation (or no known agency) recorded about an offender (licence conditions, approved
 * premises: {@link OffenderDetailRules}), approved-premises addresses and their markers. Everyone
 * else gets one {@code RESTRICTED} marker (with a random id) saying that police or probation hold
 * information and whom to contact, never the type. Health detail (health professionals and roles,
 * HEALTH and CAMHS assessments) likewise; everyone else learns only that health is involved.
 * Protection-plan status is never redacted. Local-mode administrators see everything; anyone
 * unknown sees nothing sensitive.
 */
@Component
public class Redaction {

    public static final String RESTRICTED = "RESTRICTED";
    /** What an approved-premises address is called for users without offender detail. */
    public static final String RESTRICTED_ADDRESS = "Restricted address";

    private static final long AGENCY_CACHE_MILLIS = 30_000;

    /** What the user may see in full. */
    public record Access(boolean offenderDetail, boolean healthDetail) {}

    private final RedactionPolicy policy;
    private final Graph graph;
    private final boolean local;
    private volatile Map<String, AgencyView> agencies = Map.of();
    private volatile long agenciesLoadedAt;

    Redaction(
            Graph graph, @Value("${explorer.mode}") String mode, @Value("${explorer.policy-file:}") String policyFile) {
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
            return access(policy, Role.ADMIN, null, local);
        }
        var agency = agency(user.agency());
        return access(policy, user.role(), agency == null ? null : agency.type(), local);
    }

    /**
     * The policy's decision for a role in an agency of a type (null: no known agency): offender or
     * health detail when the policy names the role or the agency type; an administrator sees
     * everything in local mode (the demo) and nothing sensitive in production.
     */
    static Access access(RedactionPolicy policy, Role role, String agencyType, boolean local) {
        if (role == Role.ADMIN) {
            return new Access(local, local);
        }
        var offender = policy.offender().seenByRoles().contains(role.name())
                || (agencyType != null && policy.offender().seenByAgencyTypes().contains(agencyType));
        var health = policy.health().seenByRoles().contains(role.name())
                || (agencyType != null && policy.health().seenByAgencyTypes().contains(agencyType));
        return new Access(offender, health);
    }

    /** The markers of someone who is no offender, as the user may see them. */
    public List<MarkerView> markers(List<MarkerView> markers, Access access) {
        return markers(markers, access, false, null);
    }

    /**
     * The markers as the user may see them: offender detail folded into one RESTRICTED marker (with a
     * random id) naming the agencies that recorded it. Offender detail is a marker of an offender type;
     * on an offender ({@code onOffender}), one recorded by police, probation or no known agency; on an
     * approved-premises address ({@code addressKind}), or carried from one (a derived marker), any.
     */
    public List<MarkerView> markers(List<MarkerView> markers, Access access, boolean onOffender, String addressKind) {
        if (access.offenderDetail() || markers.stream().noneMatch(m -> offenderMarker(m, onOffender, addressKind))) {
            return markers;
        }
        var shown = new ArrayList<MarkerView>();
        var holders = new LinkedHashSet<String>();
        for (var marker : markers) {
            if (offenderMarker(marker, onOffender, addressKind)) {
                holders.add(holder(marker.source()));
            } else {
                shown.add(marker);
            }
        }
        // the id is random: derived from the real ids it could be matched against them
        shown.add(
                0,
                new MarkerView(
                        "restricted-" + UUID.randomUUID(),
                        RESTRICTED,
                        null,
                        null,
                        restrictedDetail(holders),
                        null,
                        null,
                        null,
                        null));
        return shown;
    }

    private boolean offenderMarker(MarkerView marker, boolean onOffender, String addressKind) {
        return restrictedMarkerType(marker.type())
                || offenderAddress(marker.address() != null ? marker.address().kind() : addressKind)
                || (marker.address() == null && offenderManagementRecord(onOffender, marker.source()));
    }

    /**
     * A marker or event about an offender recorded by an agency whose records about offenders are
     * offender management (police, probation) or by no known agency ({@link OffenderDetailRules}).
     */
    public boolean offenderManagementRecord(boolean aboutOffender, String sourceAgencyId) {
        if (!aboutOffender) {
            return false;
        }
        var agency = agency(sourceAgencyId);
        var type = agency == null || agency.type() == null ? null : AgencyType.valueOf(agency.type());
        var managing = policy.offender().managementRecordAgencyTypes().stream()
                .map(AgencyType::valueOf)
                .collect(Collectors.toSet());
        return OffenderDetailRules.isOffenderManagementRecord(true, type, managing);
    }

    /** An address kind that exists to manage offenders (approved premises). */
    public boolean offenderAddress(String addressKind) {
        return OffenderDetailRules.isOffenderAddress(
                addressKind, policy.offender().addressKinds());
    }

    /** The address as the user may see it: an approved premises is "Restricted address" without offender detail. */
    public AddressView address(AddressView address, Access access) {
        if (address == null || access.offenderDetail() || !offenderAddress(address.kind())) {
            return address;
        }
        return new AddressView(address.id(), null, RESTRICTED_ADDRESS, null, null, null, null);
    }

    /** The offender types of marker (RSO, MAPPA by default): who carries one is an offender. */
    public Set<String> offenderMarkerTypes() {
        return policy.offender().markerTypes();
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

    /**
     * Whether an agency may be named to the reader as the owner of an action or among a meeting's
     * attendance: one whose kind is offender management (probation, by default) only to readers with
     * offender detail, since naming it at a child's meeting tells that someone there is managed as an
     * offender (reviews 85 and 87). A null type is named.
     */
    public boolean agencyNamed(String agencyType, Access access) {
        return access.offenderDetail() || agencyType == null || !offenderManagement(agencyType, null);
    }

    /**
     * Whether the reader may be told that a record came from this source (an agency's id, or a bundle's
     * source that is no agency): not from an offender-management agency (probation, by default) unless
     * the reader may see offender detail, since that it holds a record of someone tells that it manages
     * them or someone close to them (walk 71: a health visitor read that probation gave a man's address).
     */
    public boolean sourceNamed(String source, Access access) {
        if (access.offenderDetail() || source == null) {
            return true;
        }
        var agency = agency(source);
        return agency == null || agencyNamed(agency.type(), access);
    }

    /**
     * A record's id as the reader may be told it: the id of an agency extract's record ({@code
     * source:localId}, DESIGN §9) from a source the reader may not be told of ({@link #sourceNamed}) is
     * answered opaque ({@link NewIds#restricted}); every other id as it is (review 93: "probation:R1" in
     * the triage queue told a health visitor that probation referred the child).
     */
    public String recordId(String id, Access access) {
        if (id == null || access.offenderDetail()) {
            return id;
        }
        var colon = id.indexOf(':');
        return colon <= 0 || sourceNamed(id.substring(0, colon), access) ? id : NewIds.restricted(id);
    }

    /** The agency as the reader may be told of it (agencyNamed), or null. */
    public AgencyView named(AgencyView agency, Access access) {
        return agency != null && agencyNamed(agency.type(), access) ? agency : null;
    }

    /** An involvement of offender management: by an agency type, or a professional role, the policy names. */
    public boolean offenderManagement(String agencyType, String role) {
        if (agencyType != null
                && policy.offender().offenderManagementAgencyTypes().contains(agencyType)) {
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
        return !access.offenderDetail()
                && policy.offender().hiddenPersonFields().contains(field);
    }

    /** What the user is told instead of offender detail held by these agencies (ids or names). */
    public String restrictedDetail(Collection<String> holders) {
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
        return id == null ? null : agenciesById().get(id);
    }

    /** Every agency of the partnership, from the same cache. */
    public Collection<AgencyView> agencies() {
        return agenciesById().values();
    }

    private Map<String, AgencyView> agenciesById() {
        var now = System.currentTimeMillis();
        var cached = agencies;
        if (now - agenciesLoadedAt > AGENCY_CACHE_MILLIS) {
            var loaded = new HashMap<String, AgencyView>();
            graph.read("queries/agencies", Map.of(), r -> AgencyView.from(r.get("a")))
                    .forEach(a -> loaded.put(a.id(), a));
            agencies = cached = Map.copyOf(loaded);
            agenciesLoadedAt = now;
        }
        return cached;
    }

    /** Forgets the cached agencies (after an import). */
    public void forgetAgencies() {
        agenciesLoadedAt = 0;
    }
}
