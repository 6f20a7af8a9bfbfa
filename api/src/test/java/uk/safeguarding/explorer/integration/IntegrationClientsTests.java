package uk.safeguarding.explorer.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Partner systems from configuration: every mistake stops the start, naming the setting. */
class IntegrationClientsTests {

    private static final String HASH = "a".repeat(64);

    private static MockEnvironment client(String operation) {
        return new MockEnvironment()
                .withProperty("explorer.integration.clients[0].id", "mash-dashboard")
                .withProperty("explorer.integration.clients[0].agency", "police")
                .withProperty("explorer.integration.clients[0].operations[0]", operation);
    }

    @Test
    void aTokenNamingAConfiguredClientIsThatClientAndNoOtherIs() {
        var clients = IntegrationClients.from(client("SiblingsForReferral@" + HASH.toUpperCase()));
        var client = clients.of(Map.of("client_id", "mash-dashboard")).orElseThrow();
        assertThat(client.agency()).isEqualTo("police");
        assertThat(client.requestsPerMinute()).isEqualTo(IntegrationClients.DEFAULT_REQUESTS_PER_MINUTE);
        assertThat(client.operations()).containsExactly(Map.entry("SiblingsForReferral", HASH));
        assertThat(clients.of(Map.of("azp", "mash-dashboard"))).contains(client);
        assertThat(clients.of(Map.of("client_id", "another"))).isEmpty();
        assertThat(clients.of(Map.of("preferred_username", "mash-dashboard"))).isEmpty();
    }

    @Test
    void anOperationWithoutTheHashOfItsDocumentStopsTheStart() {
        assertThatThrownBy(() -> IntegrationClients.from(client("SiblingsForReferral")))
                .hasMessageStartingWith(
                        "explorer.integration.clients[0].operations: 'SiblingsForReferral' is not " + "Name@<SHA-256");
        assertThatThrownBy(() -> IntegrationClients.from(client("SiblingsForReferral@abc")))
                .hasMessageContaining("is not Name@<SHA-256");
    }

    @Test
    void aClientWithoutAnAgencyOrWithTheSameIdTwiceStopsTheStart() {
        var noAgency = client("A@" + HASH);
        noAgency.setProperty("explorer.integration.clients[0].agency", " ");
        assertThatThrownBy(() -> IntegrationClients.from(noAgency))
                .hasMessageStartingWith("explorer.integration.clients[0].agency");
        var twice = client("A@" + HASH)
                .withProperty("explorer.integration.clients[1].id", "mash-dashboard")
                .withProperty("explorer.integration.clients[1].agency", "csc")
                .withProperty("explorer.integration.clients[1].operations[0]", "A@" + HASH);
        assertThatThrownBy(() -> IntegrationClients.from(twice))
                .hasMessage("explorer.integration.clients[1].id: 'mash-dashboard' is configured twice");
    }
}
