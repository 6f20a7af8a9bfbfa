package uk.safeguarding.explorer.addresses;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.TransactionContext;
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
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;

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

    private final Graph graph;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    SharedAddressService(Graph graph, NeedToKnow needToKnow, Redaction redaction) {
        this.graph = graph;
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
        List<SharedAddress> all;
        try {
            all = answer(personId, asOf, includeHistoric);
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw unknown;
        }
        var visibility = needToKnow.check(OPERATION, personId, all.stream()
                .flatMap(a -> a.coResidents().stream()).map(c -> c.person().id()).toList());
        var access = redaction.access();
        return all.stream().map(a -> new SharedAddress(redaction.address(a.address(), access), a.from(), a.to(),
                a.current(), redaction.markers(a.markers(), access, false, a.address().kind()),
                a.coResidents().stream().map(c -> new CoResident(visibility.shown(c.person(),
                        new Relation("CO_RESIDENT", c.from(), c.to())), c.from(), c.to()))
                        // placeholders after the people the user may see
                        .sorted(Comparator.comparing((CoResident c) -> c.person().restricted()))
                        .toList()))
                .toList();
    }

    private List<SharedAddress> answer(String personId, LocalDate asOf, boolean includeHistoric) {
        return graph.inReadTransaction(tx -> {
            if (Graph.read(tx, "queries/person", Map.of("id", personId), r -> true).isEmpty()) {
                throw NotFoundException.person(personId);
            }
            return sharedAddresses(tx, personId, asOf, includeHistoric);
        });
    }

    private static List<SharedAddress> sharedAddresses(TransactionContext tx, String personId, LocalDate asOf,
            boolean includeHistoric) {
        return Graph.read(tx, "queries/shared-addresses",
                Map.of("id", personId, "asOf", asOf, "includeHistoric", includeHistoric), r -> {
                    var own = new Period(Views.date(r, "from"), Views.date(r, "to"));
                    var coResidents = r.get("others").asList(v -> v).stream().map(o -> {
                        var overlap = own.intersection(new Period(Views.date(o, "from"), Views.date(o, "to")));
                        return overlap == null || !overlap.startsOnOrBefore(asOf) ? null
                                : new CoResident(PersonView.from(o.get("person")), overlap.from(), overlap.to());
                    }).filter(Objects::nonNull)
                            .sorted(Comparator.comparing((CoResident c) -> c.from(), NULLS_FIRST)
                                    .thenComparing(c -> c.person().dateOfBirth(), NULLS_FIRST)
                                    .thenComparing(c -> c.person().id()))
                            .toList();
                    return new SharedAddress(AddressView.from(r.get("a")), own.from(), own.to(), own.contains(asOf),
                            r.get("markers").asList(MarkerView::from), coResidents);
                });
    }
}
