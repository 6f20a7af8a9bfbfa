package uk.safeguarding.explorer.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The GraphQL endpoint, answering on the request's own thread when the answer is ready. Spring for
 * GraphQL always answers a servlet request asynchronously: the request is suspended, then dispatched
 * again on another container thread through every filter (security included) just to write the
 * answer. Here every field is fetched on the request's thread and the audit is appended before the
 * answer is made, so the answer is nearly always complete when it is prepared; it is then written at
 * once. An answer still on its way keeps the asynchronous path.
 */
@Configuration(proxyBeanMethods = false)
class AnsweredHttpHandler {

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new GraphQlHttpHandler(handler) {
            @Override
            protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> answer) {
                var future = answer.toFuture();
                var response = super.prepareResponse(request, Mono.fromFuture(future));
                if (future.isDone()
                        && !future.isCompletedExceptionally()
                        && response instanceof AsyncServerResponse ready) {
                    // complete: block() returns at once (a failure keeps the asynchronous path and its error handling)
                    return ready.block();
                }
                return response;
            }
        };
    }
}
