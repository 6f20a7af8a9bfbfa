package uk.safeguarding.explorer.graphql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL at {@code /graphiql}, in local mode only: the page of the {@code web} module
 * ({@code graphiql/index.html}), whose scripts and styles come from this server's WebJars (a council
 * network often cannot reach a CDN, and the strict CSP would refuse one), started by a script file,
 * never inline. It signs in with the browser's session like the explorer. Spring's own GraphiQL page
 * (which loads GraphiQL from a CDN) stays off.
 */
@Controller
@ConditionalOnProperty(name = "explorer.mode", havingValue = "local")
class GraphiqlPage {

    private final Resource page = new ClassPathResource("graphiql/index.html");

    @GetMapping("/graphiql")
    ResponseEntity<Resource> graphiql() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }
}
