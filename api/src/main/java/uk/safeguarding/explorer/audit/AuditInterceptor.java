package uk.safeguarding.explorer.audit;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.UUID;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.graphql.ExplorerErrorType;
import uk.safeguarding.explorer.observability.ServerTiming;

/**
 * Audit once per GraphQL request: after the request has run and before its answer is written, the
 * events its fields recorded are appended together and made durable; only then does the answer
 * leave. If they cannot be written, the answer is replaced by an error and no data. A request that
 * named more people than one request may is answered with {@code BAD_REQUEST} and no data at all
 * (whatever its other fields or aliases found). As an {@link Instrumentation} it also notes when
 * the operation is a mutation, whose events are appended as they are recorded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditInterceptor implements WebGraphQlInterceptor, Instrumentation {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditLog log;

    AuditInterceptor(AuditLog log) {
        this.log = log;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var audit = RequestAudit.current();
        if (audit == null) {
            return chain.next(request);
        }
        var timing = ServerTiming.current();
        return chain.next(request).map(response -> {
            var finished = finish(audit, response);
            if (timing != null) {
                finished.getResponseHeaders().set(ServerTiming.HEADER, timing.header());
            }
            return finished;
        });
    }

    private WebGraphQlResponse finish(RequestAudit audit, WebGraphQlResponse response) {
        if (audit.refusedAt() >= 0) {
            try {
                log.refuse(audit);
            } catch (RuntimeException e) {
                LOG.error("Could not record the refusal of request {}", audit.requestId(), e);
            }
            var message = TooManySubjectsException.sentence(audit.maxSubjects(), audit.refusedAt());
            return response.transform(builder -> builder.data(null)
                    .errors(List.of(GraphqlErrorBuilder.newError()
                            .message(message)
                            .errorType(ErrorType.BAD_REQUEST)
                            .build())));
        }
        try {
            log.flush(audit);
            if (!audit.hasFailed()) {
                return response;
            }
            return withoutData(response, audit, null);
        } catch (RuntimeException e) {
            return withoutData(response, audit, e);
        }
    }

    private static WebGraphQlResponse withoutData(WebGraphQlResponse response, RequestAudit audit, Exception e) {
        if (databaseAway(response, e)) {
            // the audit could not be written because the database is away: say that, as every request does
            LOG.warn(
                    "The audit events of request {} could not be written: the database cannot be reached",
                    audit.requestId());
            return response.transform(builder -> builder.data(null)
                    .errors(List.of(GraphqlErrorBuilder.newError()
                            .message(DatabaseUnavailableException.SENTENCE)
                            .errorType(ExplorerErrorType.UNAVAILABLE)
                            .build())));
        }
        var reference = UUID.randomUUID().toString();
        LOG.error(
                "The audit events of request {} could not be written; answering without data, reference {}",
                audit.requestId(),
                reference,
                e);
        return response.transform(builder -> builder.data(null)
                .errors(List.of(GraphqlErrorBuilder.newError()
                        .message("The audit log could not be written, so nothing is shown; try again (reference "
                                + reference + ")")
                        .errorType(ErrorType.INTERNAL_ERROR)
                        .build())));
    }

    private static boolean databaseAway(WebGraphQlResponse response, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof ServiceUnavailableException
                    || cause instanceof SessionExpiredException) {
                return true;
            }
        }
        return response.getErrors().stream().anyMatch(error -> error.getErrorType() == ExplorerErrorType.UNAVAILABLE);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var audit = RequestAudit.current();
        if (audit != null
                && parameters.getExecutionContext().getOperationDefinition().getOperation()
                        == OperationDefinition.Operation.MUTATION) {
            audit.mutation();
        }
        return SimpleInstrumentationContext.noOp();
    }
}
