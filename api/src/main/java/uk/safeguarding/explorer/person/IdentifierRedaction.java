package uk.safeguarding.explorer.person;

import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.RedactionPolicy;

/**
 * The identifiers of {@code Person} the redaction policy may hide (by default the probation case
 * reference, offender detail): one data fetcher for each, answering null to a user who may not
 * see it, the stored value to everyone else.
 */
@Component
class IdentifierRedaction implements RuntimeWiringConfigurer {

    private final Redaction redaction;

    IdentifierRedaction(Redaction redaction) {
        this.redaction = redaction;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.type("Person", type -> {
            for (var field : RedactionPolicy.PERSON_FIELDS) {
                var stored = PropertyDataFetcher.fetching(field);
                type.dataFetcher(
                        field, env -> redaction.hiddenPersonField(field, redaction.access()) ? null : stored.get(env));
            }
            return type;
        });
    }
}
