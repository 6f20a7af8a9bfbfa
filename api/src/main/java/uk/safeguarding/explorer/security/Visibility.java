package uk.safeguarding.explorer.security;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.security.NeedToKnow.Decision;
import uk.safeguarding.explorer.security.NeedToKnow.RequestDecisions;

/**
 * The need-to-know decisions about the people one answer touches ({@link NeedToKnow#check}), and
 * what to show instead of those the user may not see: a {@code RESTRICTED_PERSON} placeholder with
 * an opaque id valid for this user today, the agencies that hold information about them and the
 * relationship; in a sentence, "someone your agency cannot see". Asking about a person who was not
 * checked is a programming error: everyone an answer touches must be checked (and audited) first.
 */
public final class Visibility {

    private final NeedToKnow needToKnow;
    private final ExplorerPrincipal user;
    private final LocalDate today;
    private final Map<String, Decision> decisions;
    private final RequestDecisions cache;

    Visibility(
            NeedToKnow needToKnow,
            ExplorerPrincipal user,
            LocalDate today,
            Map<String, Decision> decisions,
            RequestDecisions cache) {
        this.needToKnow = needToKnow;
        this.user = user;
        this.today = today;
        this.decisions = decisions;
        this.cache = cache;
    }

    /** The user may see the person (the person was checked). */
    public boolean sees(String personId) {
        var decision = decisions.get(personId);
        return decision != null && decision.visible();
    }

    /** The people checked that the user may see. */
    public Set<String> visible() {
        var visible = new LinkedHashSet<String>();
        decisions.forEach((id, d) -> {
            if (d.visible()) {
                visible.add(id);
            }
        });
        return Collections.unmodifiableSet(visible);
    }

    /** The person as the user may see them: themselves, or their placeholder related as given. */
    public PersonView shown(PersonView person, Relation relationship) {
        return sees(person.id())
                ? person
                : placeholder(
                        person.id(),
                        new Relation(relationship.kind(), from(person, relationship.from()), relationship.to()));
    }

    /**
     * The day a relation of the person began, as the user may see it: none for a hidden person's
     * relation that began before they are shown ({@link #shownFrom}): a home or a parent "from" a day
     * in their month of birth would tell their birth date, which a placeholder never does.
     */
    public LocalDate from(PersonView person, LocalDate day) {
        return sees(person.id()) ? day : placeholderFrom(day, person.dateOfBirth());
    }

    /** The start of a placeholder's relation as it may carry it: none when it is before they are shown. */
    public static LocalDate placeholderFrom(LocalDate day, LocalDate birthDay) {
        return day != null && birthDay != null && day.isBefore(shownFrom(birthDay)) ? null : day;
    }

    /**
     * The first day a person the user may not see is shown on: the first day of the month after their
     * birth. A placeholder never tells a birth date (DESIGN §7); if it first stood beside its family
     * on the birth day itself, moving the as-of day by one would find it. So a hidden person is shown
     * only in whole calendar months of their life: from the month after their birth, as a child until
     * the month they turn 18 and alive until the month they died.
     */
    public static LocalDate shownFrom(LocalDate birthDay) {
        return birthDay == null ? null : birthDay.withDayOfMonth(1).plusMonths(1);
    }

    /**
     * Whether the person is in an answer about the as-of day: everyone born by then whom the user may
     * see; someone the user may not see from the first day of the month after their birth
     * ({@link #shownFrom}). Someone with no recorded birth date is always there.
     */
    public boolean present(String personId, LocalDate birthDay, LocalDate asOf) {
        var from = sees(personId) ? birthDay : shownFrom(birthDay);
        return from == null || !from.isAfter(asOf);
    }

    /**
     * Whether the person is someone the user may not see and who is not yet shown on the as-of day (a
     * hidden newborn before the month after their birth): an answer is worked out again without them
     * and without what it reached only through them.
     */
    public boolean notYetShown(String personId, LocalDate birthDay, LocalDate asOf) {
        return !sees(personId) && !present(personId, birthDay, asOf);
    }

    /**
     * Whether the person is a child on the as-of day as the user may know it: exactly for someone the
     * user may see; for someone hidden, only in whole months ({@link #shownFrom}): from the month after
     * their birth until the month they turn 18, and never from the month they died.
     */
    public boolean childOn(PersonView person, LocalDate asOf) {
        return childOn(person.id(), person.dateOfBirth(), person.deceasedOn(), asOf);
    }

    /** The same, for a person known by id, birth and death days. */
    public boolean childOn(String personId, LocalDate born, LocalDate died, LocalDate asOf) {
        if (!Ages.isChild(born, died, asOf)) {
            return false;
        }
        if (sees(personId)) {
            return true;
        }
        return present(personId, born, asOf)
                && asOf.isBefore(born.plusYears(Ages.ADULT_AGE).withDayOfMonth(1))
                && (died == null || asOf.isBefore(died.withDayOfMonth(1)));
    }

    /** The placeholder of a person the user may not see. */
    public PersonView placeholder(String personId, Relation relationship) {
        return PersonView.restricted(placeholderId(personId), holders(personId), relationship);
    }

    /**
     * The placeholders of hidden people, in the order of their opaque ids: the order they came in
     * (by birth, by id, assessed first) would tell what a placeholder does not.
     */
    public List<PersonView> placeholders(Collection<String> hiddenIds, Relation relationship) {
        return hiddenIds.stream()
                .distinct()
                .map(id -> placeholder(id, relationship))
                .sorted(Comparator.comparing(PersonView::id))
                .toList();
    }

    /**
     * People as an answer lists them: those shown in the order given, then the placeholders in the
     * order of their opaque ids (never in the place the raw answer's order, by id or by birth, put them).
     */
    public static List<PersonView> placeholdersLast(List<PersonView> people) {
        return people.stream().sorted(placeholdersLast(p -> p)).toList();
    }

    /** The same order for rows about people (a stable sort keeps the order of the people shown). */
    public static <T> Comparator<T> placeholdersLast(java.util.function.Function<T, PersonView> person) {
        return Comparator.comparing((T row) -> person.apply(row).restricted())
                .thenComparing(row ->
                        person.apply(row).restricted() ? person.apply(row).id() : "");
    }

    /** The opaque id of a hidden person for this user today. */
    public String placeholderId(String personId) {
        requireChecked(personId);
        return needToKnow.placeholderId(user, today, personId);
    }

    /** The agencies that hold information about a hidden person (loaded once for all hidden people checked). */
    public List<AgencyView> holders(String personId) {
        requireChecked(personId);
        var batch = new LinkedHashSet<String>();
        batch.add(personId);
        decisions.forEach((id, d) -> {
            if (!d.visible()) {
                batch.add(id);
            }
        });
        return needToKnow.holders(cache, batch, personId);
    }

    /** The name to put in a sentence: the person's own, or "someone your agency cannot see". */
    public String name(String personId, String name) {
        return sees(personId) ? name : PersonView.HIDDEN;
    }

    private void requireChecked(String personId) {
        if (!decisions.containsKey(personId)) {
            throw new IllegalStateException("person " + personId + " was not checked for need-to-know");
        }
    }
}
