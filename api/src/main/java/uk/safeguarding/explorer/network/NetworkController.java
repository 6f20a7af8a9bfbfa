package uk.safeguarding.explorer.network;

import graphql.execution.DataFetcherResult;
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
    DataFetcherResult<Network> network(
            @Argument String personId, @Argument Integer depth, @Argument LocalDate asOf, @Argument Integer first) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.network(personId, depth == null ? 2 : depth, day, first == null ? 500 : first), day);
    }

    @QueryMapping
    DataFetcherResult<List<Path>> connection(
            @Argument String fromId, @Argument String toId, @Argument Integer maxHops, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.connection(fromId, toId, maxHops == null ? 4 : maxHops, day), day);
    }
}
