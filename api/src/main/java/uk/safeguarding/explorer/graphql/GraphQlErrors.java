package uk.safeguarding.explorer.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.errors.QueryTimeoutException;
import uk.safeguarding.explorer.errors.TooManyRequestsException;

/**
 * Maps domain exceptions, once, to GraphQL error types: {@code NOT_FOUND}, {@code BAD_REQUEST},
 * {@code FORBIDDEN}, and the faults {@code UNAVAILABLE} (the database cannot be reached, also when
 * the driver says so from code that does not go through {@code Graph}), {@code TIMEOUT} and
 * {@code TOO_MANY_REQUESTS} (with {@code retryAfterSeconds}). Anything else becomes {@code INTERNAL_ERROR} with a reference to the log and
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
        if (ex instanceof TooManyRequestsException busy) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ExplorerErrorType.TOO_MANY_REQUESTS)
                    .message(busy.getMessage())
                    .extensions(Map.of("retryAfterSeconds", busy.retryAfterSeconds()))
                    .build();
        }
        for (var cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryTimeoutException) {
                LOG.warn("GraphQL field {} stopped: {}", env.getField().getName(), cause.getMessage());
                return error(env, ExplorerErrorType.TIMEOUT, cause.getMessage());
            }
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof ServiceUnavailableException
                    || cause instanceof SessionExpiredException) {
                return error(env, ExplorerErrorType.UNAVAILABLE, DatabaseUnavailableException.SENTENCE);
            }
        }
        var reference = UUID.randomUUID().toString();
        LOG.error("GraphQL request failed, reference {}", reference, ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error (reference " + reference + ")");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .build();
    }
}
