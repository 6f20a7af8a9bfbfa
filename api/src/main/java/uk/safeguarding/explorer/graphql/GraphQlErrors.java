package uk.safeguarding.explorer.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Maps domain exceptions, once, to GraphQL error types: {@code NOT_FOUND}, {@code BAD_REQUEST},
 * {@code FORBIDDEN}, and the faults {@code UNAVAILABLE} (the database cannot be reached, also when
 * the driver says so from code that does not go through {@code Graph}), {@code TIMEOUT} and
 * {@code TOO_MANY_REQUESTS} (with {@code retryAfterSeconds}). Anything else becomes {@code INTERNAL_ERROR} with a reference to the log and
 * nothing internal (no stack trace, Cypher or class name) in the response. A refusal (FORBIDDEN) is a
 * denial DESIGN §7 audits: unless the service already recorded it with the people it concerned
 * ({@link RecordedDenialException}), it is recorded here as DENIED, for the people the call concerned
 * (the person whose field it was, and those its arguments and input objects name) or as the act
 * alone, with the field and the reason, before the answer leaves.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);
    /** At most this many people of a refused call's arguments are named in its events. */
    static final int MAX_DENIED_SUBJECTS = 100;
    /** Arguments, and fields of input objects, that name people (and the places markers go on). */
    private static final Set<String> PERSON_ARGUMENTS =
            Set.of("personId", "personIds", "fromId", "toId", "subjectId", "on", "of", "about", "concerns", "for");

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
        if (ex instanceof BadRequestException bad) {
            // the argument and the reason apart too, so that a page can say it without the API's names
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(bad.getMessage())
                    .extensions(badRequest(bad))
                    .build();
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
        var field = env.getField().getName();
        var named = named(env);
        var reason = "refused " + field + ": " + denied.getMessage()
                + (named.size() > MAX_DENIED_SUBJECTS
                        ? "; " + named.size() + " people named, the first " + MAX_DENIED_SUBJECTS + " recorded"
                        : "");
        try {
            audit.record(
                    needToKnow.actor(),
                    field,
                    Subject.each(named.stream().limit(MAX_DENIED_SUBJECTS).toList(), AuditLog.DENIED, reason));
        } catch (RuntimeException e) {
            LOG.warn("The refusal of {} could not be recorded: {}", field, e.toString());
        }
    }

    /**
     * The people a refused call concerned, as far as it says: the person whose field it was (the
     * parent), and the ids of its arguments and input objects that name people ({@code person(id)}'s
     * id too), distinct, in order.
     */
    private static List<String> named(DataFetchingEnvironment env) {
        var ids = new LinkedHashSet<String>();
        if (env.getSource() instanceof PersonView parent) {
            ids.add(parent.id());
        }
        if ("person".equals(env.getField().getName()) && env.getArgument("id") instanceof String id) {
            ids.add(id);
        }
        collect(env.getArguments(), ids, 0);
        return ids.stream().filter(id -> !id.isBlank() && id.length() <= 200).toList();
    }

    private static Map<String, Object> fields(Map<?, ?> input) {
        var fields = new LinkedHashMap<String, Object>();
        input.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return fields;
    }

    private static void collect(Map<String, Object> arguments, Set<String> ids, int depth) {
        for (var entry : arguments.entrySet()) {
            var value = entry.getValue();
            if (PERSON_ARGUMENTS.contains(entry.getKey())) {
                if (value instanceof String id) {
                    ids.add(id);
                } else if (value instanceof Collection<?> many) {
                    many.stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .limit(10_000)
                            .forEach(ids::add);
                }
            } else if (depth < 3 && value instanceof Map<?, ?> input) {
                collect(fields(input), ids, depth + 1);
            } else if (depth < 3 && value instanceof Collection<?> inputs) {
                // a list of input objects (a meeting's actions, each naming whom it is for)
                inputs.stream()
                        .filter(Map.class::isInstance)
                        .limit(1_000)
                        .forEach(input -> collect(fields((Map<?, ?>) input), ids, depth + 1));
            }
        }
    }

    /** The argument and the reason of a BAD_REQUEST, those given. */
    private static Map<String, Object> badRequest(BadRequestException bad) {
        var extensions = new java.util.LinkedHashMap<String, Object>();
        if (bad.argument() != null) {
            extensions.put("argument", bad.argument());
        }
        if (bad.reason() != null) {
            extensions.put("reason", bad.reason());
        }
        return extensions;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .build();
    }
}
