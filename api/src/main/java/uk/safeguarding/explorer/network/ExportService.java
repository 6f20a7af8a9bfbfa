package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Exports leave the application as files the page makes (PNG, print pack); the page asks for this
 * record first and exports only when it succeeds, so every export is in the audit log: one event per
 * person, decided by need-to-know (today), the subject first, each saying which day's facts the
 * export shows ("facts as of 2018-09-26"). A subject the user may not see is answered as an unknown id.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class ExportService {

    static final int MAX_PEOPLE = 2_000;

    private final NeedToKnow needToKnow;

    ExportService(NeedToKnow needToKnow) {
        this.needToKnow = needToKnow;
    }

    /**
     * Records the export of the people (the subject first) showing the facts of a day (null: today,
     * as the page without an as-of day shows them); each event says which day. Answers how many of
     * the people the user may see.
     */
    public int recordExport(String kind, List<String> personIds, LocalDate asOf) {
        if (personIds.isEmpty() || personIds.size() > MAX_PEOPLE) {
            throw new BadRequestException("personIds", "must name 1 to " + MAX_PEOPLE + " people");
        }
        if (personIds.stream().anyMatch(id -> id.isBlank() || id.length() > 200)) {
            throw new BadRequestException("personIds", "must be non-blank ids of at most 200 characters");
        }
        var day = asOf == null ? needToKnow.today() : asOf;
        var visibility = needToKnow.checkAsked("export:" + kind, personIds, List.of(), "facts as of " + day);
        if (!visibility.sees(personIds.get(0))) {
            throw NotFoundException.person(personIds.get(0));
        }
        return visibility.visible().size();
    }
}
