package uk.safeguarding.explorer.addresses;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * An address the subject lived at (contract type {@code SharedAddress}): the subject's own period
 * there, whether it is current, the markers on the address, and everyone whose period there
 * overlaps the subject's.
 */
public record SharedAddress(
        AddressView address,
        LocalDate from,
        LocalDate to,
        boolean current,
        List<MarkerView> markers,
        List<CoResident> coResidents) {

    /** Someone who lived at the address at the same time; from/to are the overlap. */
    public record CoResident(PersonView person, LocalDate from, LocalDate to) {}
}
