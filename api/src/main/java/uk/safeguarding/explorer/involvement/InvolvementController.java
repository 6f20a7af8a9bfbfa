package uk.safeguarding.explorer.involvement;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;

/** {@code agencyInvolvement}: which agencies are involved, and who is missing from the table. */
@Controller
class InvolvementController {

    private final InvolvementService service;
    private final AsOf asOf;

    InvolvementController(InvolvementService service, AsOf asOf) {
        this.service = service;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<AgencyInvolvement> agencyInvolvement(
            @Argument String personId, @Argument Scope scope, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.agencyInvolvement(personId, scope == null ? Scope.PERSON : scope, day), day);
    }
}
