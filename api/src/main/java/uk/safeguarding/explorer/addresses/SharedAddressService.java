package uk.safeguarding.explorer.addresses;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.addresses.SharedAddress.CoResident;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * sharedAddresses (DESIGN §5): who lived with whom, and when. Periods include both end days; a
 * co-resident's from/to is the overlap with the subject's period, kept only when the overlap
 * starts on or before asOf. Addresses come most recent first; co-residents by the start of the
 * overlap, then oldest first.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class SharedAddressService {

    private static final Comparator<LocalDate> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final String OPERATION = "sharedAddresses";

    private final SharedAddressRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    SharedAddressService(SharedAddressRepository repository, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /**
     * The person's addresses and who lived there with them, as the user may see them: the raw answer
     * first, then one need-to-know check of the subject and every co-resident; a co-resident the
     * user may not see is a placeholder with the overlap dates; approved premises and their markers
     * are restricted for agencies without offender detail.
     */
    public List<SharedAddress> sharedAddresses(String personId, LocalDate asOf, boolean includeHistoric) {
        var found = repository.sharedAddresses(personId, asOf, includeHistoric);
        if (found.isEmpty()) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw NotFoundException.person(personId);
        }
        var all = found.get().stream().map(r -> sharedAddress(r, asOf)).toList();
        var visibility = needToKnow.check(
                OPERATION,
                personId,
                all.stream()
                        .flatMap(a -> a.coResidents().stream())
                        .map(c -> c.person().id())
                        .toList());
        var access = redaction.access();
        return all.stream()
                .map(a -> new SharedAddress(
                        redaction.address(a.address(), access),
                        a.from(),
                        a.to(),
                        a.current(),
                        redaction.markers(
                                a.markers(), access, false, a.address().kind()),
                        a.coResidents().stream()
                                .filter(c -> visibility.present(
                                        c.person().id(), c.person().dateOfBirth(), asOf))
                                .map(c -> new CoResident(
                                        visibility.shown(c.person(), new Relation("CO_RESIDENT", c.from(), c.to())),
                                        visibility.from(c.person(), c.from()),
                                        c.to()))
                                // placeholders after the people the user may see, among themselves by
                                // opaque id (the raw order, by start and birth, would tell who is older)
                                .sorted(Visibility.placeholdersLast(CoResident::person))
                                .toList()))
                .toList();
    }

    /**
     * An address row before need-to-know: a co-resident's period is the overlap with the subject's,
     * kept only when it starts on or before asOf.
     */
    private static SharedAddress sharedAddress(Record r, LocalDate asOf) {
        var own = new Period(Views.date(r, "from"), Views.date(r, "to"));
        var coResidents = r.get("others").asList(v -> v).stream()
                .map(o -> {
                    var overlap = own.intersection(new Period(Views.date(o, "from"), Views.date(o, "to")));
                    return overlap == null || !overlap.startsOnOrBefore(asOf)
                            ? null
                            : new CoResident(PersonView.from(o.get("person")), overlap.from(), overlap.to());
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing((CoResident c) -> c.from(), NULLS_FIRST)
                        .thenComparing(c -> c.person().dateOfBirth(), NULLS_FIRST)
                        .thenComparing(c -> c.person().id()))
                .toList();
        return new SharedAddress(
                AddressView.from(r.get("a")),
                own.from(),
                own.to(),
                own.contains(asOf),
                r.get("markers").asList(MarkerView::from),
                coResidents);
    }
}
