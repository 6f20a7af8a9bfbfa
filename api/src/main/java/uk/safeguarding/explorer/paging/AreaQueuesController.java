package uk.safeguarding.explorer.paging;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.risk.FollowUpService;
import uk.safeguarding.explorer.risk.Work.ActionView;
import uk.safeguarding.explorer.risk.Work.TriagedReferral;

/**
 * The area-wide work queues as cursor connections: the triage queue and overdue actions, computed by
 * the risk rules' own service (need-to-know, audit and order as in {@code triageQueue} and
 * {@code overdueActions}) and paged by the id of their last item. The day is carried to every field
 * below, as the lists do.
 */
@Controller
class AreaQueuesController {

    private final FollowUpService followUp;
    private final AsOf asOf;

    AreaQueuesController(FollowUpService followUp, AsOf asOf) {
        this.followUp = followUp;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<Connection<TriagedReferral>> triageQueueConnection(
            @Argument LocalDate asOf, @Argument Integer first, @Argument String after) {
        var size = Connection.size(first, 50, FollowUpService.MAX_FIRST);
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(
                Connection.page(
                        "triageQueue",
                        followUp.triageQueue(day, FollowUpService.MAX_FIRST),
                        t -> t.referral().id(),
                        size,
                        50,
                        FollowUpService.MAX_FIRST,
                        after),
                day);
    }

    @QueryMapping
    DataFetcherResult<Connection<ActionView>> overdueActionsConnection(
            @Argument LocalDate asOf, @Argument String agencyId, @Argument Integer first, @Argument String after) {
        var size = Connection.size(first, 50, FollowUpService.MAX_FIRST);
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(
                Connection.page(
                        "overdueActions",
                        followUp.overdueActions(day, agencyId),
                        ActionView::id,
                        size,
                        50,
                        FollowUpService.MAX_FIRST,
                        after),
                day);
    }
}
