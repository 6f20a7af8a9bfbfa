package uk.safeguarding.explorer.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenID Connect provider inside a test, so that production mode (bearer JWTs, the
 * authorization code flow, client credentials) is tested against real discovery, published keys
 * and signed tokens rather than a mock of Spring Security: discovery and the key set are served
 * at {@code <issuer>/.well-known/openid-configuration} and {@code <issuer>/jwks}; a test adds the
 * endpoints it needs ({@code /authorize}, {@code /token}) with {@link #handle}. Tokens are signed
 * RS256 with the provider's key ({@link #sign(JWTClaimsSet)}) or another ({@link #sign(JWTClaimsSet, RSAKey)}).
 */
public final class TestIdentityProvider implements AutoCloseable {

    /** The audience the explorer is configured to accept ({@code explorer.identity.audience}). */
    public static final String AUDIENCE = "safeguarding-explorer";

    private static final String REALM = "/realms/partnership";

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;

    private TestIdentityProvider(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    /** Starts a provider on a free port of 127.0.0.1 with a new signing key. */
    public static TestIdentityProvider start() {
        try {
            var provider =
                    new TestIdentityProvider(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), newKey());
            var issuer = provider.issuer;
            provider.handle(
                    "/.well-known/openid-configuration",
                    ex -> json(
                            ex,
                            Map.of(
                                    "issuer",
                                    issuer,
                                    "authorization_endpoint",
                                    issuer + "/authorize",
                                    "token_endpoint",
                                    issuer + "/token",
                                    "jwks_uri",
                                    issuer + "/jwks",
                                    "response_types_supported",
                                    List.of("code"),
                                    "subject_types_supported",
                                    List.of("public"),
                                    "id_token_signing_alg_values_supported",
                                    List.of("RS256"),
                                    "end_session_endpoint",
                                    issuer + "/logout")));
            provider.handle("/jwks", ex -> json(ex, new JWKSet(provider.key.toPublicJWK()).toJSONObject()));
            provider.server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new RSA key with the provider's key id (a token signed with it fails only on its signature). */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer URI, as {@code explorer.identity.issuer-uri} is set to it. */
    public String issuer() {
        return issuer;
    }

    /** Serves an endpoint of the provider at {@code <issuer><path>}. */
    public void handle(String path, HttpHandler handler) {
        server.createContext(REALM + path, handler);
    }

    /**
     * Claims the provider issues to everyone: itself as issuer, a new subject, issued now and valid
     * for five minutes; a test adds the audience and the claims of the user or system.
     */
    public JWTClaimsSet.Builder claims() {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    /** The claims signed with the provider's key, serialized as a bearer token. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** The claims signed RS256 with the key given, serialized as a bearer token. */
    public static String sign(JWTClaimsSet claims, RSAKey signer) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signer.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers 200 with the body as JSON. */
    public static void json(HttpExchange exchange, Object body) throws IOException {
        var bytes = JsonMapper.shared().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
