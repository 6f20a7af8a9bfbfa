package uk.safeguarding.explorer.addresses;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;

/** {@code sharedAddresses}: who lived with whom, and when; markers on the places themselves. */
@Controller
class SharedAddressController {

    private final SharedAddressService service;
    private final AsOf asOf;

    SharedAddressController(SharedAddressService service, AsOf asOf) {
        this.service = service;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<List<SharedAddress>> sharedAddresses(
            @Argument String personId, @Argument LocalDate asOf, @Argument Boolean includeHistoric) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(service.sharedAddresses(personId, day, includeHistoric == null || includeHistoric), day);
    }
}
