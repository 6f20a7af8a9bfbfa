package uk.safeguarding.explorer.information;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.information.InformationRequest.Direction;
import uk.safeguarding.explorer.information.InformationRequest.Status;
import uk.safeguarding.explorer.paging.Connection;

/** Information requests over GraphQL: ask the holders about a placeholder, the work queue, answer and decline. */
@Controller
class InformationRequestController {

    private final InformationRequestService service;

    InformationRequestController(InformationRequestService service) {
        this.service = service;
    }

    /** The newest 200, paged by request id. */
    @QueryMapping
    Connection<InformationRequest> informationRequestsConnection(
            @Argument Direction direction, @Argument Status status, @Argument Integer first, @Argument String after) {
        var size = Connection.size(first, 50, InformationRequestService.MAX_FIRST);
        return Connection.page(
                "informationRequests",
                service.list(direction, status, InformationRequestService.MAX_FIRST),
                InformationRequest::id,
                size,
                50,
                InformationRequestService.MAX_FIRST,
                after);
    }

    @MutationMapping
    InformationRequest requestInformation(
            @Argument String personId,
            @Argument String placeholderId,
            @Argument String reason,
            @Argument String holderId) {
        return service.request(personId, placeholderId, reason, holderId);
    }

    @QueryMapping
    List<InformationRequest> informationRequests(
            @Argument Direction direction, @Argument Status status, @Argument Integer first) {
        return service.list(direction, status, first);
    }

    @QueryMapping
    int informationRequestsWaiting() {
        return service.waiting();
    }

    @MutationMapping
    InformationRequest answerInformationRequest(@Argument String id, @Argument String answer) {
        return service.answer(id, answer);
    }

    @MutationMapping
    InformationRequest declineInformationRequest(@Argument String id, @Argument String reason) {
        return service.decline(id, reason);
    }
}
