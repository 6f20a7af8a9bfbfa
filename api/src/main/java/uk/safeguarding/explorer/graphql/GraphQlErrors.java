package uk.safeguarding.explorer.graphql;

import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;

import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Maps domain exceptions, once, to GraphQL error types: {@code NOT_FOUND}, {@code BAD_REQUEST},
 * {@code FORBIDDEN}. Anything else becomes {@code INTERNAL_ERROR} with a reference to the log and
 * nothing internal (no stack trace, Cypher or class name) in the response.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof BadRequestException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorType.FORBIDDEN, "Not allowed");
        }
        var reference = UUID.randomUUID().toString();
        LOG.error("GraphQL request failed, reference {}", reference, ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error (reference " + reference + ")");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
