package uk.safeguarding.explorer.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Reads who a user is from the claims of a token issued by the identity provider: the claim names
 * are configured ({@code EXPLORER_IDENTITY_USER_CLAIM}, {@code ..._AGENCY_CLAIM}, {@code ..._ROLE_CLAIM}).
 * The role claim may be one string or a list; exactly one of the explorer's roles must be in it
 * (case-insensitive, an optional {@code ROLE_} prefix ignored). Practitioners and meeting chairs
 * must carry an agency. Anything else is refused: deny by default.
 */
public record ClaimMapping(String userClaim, String agencyClaim, String roleClaim) {

    /** The user the claims describe; IllegalArgumentException naming the claim and the reason otherwise. */
    public ExplorerPrincipal principal(Map<String, Object> claims) {
        var user = text(claims.get(userClaim));
        if (user == null) {
            throw new IllegalArgumentException("claim '" + userClaim + "' (user id) is missing or empty");
        }
        var roles = new ArrayList<Role>();
        for (var value : values(claims.get(roleClaim))) {
            var name = value.trim().toUpperCase(Locale.ROOT);
            name = name.startsWith("ROLE_") ? name.substring(5) : name;
            for (var role : Role.values()) {
                // a system's role comes from its configured client id, never from a claim
                if (role != Role.INTEGRATION && role.name().equals(name) && !roles.contains(role)) {
                    roles.add(role);
                }
            }
        }
        if (roles.size() != 1) {
            throw new IllegalArgumentException("claim '" + roleClaim + "' must carry exactly one of ADMIN, "
                    + "PRACTITIONER, MEETING_CHAIR, AUDITOR (found " + roles.size() + ")");
        }
        var role = roles.get(0);
        var agency = text(claims.get(agencyClaim));
        if (agency == null && (role == Role.PRACTITIONER || role == Role.MEETING_CHAIR)) {
            throw new IllegalArgumentException("claim '" + agencyClaim + "' (agency id) is required for " + role);
        }
        return new IdentityUser(user, role, agency);
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> list && list.size() == 1) {
            value = list.iterator().next();
        }
        if (value == null) {
            return null;
        }
        var text = value.toString().trim();
        return text.isEmpty() || text.length() > 200 ? null : text;
    }

    private static Collection<String> values(Object value) {
        var values = new ArrayList<String>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
            values.add(value.toString());
        }
        return values;
    }
}
