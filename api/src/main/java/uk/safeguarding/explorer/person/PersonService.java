package uk.safeguarding.explorer.person;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.NhsNumber;
import uk.safeguarding.explorer.model.PncId;
import uk.safeguarding.explorer.paging.Connection;
import uk.safeguarding.explorer.paging.Cursors;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;

/**
 * Finding people, within the user's need-to-know ({@link NeedToKnow}, judged today): a person the
 * user may not see is answered as an unknown id and never appears in search results. The per-person
 * fields of people other answers already showed (markers, current address) are read here in batches
 * and redacted by the policy.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class PersonService {

    public static final int MAX_FIRST = 100;
    public static final int MAX_TEXT = 200;
    /** How many of the best matches searchPeopleConnection pages through. */
    public static final int CONNECTION_WINDOW = 500;

    private static final String SEARCH = "searchPeople";

    private final PersonRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    PersonService(PersonRepository repository, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    public PersonView person(String id) {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new BadRequestException("id", "must be a non-blank id of at most 200 characters");
        }
        needToKnow.require("person", id);
        return repository.findById(id).orElseThrow(() -> NotFoundException.person(id));
    }

    public List<PersonView> search(String text, Integer first) {
        int limit = first == null ? 20 : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        // need-to-know before the limit, as for the connection: cutting the best matches first and then
        // leaving out hidden people would make the list short exactly when someone hidden matches
        return searchConnection(text, limit, null).edges().stream()
                .map(Connection.Edge::node)
                .toList();
    }

    /**
     * The search as a cursor connection over its {@value #CONNECTION_WINDOW} best matches. Need-to-know
     * comes before paging: candidates after the cursor are decided a page at a time until the page and
     * one more visible person are found, so a page is full whenever someone visible follows, and
     * neither its size nor its cursor tells of hidden people. The people of the page are recorded and
     * counted, the hidden matches passed over recorded only, and the visible matches decided past the
     * page neither (how many were decided depends on the hidden matches before them).
     */
    public Connection<PersonView> searchConnection(String text, Integer first, String after) {
        var size = Connection.size(first, 20, MAX_FIRST);
        var found = candidates(text, CONNECTION_WINDOW);
        var start = 0;
        if (after != null) {
            var last = Cursors.decode(SEARCH, after);
            start = -1;
            // a cursor names someone shown on an earlier page: one the user may see. A forged cursor
            // naming a hidden person is answered as one naming nobody among the matches, or whether it
            // is would tell that the hidden person exists and matches the text (a name, an alias, a PNC id)
            var named = needToKnow
                    .checkAsked(SEARCH, List.of(last), List.of(), null)
                    .sees(last);
            for (int i = 0; named && i < found.size(); i++) {
                if (found.get(i).id().equals(last)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new BadRequestException(
                        "after", "points to a person no longer among the matches; " + "start again without after");
            }
        }
        var page = new ArrayList<PersonView>();
        var hidden = new ArrayList<String>();
        var more = false;
        for (int i = start; i < found.size() && !more; i += size + 1) {
            var chunk = found.subList(i, Math.min(found.size(), i + size + 1));
            // decided without recording: the matches checked past the page (and how many there are
            // depends on hidden matches before them) are not recorded, nor counted
            var visibility =
                    needToKnow.decide(chunk.stream().map(PersonView::id).toList());
            for (var person : chunk) {
                if (!visibility.sees(person.id())) {
                    hidden.add(person.id());
                    continue;
                }
                if (page.size() == size) {
                    more = true;
                    break;
                }
                page.add(person);
            }
        }
        var recorded = new ArrayList<String>(page.stream().map(PersonView::id).toList());
        recorded.addAll(hidden);
        needToKnow.check(SEARCH, recorded);
        return Connection.of(SEARCH, page, PersonView::id, more);
    }

    /** The people the words match, best first, before need-to-know. */
    private List<PersonView> candidates(String text, int limit) {
        if (text == null || text.length() > MAX_TEXT) {
            throw new BadRequestException("text", "must be at most " + MAX_TEXT + " characters");
        }
        var terms = terms(text);
        if (terms.isEmpty()) {
            throw new BadRequestException("text", "must contain at least one letter or digit");
        }
        var digits = text.replaceAll("[\\s-]", "");
        var nhsNumber = NhsNumber.isValid(digits) ? digits : null;
        var upper = text.strip().toUpperCase(Locale.ROOT);
        var pncIds = PncId.isValid(upper)
                ? List.of(
                        upper,
                        upper.contains("/") ? upper.replace("/", "") : upper.substring(0, 4) + "/" + upper.substring(4))
                : List.<String>of();
        return repository.search(lucene(terms), nhsNumber, pncIds, limit);
    }

    /**
     * The markers of people already shown to the user, on a day, as the redaction policy lets them
     * see them: offender detail folded into one RESTRICTED marker, approved premises restricted.
     */
    public Map<String, List<MarkerView>> markers(Collection<String> ids, LocalDate asOf) {
        var access = redaction.access();
        var offenderTypes = redaction.offenderMarkerTypes();
        var result = new LinkedHashMap<String, List<MarkerView>>();
        repository.markers(ids, asOf).forEach((id, m) -> {
            var offender = m.everCarried().stream().anyMatch(offenderTypes::contains);
            result.put(
                    id,
                    redaction.markers(m.markers(), access, offender, null).stream()
                            .map(marker -> marker.address() == null
                                    ? marker
                                    : marker.at(redaction.address(marker.address(), access)))
                            .toList());
        });
        return result;
    }

    /** The addresses people already shown to the user live at on a day (approved premises restricted). */
    public Map<String, AddressView> currentAddresses(Collection<String> ids, LocalDate asOf) {
        var access = redaction.access();
        var result = repository.currentAddresses(ids, asOf);
        result.replaceAll((id, address) -> redaction.address(address, access));
        return result;
    }

    /**
     * Words of the search text, folded to lower-case ASCII like the index, so that "Chloé" and
     * "chloe" match alike. Only letters and digits survive, so no Lucene syntax can be injected.
     */
    static List<String> terms(String text) {
        var folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        var result = new ArrayList<String>();
        for (var word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && result.size() < 10) {
                result.add(word);
            }
        }
        return result;
    }

    /** Every word must match, exactly (ranked higher) or as a prefix. */
    static String lucene(List<String> terms) {
        var clauses = terms.stream().map(t -> "(" + t + "^3 OR " + t + "*)").toList();
        return String.join(" AND ", clauses);
    }
}
