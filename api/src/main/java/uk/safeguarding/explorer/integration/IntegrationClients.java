package uk.safeguarding.explorer.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The partner systems of configuration ({@code explorer.integration.clients[i].id}, {@code .agency},
 * {@code .operations}, {@code .requests-per-minute}) and the token claim that names a client
 * ({@code explorer.integration.client-claim}, default {@code client_id}, with {@code azp} as the
 * fallback). Every operation is registered as {@code Name@sha256-of-the-document}: a system sends only
 * documents it registered (trusted documents), so a stolen client secret cannot run another query.
 * Every mistake stops the start with the setting named.
 */
public final class IntegrationClients {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    private final String clientClaim;
    private final Map<String, IntegrationClient> clients;

    IntegrationClients(String clientClaim, Map<String, IntegrationClient> clients) {
        this.clientClaim = clientClaim;
        this.clients = clients;
    }

    /** Reads and checks the clients of the environment. */
    public static IntegrationClients from(Environment environment) {
        var binder = Binder.get(environment);
        var claim = environment
                .getProperty("explorer.integration.client-claim", "client_id")
                .trim();
        var raw = binder.bind("explorer.integration.clients", Bindable.listOf(Raw.class))
                .orElse(List.of());
        var clients = new LinkedHashMap<String, IntegrationClient>();
        for (int i = 0; i < raw.size(); i++) {
            var client = raw.get(i).check("explorer.integration.clients[" + i + "]");
            if (clients.putIfAbsent(client.id(), client) != null) {
                throw new IllegalStateException(
                        "explorer.integration.clients[" + i + "].id: '" + client.id() + "' is configured twice");
            }
        }
        return new IntegrationClients(claim, Map.copyOf(clients));
    }

    /** The configured client a token's claims name, if any. */
    public Optional<IntegrationClient> of(Map<String, Object> claims) {
        var id = claims.get(clientClaim);
        if (id == null && "client_id".equals(clientClaim)) {
            id = claims.get("azp");
        }
        return id instanceof String text ? Optional.ofNullable(clients.get(text)) : Optional.empty();
    }

    public Collection<IntegrationClient> all() {
        return clients.values();
    }

    /** One client as bound from configuration, before it is checked. */
    public record Raw(String id, String agency, List<String> operations, Integer requestsPerMinute) {

        IntegrationClient check(String at) {
            if (id == null || !id.matches("[A-Za-z0-9._:-]{1,100}")) {
                throw new IllegalStateException(
                        at + ".id: a client id of 1-100 letters, digits, '.', '_', ':' or '-'" + " is required");
            }
            if (agency == null || agency.isBlank() || agency.length() > 200) {
                throw new IllegalStateException(at + ".agency: the id of the agency the client reads as is required");
            }
            var rate = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
            if (rate < 1 || rate > 100_000) {
                throw new IllegalStateException(at + ".requests-per-minute: must be from 1 to 100000");
            }
            var registered = new LinkedHashMap<String, String>();
            var entries = operations == null ? List.<String>of() : new ArrayList<>(operations);
            if (entries.isEmpty()) {
                throw new IllegalStateException(at + ".operations: register at least one operation as "
                        + "Name@<SHA-256 of the document, hex>");
            }
            for (var entry : entries) {
                var parts = entry.trim().split("@", -1);
                if (parts.length != 2
                        || !parts[0].matches("[_A-Za-z][_0-9A-Za-z]{0,99}")
                        || !parts[1].toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
                    throw new IllegalStateException(at + ".operations: '" + entry + "' is not Name@<SHA-256 of the "
                            + "document, 64 hex digits> (e.g. printf '%s' \"$DOCUMENT\" | sha256sum)");
                }
                if (registered.putIfAbsent(parts[0], parts[1].toLowerCase(Locale.ROOT)) != null) {
                    throw new IllegalStateException(at + ".operations: '" + parts[0] + "' is registered twice");
                }
            }
            return new IntegrationClient(id, agency.trim(), Map.copyOf(registered), rate);
        }
    }
}
