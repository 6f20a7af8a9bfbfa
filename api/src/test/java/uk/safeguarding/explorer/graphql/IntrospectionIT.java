package uk.safeguarding.explorer.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.SchemaText;

/**
 * Standard tools read the schema in local mode: the introspection query of graphql-js (what GraphiQL,
 * Apollo, Postman and GraphQL Code Generator send), 15 levels deep, is answered in full although data
 * queries stay limited to 12, and the client schema built from the answer is the served schema.
 */
class IntrospectionIT extends ExplorerIT {

    @Autowired
    GraphQlSource graphQlSource;

    private static String graphqlJsIntrospection() throws IOException {
        try (var in = IntrospectionIT.class.getResourceAsStream("/introspection/graphql-js-introspection.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIntrospectionQueryOfGraphqlJsBuildsAClientSchemaEqualToTheServedOne() throws IOException {
        var json = http().graphql("social-worker", graphqlJsIntrospection());
        assertThat(json.get("errors")).as("errors").isNull();
        var data = JsonMapper.shared().convertValue(json.get("data"), Map.class);

        var document = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) data);
        var client = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));

        assertThat(client.getQueryType().getFieldDefinition("siblingsAtRisk")).isNotNull();
        // the served introspection marks deprecated input fields (the recordings' id, since 2026-12-04);
        // graphql-java's IntrospectionResultToSchema drops their deprecation when it builds the client
        // schema, so it is checked in the answer and left out of the comparison
        var served = SchemaText.print(graphQlSource.schema());
        var deprecatedInputs = new java.util.TreeSet<String>();
        for (var type : json.get("data").get("__schema").get("types")) {
            var fields = type.get("inputFields");
            if (fields == null || fields.isNull()) {
                continue;
            }
            for (var field : fields) {
                if (field.get("isDeprecated").asBoolean()) {
                    deprecatedInputs.add(type.get("name").asString() + "."
                            + field.get("name").asString());
                    served = served.replace(
                            " @deprecated(reason : \""
                                    + field.get("deprecationReason").asString() + "\")",
                            "");
                }
            }
        }
        assertThat(deprecatedInputs)
                .containsExactly(
                        "ActionInput.id",
                        "AssessmentInput.id",
                        "MarkerInput.id",
                        "ReferralInput.id",
                        "StrategyMeetingInput.id");
        assertThat(SchemaText.print(client)).isEqualTo(served);
    }
}
