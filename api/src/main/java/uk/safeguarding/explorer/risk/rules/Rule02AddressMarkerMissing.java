package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/**
 * 2. An address linked to an RSO or a sexual-abuse referral with no address marker: HIGH with a child
 * living there.
 */
@Component
class Rule02AddressMarkerMissing implements RiskRule {

    private static final Statements READ = Statements.named("rule-02");

    /** Why the address should carry a marker: an offender lived there, or a referral was made. */
    sealed interface Reason {

        String words(Names name);
    }

    /** A registered sex offender lived at the address while registered. */
    record OffenderLived(String offenderId, Period registered) implements Reason {

        @Override
        public String words(Names name) {
            // still there on the as-of day: said as going on (its later end was not known then)
            return name.name(offenderId) + ", a registered sex offender, "
                    + (registered.to() == null ? "lives there, " : "lived there ") + Sentences.period(registered);
        }
    }

    /** A sexual-abuse referral was made about someone while they lived there. */
    record ReferralWhileThere(String personId, String referralId, LocalDate day) implements Reason {

        @Override
        public String words(Names name) {
            // of someone the reader may not see: neither the referral nor its kind (DESIGN §7)
            return name.about(
                    personId,
                    "a sexual-abuse referral (" + referralId + ") about " + name.name(personId)
                            + " was made while they lived there",
                    "an agency holds a concern about " + name.name(personId) + ", who lived there");
        }
    }

    /** An address without a marker, the reasons it needs one, and whether a child lives there. */
    record UnmarkedAddress(String line, List<Reason> reasons, boolean childThere) implements Finding {

        @Override
        public String sentence(Names name) {
            return line + " has no address marker although "
                    + String.join(
                            " and ", reasons.stream().map(r -> r.words(name)).toList())
                    + (childThere ? "; a child lives there now." : ".");
        }
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String code() {
        return "ADDRESS_MARKER_MISSING";
    }

    @Override
    public void raise(RuleContext c) {
        for (var row : c.read(READ)) {
            var address = row.get("a");
            var addressId = Views.string(address, "id");
            var reasons = new ArrayList<Reason>();
            var evidence = new LinkedHashSet<String>(List.of(addressId));
            var people = new LinkedHashSet<String>();
            var about = new HashMap<String, String>();
            String offender = null;
            for (var link : row.get("links").asList(v -> v)) {
                var lived = new Period(Views.date(link, "from"), Views.date(link, "to"));
                var id = link.get("id").asString();
                c.name(id, link.get("name").asString());
                if ("RSO".equals(link.get("link").asString())) {
                    var registered = lived.intersection(
                            new Period(Views.date(link, "markerFrom"), Views.date(link, "markerTo")));
                    if (registered == null || !registered.startsOnOrBefore(c.asOf)) {
                        continue;
                    }
                    offender = id;
                    // still there on the as-of day: its later end was not known then
                    reasons.add(new OffenderLived(id, registered.knownOn(c.asOf)));
                    evidence.addAll(List.of(
                            id, link.get("markerId").asString(), link.get("key").asString()));
                } else {
                    var day = Views.date(link, "day");
                    if (day == null || !lived.contains(day)) {
                        continue;
                    }
                    var referralId = link.get("referralId").asString();
                    reasons.add(new ReferralWhileThere(id, referralId, day));
                    evidence.addAll(List.of(id, referralId, link.get("key").asString()));
                    about.put(referralId, id);
                    about.put(link.get("key").asString(), id);
                }
                people.add(id);
            }
            if (reasons.isEmpty()) {
                continue;
            }
            var residents = row.get("residents").asList(v -> v);
            residents.forEach(r -> {
                people.add(r.get("id").asString());
                c.born(r.get("id").asString(), Views.date(r, "dateOfBirth"));
            });
            if (!c.inScope(people)) {
                continue;
            }
            var children = residents.stream()
                    .filter(r -> Ages.isChild(Views.date(r, "dateOfBirth"), Views.date(r, "deceasedOn"), c.asOf))
                    .map(r -> new Lifetime(
                            r.get("id").asString(), Views.date(r, "dateOfBirth"), Views.date(r, "deceasedOn")))
                    .toList();
            var line = Views.string(address, "line1")
                    + (Views.string(address, "postcode") == null ? "" : ", " + Views.string(address, "postcode"));
            var offenderId = offender;
            Function<Boolean, Raised> flag = childThere -> new Raised(
                    number(),
                    code(),
                    childThere ? Severity.HIGH : Severity.MEDIUM,
                    addressId,
                    SubjectKind.ADDRESS,
                    List.copyOf(evidence),
                    List.copyOf(people),
                    new UnmarkedAddress(line, List.copyOf(reasons), childThere),
                    offenderId,
                    Map.copyOf(about));
            // "a child lives there" for a reader who may not see the child only in whole months of
            // their childhood (Visibility#childOn)
            c.raise(children.isEmpty() ? flag.apply(false) : flag.apply(true).restingOn(children, flag.apply(false)));
        }
    }
}
