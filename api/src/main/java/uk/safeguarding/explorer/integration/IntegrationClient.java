package uk.safeguarding.explorer.integration;

import java.util.Map;

/**
 * One partner system allowed to call the API with its own OAuth2 client-credentials token: its client
 * id (as the identity provider puts it in the token), the agency it reads as, the operations it
 * registered (operation name to the SHA-256 of the exact document, lower-case hex) and how many
 * requests it may send a minute.
 */
public record IntegrationClient(String id, String agency, Map<String, String> operations, int requestsPerMinute) {}
