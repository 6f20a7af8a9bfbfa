package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.network.Network.Path;

/** {@code network} and {@code connection}: the graph around a person, and how two people are linked. */
@Controller
class NetworkController {

    private final NetworkService service;
    private final AsOf asOf;

    NetworkController(NetworkService service, AsOf asOf) {
        this.service = service;
        this.asOf = asOf;
    }

    @QueryMapping
    Network network(@Argument String personId, @Argument Integer depth, @Argument LocalDate asOf,
            @Argument Integer first) {
        return service.network(personId, depth == null ? 2 : depth, this.asOf.orToday(asOf),
                first == null ? 500 : first);
    }

    @QueryMapping
    List<Path> connection(@Argument String fromId, @Argument String toId, @Argument Integer maxHops,
            @Argument LocalDate asOf) {
        return service.connection(fromId, toId, maxHops == null ? 4 : maxHops, this.asOf.orToday(asOf));
    }
}
