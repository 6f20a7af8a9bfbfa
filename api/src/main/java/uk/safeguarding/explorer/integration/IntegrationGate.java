package uk.safeguarding.explorer.integration;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Trusted documents for partner systems: a system may run only an operation it registered, and only
 * with the exact document it registered (its SHA-256), never a mutation (systems read; people record).
 * Anything else is refused with FORBIDDEN before it is parsed by the engine or runs any Cypher. People
 * are not affected.
 */
@Component
class IntegrationGate implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(NeedToKnow.principal() instanceof IntegrationPrincipal system)) {
            return chain.next(request);
        }
        var client = system.client();
        var name = request.getOperationName();
        var hash = sha256(request.getDocument());
        var registered = client.operations().entrySet().stream()
                .filter(e ->
                        e.getValue().equals(hash) && (name == null || e.getKey().equals(name)))
                .findFirst()
                .orElse(null);
        if (registered == null) {
            return refuse(
                    request,
                    "This client has not registered "
                            + (name == null ? "this document" : "operation '" + name + "' with this document")
                            + "; register Name@SHA-256 of the exact "
                            + "document in explorer.integration.clients");
        }
        // the text is registered (trusted); it must still be a query under the registered name
        var operations = Parser.parse(request.getDocument()).getDefinitionsOfType(OperationDefinition.class);
        var operation = operations.stream()
                .filter(o -> registered.getKey().equals(o.getName()))
                .findFirst();
        if (operation.isEmpty() || (name == null && operations.size() != 1)) {
            return refuse(
                    request, "The registered document has no single operation named '" + registered.getKey() + "'");
        }
        if (operation.get().getOperation() != OperationDefinition.Operation.QUERY) {
            return refuse(request, "Systems may only read; '" + registered.getKey() + "' is not a query");
        }
        return chain.next(request);
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String message) {
        var result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message(message)
                        .errorType(ErrorType.FORBIDDEN)
                        .build())
                .build();
        return Mono.just(
                new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
