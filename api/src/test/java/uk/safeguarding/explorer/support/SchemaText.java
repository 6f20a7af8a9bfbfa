package uk.safeguarding.explorer.support;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.util.Set;

/**
 * The one way the tests print a schema as SDL, so that the served schema, a schema rebuilt from an
 * introspection answer and the published {@code docs/schema.graphqls} compare line by line: types
 * sorted by name, descriptions kept, the directives that introspection carries ({@code @deprecated},
 * {@code @specifiedBy}) kept and the definitions of built-in directives left out.
 */
public final class SchemaText {

    private static final Set<String> CARRIED = Set.of("deprecated", "specifiedBy");

    private SchemaText() {}

    public static String print(GraphQLSchema schema) {
        var options = SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeDirectiveDefinitions(false)
                .includeIntrospectionTypes(false)
                .includeDirectives(CARRIED::contains);
        return new SchemaPrinter(options).print(schema).strip() + "\n";
    }
}
