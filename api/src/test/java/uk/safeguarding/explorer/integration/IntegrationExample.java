package uk.safeguarding.explorer.integration;

import java.util.List;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The README's Java client ("Systems as clients"), word for word between the README markers, run by
 * {@link IntegrationClientIT} against a production-mode explorer with a client-credentials token.
 */
final class IntegrationExample {

    private IntegrationExample() {}

    // README:start
    /** The document the system registered (its SHA-256 is in explorer.integration.clients[i].operations). */
    static final String SIBLINGS_FOR_REFERRAL = "query SiblingsForReferral($personId: ID!, $asOf: Date) { "
            + "siblingsAtRisk(personId: $personId, asOf: $asOf) { child { id givenName familyName } "
            + "assessed onProtectionPlan } }";

    record Child(String id, String givenName, String familyName) {}

    record ChildAtRisk(Child child, boolean assessed, boolean onProtectionPlan) {}

    static List<ChildAtRisk> siblingsForReferral(String explorerUrl, String accessToken, String personId, String asOf) {
        var web = WebClient.builder()
                .baseUrl(explorerUrl + "/graphql")
                .defaultHeaders(headers -> headers.setBearerAuth(accessToken))
                .build();
        var graphQl = HttpGraphQlClient.create(web);
        return graphQl.document(SIBLINGS_FOR_REFERRAL)
                .operationName("SiblingsForReferral")
                .variable("personId", personId)
                .variable("asOf", asOf)
                .retrieve("siblingsAtRisk")
                .toEntityList(ChildAtRisk.class)
                .block();
    }
    // README:end
}
