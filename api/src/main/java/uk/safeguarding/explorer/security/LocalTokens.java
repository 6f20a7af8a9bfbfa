package uk.safeguarding.explorer.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local mode: {@code POST /api/local-token} gives the signed-in demo user a bearer token valid for 15
 * minutes, so that a script checks the password once rather than hashing it on every request (HTTP
 * Basic costs a password hash, about 90 ms, per request). The token is an HS256 JWT under a key made
 * at every start (a restart ends every token), carries the user, role and agency, and is read by
 * {@link LocalTokenFilter}. Production has no such endpoint: tokens come from the identity provider.
 */
@RestController
@ConditionalOnProperty(name = "explorer.mode", havingValue = "local")
class LocalTokens {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "safeguarding-explorer-local";

    private final byte[] key = new byte[32];
    private final Clock clock;

    LocalTokens(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @PostMapping("/api/local-token")
    ResponseEntity<Map<String, Object>> issue(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof ExplorerPrincipal user)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(
                Map.of("accessToken", token(user), "tokenType", "Bearer", "expiresIn", LIFETIME.toSeconds()));
    }

    String token(ExplorerPrincipal user) {
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.username())
                .jwtID(UUID.randomUUID().toString())
                .claim("role", user.role().name())
                .claim("agency", user.agency())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a local token", e);
        }
    }

    /** The user a token names, or null when it is not a valid, unexpired token of this instance. */
    IdentityUser read(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return null;
            }
            var claims = jwt.getJWTClaimsSet();
            var expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer())
                    || expires == null
                    || !expires.toInstant().isAfter(clock.instant())) {
                return null;
            }
            var role = Role.valueOf(claims.getStringClaim("role"));
            return new IdentityUser(claims.getSubject(), role, claims.getStringClaim("agency"));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
