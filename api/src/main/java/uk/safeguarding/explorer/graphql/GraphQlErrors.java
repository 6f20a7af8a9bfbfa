package uk.safeguarding.explorer.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.errors.QueryTimeoutException;
import uk.safeguarding.explorer.errors.RecordedDenialException;
import uk.safeguarding.explorer.errors.TooManyRequestsException;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Maps domain exceptions, once, to GraphQL error types: {@code NOT_FOUND}, {@code BAD_REQUEST},
 * {@code FORBIDDEN}, and the faults {@code UNAVAILABLE} (the database cannot be reached, also when
 * the driver says so from code that does not go through {@code Graph}), {@code TIMEOUT} and
 * {@code TOO_MANY_REQUESTS} (with {@code retryAfterSeconds}). Anything else becomes {@code INTERNAL_ERROR} with a reference to the log and
 * nothing internal (no stack trace, Cypher or class name) in the response. A refusal (FORBIDDEN) is a
 * denial DESIGN §7 audits: unless the service already recorded it with the people it concerned
 * ({@link RecordedDenialException}), it is recorded here as DENIED, for the people the call named
 * ({@code personId}, {@code personIds}) or as the act alone, with the field and the reason, before the
 * answer leaves.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);
    /** At most this many people of a refused call's arguments are named in its events. */
    static final int MAX_DENIED_SUBJECTS = 100;

    private final AuditLog audit;
    private final NeedToKnow needToKnow;

    GraphQlErrors(AuditLog audit, NeedToKnow needToKnow) {
        this.audit = audit;
        this.needToKnow = needToKnow;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof BadRequestException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof AccessDeniedException denied) {
            if (!(denied instanceof RecordedDenialException)) {
                recordDenial(env, denied);
            }
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

    /**
     * Records the refusal; a failed write marks the request failed (its answer then says the audit log
     * could not be written), so nothing more is done with it here.
     */
    private void recordDenial(DataFetchingEnvironment env, AccessDeniedException denied) {
        var reason = "refused " + env.getField().getName() + ": " + denied.getMessage();
        try {
            audit.record(
                    needToKnow.actor(), env.getField().getName(), Subject.each(named(env), AuditLog.DENIED, reason));
        } catch (RuntimeException e) {
            LOG.warn(
                    "The refusal of {} could not be recorded: {}",
                    env.getField().getName(),
                    e.toString());
        }
    }

    /** The people a call named by id, as far as its arguments say. */
    private static List<String> named(DataFetchingEnvironment env) {
        var ids = new ArrayList<String>();
        if (env.getArgument("personId") instanceof String id) {
            ids.add(id);
        }
        if (env.getArgument("personIds") instanceof Collection<?> many) {
            many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .limit(MAX_DENIED_SUBJECTS)
                    .forEach(ids::add);
        }
        return ids.stream()
                .filter(id -> !id.isBlank() && id.length() <= 200)
                .distinct()
                .limit(MAX_DENIED_SUBJECTS)
                .toList();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .build();
    }
}
