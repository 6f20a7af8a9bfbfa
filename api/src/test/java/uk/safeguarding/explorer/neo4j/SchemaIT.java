package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.ExplorerIT;

class SchemaIT extends ExplorerIT {

    @Test
    void everyMigrationIsAppliedOnceAndRecorded() {
        var migrations = SchemaMigrations.discover();
        assertThat(migrations).isNotEmpty();
        assertThat(count("MATCH (m:__Neo4jMigration) RETURN count(m)")).isEqualTo(migrations.size());
        // running them again applies nothing
        assertThat(new SchemaMigrations(graph).migrate()).isZero();
    }

    @Test
    void everyLabelHasAUniqueIdAndEveryIdLessRelationshipAUniqueKey() {
        assertThat(new SchemaCheck(graph).missing()).isEmpty();
    }

    @Test
    void lookupIndexesExistForIdentifiersPostcodesUprnsAndReferralDates() {
        var indexes = graph.inReadTransaction(
                tx -> tx.run("SHOW INDEXES YIELD labelsOrTypes, properties, type WHERE type = 'RANGE' "
                                + "RETURN labelsOrTypes[0] + '.' + properties[0] AS i")
                        .list(r -> r.get("i").asString()));
        assertThat(indexes)
                .contains(
                        "Person.nhsNumber",
                        "Person.pncId",
                        "Person.laCaseNumber",
                        "Person.upn",
                        "Person.probationCrn",
                        "Address.postcode",
                        "Address.uprn",
                        "Referral.receivedAt",
                        "Referral.incidentAt");
    }

    @Test
    void theFullTextIndexCoversNamesAliasesAndIdentifiersFoldingAccents() {
        var row = graph.inReadTransaction(
                tx -> tx.run("SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = 'person_search' "
                                + "RETURN properties, options.indexConfig['fulltext.analyzer'] AS analyzer")
                        .single());
        assertThat(row.get("properties").asList())
                .containsExactlyInAnyOrder("givenName", "familyName", "aliasesText", "nhsNumber", "pncId");
        assertThat(row.get("analyzer").asString()).isEqualTo("standard-folding");
    }

    @Test
    void aMissingConstraintFailsTheStartUpCheckWithAClearMessage() {
        graph.inWriteTransaction(tx -> tx.run("DROP CONSTRAINT address_id").consume());
        try {
            assertThat(new SchemaCheck(graph).missing()).containsExactly("uniqueness of :Address(id)");
            assertThatThrownBy(() -> new SchemaCheck(graph).verify())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The database lacks required constraints: uniqueness of :Address(id).");
        } finally {
            graph.inWriteTransaction(
                    tx -> tx.run("CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE")
                            .consume());
        }
        assertThat(new SchemaCheck(graph).missing()).isEmpty();
    }
}
