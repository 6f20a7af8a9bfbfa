package uk.safeguarding.explorer.chronology;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * One entry of a person's chronology: when, what kind, a sentence a practitioner understands, the
 * agency that recorded it and the ids of the records it comes from; when the entry is about a person
 * the user may not see (a partner), their placeholder ({@code restrictedPerson}), never their name.
 */
public record ChronologyEntry(
        LocalDate date,
        ZonedDateTime at,
        String kind,
        String summary,
        String source,
        AgencyView agency,
        List<String> relatedIds,
        PersonView restrictedPerson) {

    /**
     * An entry whose detail the user may not see: when and what kind only, a sentence saying who holds
     * it; no source, agency or related records.
     */
    static ChronologyEntry restricted(LocalDate date, ZonedDateTime at, String kind, String sentence) {
        return new ChronologyEntry(date, at, kind, sentence, null, null, List.of(), null);
    }
}
