package uk.safeguarding.explorer.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Break-glass over GraphQL: the grant, the user's own grants, the auditor's queue and review. */
@Controller
class BreakGlassController {

    private final BreakGlassService service;

    BreakGlassController(BreakGlassService service) {
        this.service = service;
    }

    @MutationMapping
    BreakGlassGrant breakGlass(
            @Argument String personId,
            @Argument String placeholderId,
            @Argument String purpose,
            @Argument String reason,
            @Argument Integer hours) {
        return service.breakGlass(personId, placeholderId, purpose, reason, hours);
    }

    @QueryMapping
    List<BreakGlassGrant> myBreakGlassGrants() {
        return service.mine();
    }

    @QueryMapping
    List<BreakGlassGrant> breakGlassReviewQueue(@Argument Boolean reviewed, @Argument Integer first) {
        return service.queue(reviewed, first);
    }

    @MutationMapping
    BreakGlassGrant reviewBreakGlass(@Argument String grantId, @Argument String outcome, @Argument String note) {
        return service.review(grantId, outcome, note);
    }
}
