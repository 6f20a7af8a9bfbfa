package uk.safeguarding.explorer.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Every String and ID argument of every query and mutation (walked from the schema), filled with
 * Cypher and Lucene fragments, by users of every kind: nothing in the graph changes, no request
 * fails with a server error, and no answer shows Cypher, Neo4j or Java internals. Arguments only
 * ever reach Neo4j as parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherInjectionIT extends ExplorerIT {

    private static final List<String> FRAGMENTS = List.of(
            "' OR 1=1 //",
            "p-sara' OR '1'='1",
            "\"}) MATCH (n) DETACH DELETE n //",
            "p-sara'}) MATCH (n) DETACH DELETE n RETURN 1 //",
            "x`) DETACH DELETE n //",
            "] ->(b) DELETE b //",
            "MATCH (n) RETURN n",
            "CALL db.labels()",
            "$id",
            "{id: 'p-sara'}",
            "*:*",
            "bell OR * AND familyName:*",
            "~archer^10",
            "\\' ; CREATE (:Person {id: 'p-evil'}) //",
            "p-sara\u0000",
            "/* */ p-sara");

    private static final Set<String> ALLOWED_CLASSIFICATIONS =
            Set.of("NOT_FOUND", "BAD_REQUEST", "FORBIDDEN", "ValidationError");

    @Autowired
    GraphQlSource graphQl;

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private String fingerprint() {
        return graph.inReadTransaction(tx -> tx.run("""
                MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditHead AND NOT n:AuditCheckpoint AND NOT n:__Neo4jMigration
                  AND NOT n:BreakGlass
                WITH n ORDER BY elementId(n)
                WITH collect(labels(n)[0] + ':' + coalesce(n.id, '') + ':' + toString(size(keys(n)))) AS nodes
                RETURN toString(size(nodes)) + '|' + toString(COUNT { ()-[r]->() }) + '|'
                       + reduce(s = '', x IN nodes | s + x + ',')
                """).single().get(0).asString());
    }

    @Test
    void cypherFragmentsInEveryStringArgumentChangeNothing() {
        var before = fingerprint();
        var schema = graphQl.schema();
        var requests = 0;
        for (var root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (var field : root.getFieldDefinitions()) {
                var stringArguments = field.getArguments().stream()
                        .filter(a -> isText(a.getType()))
                        .toList();
                for (var argument : stringArguments) {
                    for (var fragment : FRAGMENTS) {
                        // the auditor's operations by the auditor, the case operations by two who may call them
                        var auditorsOnly = field.getName().startsWith("audit")
                                || field.getName().contains("eviewBreakGlass")
                                || field.getName().equals("breakGlassReviewQueue");
                        for (var user : auditorsOnly ? List.of("auditor") : List.of("admin", "social-worker")) {
                            check(root, field, argument, fragment, user);
                            requests++;
                        }
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(300);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("MATCH (p:Person {id: 'p-evil'}) RETURN count(p)")).isZero();
        // a fragment as the reason of a break-glass grant is stored as the text it is, on the real person
        var grants = graph.inReadTransaction(tx -> tx.run("MATCH (g:BreakGlass) RETURN g.subjectId AS s, g.reason AS r")
                .list(r -> r.get("s").asString() + "|" + r.get("r").asString()));
        assertThat(grants).isNotEmpty().allSatisfy(g -> assertThat(g).startsWith("p-sara|"));
        assertThat(grants.stream().map(g -> g.substring("p-sara|".length())).toList())
                .allSatisfy(reason ->
                        assertThat(FRAGMENTS.stream().map(String::strip)).contains(reason));
        // the data still answers as before
        var sara = http().graphql("admin", "{ person(id: \"p-sara\") { familyName } }");
        assertThat(sara.get("data").get("person").get("familyName").asString()).isEqualTo("Bell");
    }

    private void check(
            GraphQLObjectType root,
            GraphQLFieldDefinition field,
            GraphQLArgument target,
            String fragment,
            String user) {
        var variables = new LinkedHashMap<String, Object>();
        var declarations = new ArrayList<String>();
        var arguments = new ArrayList<String>();
        for (var argument : field.getArguments()) {
            Object value;
            if (argument == target) {
                value = isList(argument.getType()) ? List.of(fragment) : fragment;
            } else if (!(argument.getType() instanceof GraphQLNonNull)) {
                continue;
            } else {
                value = sample(argument.getType());
            }
            variables.put(argument.getName(), value);
            declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
            arguments.add(argument.getName() + ": $" + argument.getName());
        }
        var operation = root.getName().equals("Mutation") ? "mutation" : "query";
        var document = operation + "(" + String.join(", ", declarations) + ") { " + field.getName() + "("
                + String.join(", ", arguments) + ") " + selection(field.getType()) + " }";
        var response = http().post(
                        "/graphql",
                        user,
                        JsonMapper.shared().writeValueAsString(Map.of("query", document, "variables", variables)));
        var what = user + " " + field.getName() + "(" + target.getName() + ": " + fragment + ")";
        assertThat(response.status()).as(what).isEqualTo(200);
        // the fragment itself may be echoed in "No person with id '...'"; nothing else may show internals
        var escaped = JsonMapper.shared().writeValueAsString(fragment);
        var body = response.body().replace(escaped.substring(1, escaped.length() - 1), "<fragment>");
        assertThat(body)
                .as(what)
                .doesNotContain("Neo.ClientError")
                .doesNotContain("org.neo4j")
                .doesNotContain("Exception")
                .doesNotContain("uk.safeguarding")
                .doesNotContain("MATCH (")
                .doesNotContain("\tat ");
        var errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(
                    e -> assertThat(e.get("extensions").get("classification").asString())
                            .as(what)
                            .isIn(ALLOWED_CLASSIFICATIONS));
        }
    }

    private static boolean isText(GraphQLType type) {
        var unwrapped = GraphQLTypeUtil.unwrapAll(type);
        return unwrapped instanceof GraphQLScalarType scalar
                && Set.of("String", "ID").contains(scalar.getName());
    }

    private static boolean isList(GraphQLType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
    }

    private static Object sample(GraphQLType type) {
        var inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLList list) {
            return List.of(sample(list.getWrappedType()));
        }
        if (inner instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        var name = ((GraphQLScalarType) inner).getName();
        return switch (name) {
            case "Int", "Float" -> 1;
            case "Boolean" -> true;
            case "Date" -> Scenario.AS_OF;
            case "DateTime" -> Scenario.AS_OF + "T00:00:00Z";
            default -> "p-sara";
        };
    }

    private static String selection(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType ? "{ __typename }" : "";
    }
}
