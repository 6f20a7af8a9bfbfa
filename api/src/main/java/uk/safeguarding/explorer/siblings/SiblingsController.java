package uk.safeguarding.explorer.siblings;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;

/**
 * {@code siblingsAtRisk}: the question the inspection found unasked, which other children are
 * exposed to the same source of harm as the subject.
 */
@Controller
class SiblingsController {

    private final SiblingsService service;
    private final AsOf asOf;

    SiblingsController(SiblingsService service, AsOf asOf) {
        this.service = service;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<List<ChildAtRisk>> siblingsAtRisk(@Argument String personId, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.siblingsAtRisk(personId, day), day);
    }
}
