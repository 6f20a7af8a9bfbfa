package uk.safeguarding.explorer.risk.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a flag's sentence speaks of people for one reader: by name when the reader may see them
 * ("someone your agency cannot see" otherwise), and what it may say about them: a concern, a
 * referral or a marker of someone the reader may not see is told in neutral words (DESIGN §7: a
 * placeholder never carries a marker or an identifier).
 */
public interface Names {

    /** The words for a person: their name, or the words for someone the reader may not see. */
    String name(String personId);

    /** {@code words} when the reader may see the person; {@code neutral} when they may not. */
    String about(String personId, String words, String neutral);

    /**
     * An agency's name as the reader may be told it: an offender-management agency (probation, by the
     * redaction policy) is named only to readers who may see offender detail; "no owner recorded" to others. Here
     * (tests, and the rules' own writing) the name.
     */
    default String agency(String name, String type) {
        return name;
    }

    /**
     * {@code words} that name an agency of {@code type} (" from Probation service"), only where the reader
     * may be told of it, as {@link #agency}; nothing to others. Here the words.
     */
    default String told(String type, String words) {
        return words;
    }

    /**
     * A record's id as the reader may be told it: an agency extract's record ({@code source:localId}) of a
     * source the reader may not be told of is opaque. Here the id.
     */
    default String record(String id) {
        return id;
    }

    /**
     * People named in a list ("A, B, someone your agency cannot see"): here in the order given; a
     * reader's names put the people they may see first, so that where someone hidden stands never
     * follows the order of real ids.
     */
    default String list(List<String> personIds) {
        return String.join(", ", personIds.stream().map(this::name).toList());
    }

    /** Names from a name function and what the reader may see. */
    static Names of(Function<String, String> name, Predicate<String> sees) {
        return new Names() {
            @Override
            public String name(String personId) {
                return name.apply(personId);
            }

            @Override
            public String about(String personId, String words, String neutral) {
                return sees.test(personId) ? words : neutral;
            }

            @Override
            public String list(List<String> personIds) {
                var shownFirst = new ArrayList<String>();
                personIds.stream().filter(sees).forEach(shownFirst::add);
                personIds.stream().filter(sees.negate()).forEach(shownFirst::add);
                return String.join(", ", shownFirst.stream().map(name).toList());
            }
        };
    }
}
