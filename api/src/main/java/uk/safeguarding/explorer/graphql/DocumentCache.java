package uk.safeguarding.explorer.graphql;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Keeps parsed and validated GraphQL documents: the page and integrations send the same few
 * documents over and over with different variables, so each is parsed and validated once.
 * Bounded (least recently used dropped) so that arbitrary documents cannot fill the memory. A
 * document with more than {@value #MAX_ALIASES} aliases is refused here, before execution.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache {

    static final int SIZE = 500;
    static final int MAX_ALIASES = 30;

    static int countAliases(Document document) {
        var count = new int[1];
        new NodeTraverser()
                .preOrder(
                        new NodeVisitorStub() {
                            @Override
                            public TraversalControl visitField(Field node, TraverserContext<Node> context) {
                                if (node.getAlias() != null) {
                                    count[0]++;
                                }
                                return TraversalControl.CONTINUE;
                            }
                        },
                        document);
        return count[0];
    }

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments() {
        Map<String, PreparsedDocumentEntry> cache = Collections.synchronizedMap(new LinkedHashMap<>(SIZE, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > SIZE;
            }
        });
        PreparsedDocumentProvider provider =
                (ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) -> {
                    var cached = cache.get(input.getQuery());
                    if (cached != null) {
                        return CompletableFuture.completedFuture(cached);
                    }
                    var entry = parseAndValidate.apply(input);
                    if (!entry.hasErrors()) {
                        var aliases = countAliases(entry.getDocument());
                        if (aliases > MAX_ALIASES) {
                            entry = new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                                    .message("Too many aliases (" + aliases + "); at most " + MAX_ALIASES
                                            + " per request")
                                    .errorType(ErrorType.BAD_REQUEST)
                                    .build());
                        }
                    }
                    if (!entry.hasErrors()) {
                        cache.put(input.getQuery(), entry);
                    }
                    return CompletableFuture.completedFuture(entry);
                };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
