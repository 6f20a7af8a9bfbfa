package uk.safeguarding.explorer.chronology;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;

/** {@code chronology}: one time-ordered list of what every agency recorded about a person. */
@Controller
class ChronologyController {

    private final ChronologyService service;
    private final AsOf asOf;

    ChronologyController(ChronologyService service, AsOf asOf) {
        this.service = service;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<List<ChronologyEntry>> chronology(
            @Argument String personId, @Argument LocalDate from, @Argument LocalDate to, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.chronology(personId, from, to == null || to.isAfter(day) ? day : to), day);
    }
}
