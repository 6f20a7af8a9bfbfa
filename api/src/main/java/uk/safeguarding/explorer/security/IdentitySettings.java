package uk.safeguarding.explorer.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * How production sign-in reaches the identity provider, all from the environment (README,
 * "Connecting an identity provider"). The issuer, the audience API tokens must be issued for and
 * the browser client id are required outside local mode; the application refuses to start without
 * them.
 */
public record IdentitySettings(String issuerUri, String audience, String jwkSetUri, String clientId,
        String clientSecret, List<String> scopes, List<String> algorithms, ClaimMapping claims) {

    static IdentitySettings from(Environment env) {
        return new IdentitySettings(blankToNull(env.getProperty("explorer.identity.issuer-uri")),
                blankToNull(env.getProperty("explorer.identity.audience")),
                blankToNull(env.getProperty("explorer.identity.jwk-set-uri")),
                blankToNull(env.getProperty("explorer.identity.client-id")),
                blankToNull(env.getProperty("explorer.identity.client-secret")),
                list(env.getProperty("explorer.identity.scopes", "openid,profile")),
                list(env.getProperty("explorer.identity.jws-algorithms", "RS256")),
                new ClaimMapping(env.getProperty("explorer.identity.user-claim", "preferred_username"),
                        env.getProperty("explorer.identity.agency-claim", "agency"),
                        env.getProperty("explorer.identity.role-claim", "role")));
    }

    /** The environment variables that are required but not set. */
    List<String> missing() {
        var missing = new ArrayList<String>();
        if (issuerUri == null) {
            missing.add("EXPLORER_IDENTITY_ISSUER_URI");
        }
        if (audience == null) {
            missing.add("EXPLORER_IDENTITY_AUDIENCE");
        }
        if (clientId == null) {
            missing.add("EXPLORER_IDENTITY_CLIENT_ID");
        }
        return missing;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
