package uk.safeguarding.explorer.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL Java reports an argument or variable of the wrong form (a Date that does not exist, a
 * string where a number belongs) as a validation error; to clients that is a bad argument, so it
 * is classified {@code BAD_REQUEST}, keeping the message that names the argument; so is a request
 * refused for its depth or complexity.
 */
@Component
class ArgumentErrors implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().noneMatch(ArgumentErrors::aboutAnArgument)) {
                return response;
            }
            return response.transform(builder -> builder.errors(reclassify(response)));
        });
    }

    private static List<GraphQLError> reclassify(WebGraphQlResponse response) {
        return response.getErrors().stream()
                .map(error -> aboutAnArgument(error)
                        ? GraphqlErrorBuilder.newError()
                                .message(plain(error.getMessage()))
                                .locations(error.getLocations())
                                .path(error.getParsedPath())
                                .errorType(ErrorType.BAD_REQUEST)
                                .build()
                        : (GraphQLError) toGraphQlError(error))
                .toList();
    }

    private static GraphQLError toGraphQlError(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(type)
                .extensions(error.getExtensions())
                .build();
    }

    /** GraphQL Java's literal as written ('FloatValue{value=2.5}'), and its note of AST types. */
    private static final Pattern LITERAL =
            Pattern.compile("\\b(?:Int|Float|String|Boolean|Enum|Null)Value\\{value=([^}]*)}");

    private static final Pattern AST_NOTE =
            Pattern.compile(" - Expected an AST type of '[^']*' but it was an? '[^']*'");

    /**
     * The message in the client's words: a literal as it was written, not GraphQL Java's class of it, and
     * without the parser's note of its syntax-tree types (hostile review 89: "argument 'depth' with value
     * 'FloatValue{value=2.5}' ... Expected an AST type of 'IntValue' but it was a 'FloatValue'").
     */
    static String plain(String message) {
        if (message == null) {
            return null;
        }
        var literal = LITERAL.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return AST_NOTE.matcher(literal).replaceAll("");
    }

    private static boolean aboutAnArgument(ResponseError error) {
        var message = error.getMessage() == null ? "" : error.getMessage();
        var validation = graphql.ErrorType.ValidationError.equals(error.getErrorType());
        var limit = message.startsWith("maximum query depth exceeded")
                || message.startsWith("maximum query complexity exceeded");
        return limit || validation && (message.contains("argument '") || message.startsWith("Variable '"));
    }
}
