package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Exports leave the application as files the page makes (PNG, print pack); the page asks for this
 * record first and exports only when it succeeds, so every export is in the audit log.
 */
@Controller
class ExportController {

    private static final int MAX_PEOPLE = 2_000;

    private final NeedToKnow needToKnow;
    private final AsOf asOf;

    ExportController(NeedToKnow needToKnow, AsOf asOf) {
        this.needToKnow = needToKnow;
        this.asOf = asOf;
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    int recordExport(@Argument String kind, @Argument List<String> personIds, @Argument LocalDate asOf) {
        if (personIds.isEmpty() || personIds.size() > MAX_PEOPLE) {
            throw new BadRequestException("personIds", "must name 1 to " + MAX_PEOPLE + " people");
        }
        if (personIds.stream().anyMatch(id -> id.isBlank() || id.length() > 200)) {
            throw new BadRequestException("personIds", "must be non-blank ids of at most 200 characters");
        }
        var day = this.asOf.orToday(asOf);
        var visible = needToKnow.visible("export:" + kind, personIds, day);
        if (!visible.contains(personIds.get(0))) {
            throw NotFoundException.person(personIds.get(0));
        }
        return visible.size();
    }
}
