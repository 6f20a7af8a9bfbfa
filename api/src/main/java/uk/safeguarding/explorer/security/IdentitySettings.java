package uk.safeguarding.explorer.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * How production sign-in reaches the identity provider, all from the environment (README,
 * "Connecting an identity provider"). The issuer, the audience API tokens must be issued for, the
 * browser client id and the explorer's public address ({@code EXPLORER_PUBLIC_URL}, which the
 * provider's redirects are built from) are required outside local mode; the application refuses
 * to start without them.
 */
public record IdentitySettings(
        String issuerUri,
        String audience,
        String jwkSetUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        List<String> algorithms,
        ClaimMapping claims,
        String publicUrl) {

    static IdentitySettings from(Environment env) {
        return new IdentitySettings(
                blankToNull(env.getProperty("explorer.identity.issuer-uri")),
                blankToNull(env.getProperty("explorer.identity.audience")),
                blankToNull(env.getProperty("explorer.identity.jwk-set-uri")),
                blankToNull(env.getProperty("explorer.identity.client-id")),
                blankToNull(env.getProperty("explorer.identity.client-secret")),
                list(env.getProperty("explorer.identity.scopes", "openid,profile")),
                list(env.getProperty("explorer.identity.jws-algorithms", "RS256")),
                new ClaimMapping(
                        env.getProperty("explorer.identity.user-claim", "preferred_username"),
                        env.getProperty("explorer.identity.agency-claim", "agency"),
                        env.getProperty("explorer.identity.role-claim", "role")),
                publicUrl(env.getProperty("explorer.public-url")));
    }

    /** The address users reach the explorer at, without a trailing slash; null when unset. */
    private static String publicUrl(String value) {
        var url = blankToNull(value);
        if (url == null) {
            return null;
        }
        if (!url.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException("EXPLORER_PUBLIC_URL must be an http(s) address such as "
                    + "https://explorer.example.org, not '" + url + "'");
        }
        return url.replaceAll("/+$", "");
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
        if (publicUrl == null) {
            missing.add("EXPLORER_PUBLIC_URL");
        }
        return missing;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
