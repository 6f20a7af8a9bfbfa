package uk.safeguarding.explorer.model.bundle;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.model.DateBounds;

/**
 * Reads the fields of one bundle record, collecting a {@link Rejection} per bad field and
 * remembering which fields it read so that the rest can be reported as unknown.
 */
final class RecordReader {

    static final int MAX_STRING = 2_000;
    static final int MAX_ID = 200;

    private final String array;
    private final int index;
    private final JsonNode node;
    private final String prefix;
    private final Set<String> read = new HashSet<>();
    private final List<Rejection> problems;
    private final List<Rejection> notes = new ArrayList<>();
    private String id;

    RecordReader(String array, int index, JsonNode node, String prefix, List<Rejection> problems) {
        this.array = array;
        this.index = index;
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    String array() {
        return array;
    }

    int index() {
        return index;
    }

    void setId(String id) {
        this.id = id;
    }

    String recordId() {
        return id;
    }

    void reject(String field, String reason) {
        problems.add(new Rejection(array, index, id, prefix + field, reason));
    }

    JsonNode raw(String field) {
        read.add(field);
        var value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String string(String field, boolean required) {
        return string(field, required, MAX_STRING);
    }

    String string(String field, boolean required, int maxLength) {
        var value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        var text = value.stringValue().strip();
        if (text.isEmpty()) {
            if (required) {
                reject(field, "is required and must not be blank");
            }
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "is longer than " + maxLength + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            reject(field, "contains control characters");
            return null;
        }
        return text;
    }

    /**
     * An id: no braces, which the explorer's sentences use to mark where a person is named for each
     * reader (an id holding them could break that marking and show a hidden person's id).
     */
    String id(String field) {
        var id = string(field, true, MAX_ID);
        if (id != null && (id.indexOf('{') >= 0 || id.indexOf('}') >= 0)) {
            reject(field, "must not contain '{' or '}'");
            return null;
        }
        var lookalike = id == null ? null : lookalike(id);
        if (lookalike != null) {
            reject(field, lookalike);
            return null;
        }
        return id;
    }

    /** Scripts written together in one word (UTS #39's highly restrictive level): not a disguise. */
    private static final Set<Set<Character.UnicodeScript>> SCRIPTS_WRITTEN_TOGETHER = Set.of(
            Set.of(
                    Character.UnicodeScript.LATIN,
                    Character.UnicodeScript.HAN,
                    Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA),
            Set.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            Set.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    /** Latin letters that do not decompose to an ASCII letter and are written in names and words. */
    private static final String OTHER_LATIN_LETTERS = "ßæÆœŒøØðÐþÞđĐłŁıŋŊħĦəƏŧŦ";

    /**
     * Why an id could pass for another on screen, or null. Ids are shown and typed by people, so two
     * that look the same must be the same; refused are:
     * <ul>
     *   <li>a character that does not show or is not a plain space: format characters (zero-width
     *       spaces, direction overrides), other default-ignorable ones (variation selectors, the
     *       combining grapheme joiner, Hangul fillers), the braille blank, unusual spaces;
     *   <li>a form another spelling of the same characters would not share (not in Unicode normal
     *       form KC: decomposed accents, full-width or half-width forms, ligatures);
     *   <li>anything but letters, digits, printable ASCII and the plain space: no dash-like or
     *       colon-like symbols (U+2010, U+A789), no letters of no script, and of Latin letters only
     *       those that decompose to an ASCII letter with marks, and {@link #OTHER_LATIN_LETTERS};
     *   <li>a combining mark left on a Latin, Greek or Cyrillic letter (i with a dot above);
     *   <li>digits of two number systems (an Arabic-Indic one among ASCII digits);
     *   <li>letters or digits of scripts not written together (a Cyrillic "у" in a Latin "p-kyle",
     *       a Devanagari zero after it);
     *   <li>letters of another script that, with the rest of the id, all look like ASCII (a Cyrillic
     *       "КА-1" or "ЅА-2291"; see {@link #passesForLatin}).
     * </ul>
     * Latin letters that look like other Latin ones (a dotless "ı") are not refused: they are the
     * letters of names ids are made of.
     */
    static String lookalike(String id) {
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            if (doesNotShow(c)) {
                return "contains a character that does not show or is not a plain space (" + codePoint(c)
                        + "), so it could look like another id";
            }
            i += Character.charCount(c);
        }
        if (!Normalizer.isNormalized(id, Normalizer.Form.NFKC)) {
            return "is not in Unicode normal form KC (NFKC): the same id could be written with other characters "
                    + "that look alike (composed accents, full-width or half-width forms, ligatures); normalise it";
        }
        var scripts = new TreeSet<Character.UnicodeScript>();
        Character.UnicodeScript base = null;
        int zero = -1;
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            i += Character.charCount(c);
            var type = Character.getType(c);
            if (Character.isDigit(c)) {
                var digitZero = c - Character.digit(c, 10);
                if (zero >= 0 && digitZero != zero) {
                    return "mixes digits of two number systems (" + codePoint(c)
                            + "), so it could look like another id; use the digits of one";
                }
                zero = digitZero;
                base = null;
                ofScript(c, scripts);
            } else if (Character.isLetter(c)) {
                var script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.COMMON
                        || script == Character.UnicodeScript.INHERITED
                        || script == Character.UnicodeScript.LATIN && c > 0x7E && !europeanLatin(c)) {
                    return notPlain(c);
                }
                scripts.add(script);
                base = script;
            } else if (type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                if (base == null
                        || base == Character.UnicodeScript.LATIN
                        || base == Character.UnicodeScript.GREEK
                        || base == Character.UnicodeScript.CYRILLIC) {
                    return "has a combining mark (" + codePoint(c)
                            + ") that its letter is not written with, so it could look like another id";
                }
            } else if (c > 0x7E) {
                return notPlain(c);
            } else {
                base = null;
            }
        }
        if (mixed(scripts)) {
            return "mixes letters or digits of the scripts " + scripts
                    + ", so it could look like another id; use the letters and digits of one script";
        }
        var script = passesForLatin(id);
        if (script != null) {
            return "is written in " + script + " letters that all look like Latin ones, so it could pass for a "
                    + "Latin id; write it in Latin letters";
        }
        return null;
    }

    /** Unicode's table of characters that look alike (UTS #39 confusables), loaded once when first needed. */
    private static final class Confusables {
        /** Immutable, and its checks of one string are thread-safe (ICU). */
        static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();
    }

    /**
     * The name of the script (other than Latin) of a text's letters when the whole text, read on
     * screen, looks like one in ASCII: its confusable skeleton (UTS #39, the form two strings that look
     * alike share) is all ASCII. "КА-1" and "Вера" in Cyrillic, "ΑΒΕ" in Greek, "Ꭺ-1" in Cherokee do;
     * "Дом-5" does not (a "Д" shows it). Null otherwise, and for a text with no letter of another script.
     */
    static String passesForLatin(String text) {
        Character.UnicodeScript other = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                var script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.LATIN
                        && script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED) {
                    other = script;
                }
            }
        }
        if (other == null || !Confusables.CHECKER.getSkeleton(text).chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        var name = other.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Adds the script of a letter or digit to the scripts seen, unless it is common to all. */
    private static void ofScript(int c, Set<Character.UnicodeScript> scripts) {
        var script = Character.UnicodeScript.of(c);
        if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
            scripts.add(script);
        }
    }

    /** Whether the scripts seen are more than one and not written together. */
    private static boolean mixed(Set<Character.UnicodeScript> scripts) {
        return scripts.size() > 1 && SCRIPTS_WRITTEN_TOGETHER.stream().noneMatch(s -> s.containsAll(scripts));
    }

    /**
     * Why one word of a name could pass for another word on screen, or null: a character that does
     * not show, letters of scripts not written together, or letters of another script that all look
     * like Latin ones (a Cyrillic "Вера" reads "Bepa"). Names are free text: accents, marks and
     * punctuation are theirs.
     */
    static String lookalikeWord(String word) {
        var scripts = new TreeSet<Character.UnicodeScript>();
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            if (doesNotShow(c)) {
                return "contains a character that does not show (" + codePoint(c) + ")";
            }
            if (Character.isLetter(c)) {
                ofScript(c, scripts);
            }
        }
        if (mixed(scripts)) {
            return "mixes letters of the scripts " + scripts + ", so it could look like another name";
        }
        var script = passesForLatin(word);
        if (script != null) {
            return "is written in " + script + " letters that all look like Latin ones, so it could be read as "
                    + "a Latin name";
        }
        return null;
    }

    private static boolean doesNotShow(int c) {
        var type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || (Character.isWhitespace(c) || Character.isSpaceChar(c)) && c != ' '
                // default-ignorable code points that are not format characters, and the braille blank
                || c == 0x034F
                || c == 0x115F
                || c == 0x1160
                || c == 0x17B4
                || c == 0x17B5
                || c >= 0x180B && c <= 0x180F
                || c == 0x2800
                || c == 0x3164
                || c >= 0xFE00 && c <= 0xFE0F
                || c == 0xFFA0
                || c >= 0xE0100 && c <= 0xE01EF;
    }

    private static boolean europeanLatin(int c) {
        var decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        var first = decomposed.charAt(0);
        return first < 0x80 && Character.isLetter(first) || OTHER_LATIN_LETTERS.indexOf(c) >= 0;
    }

    private static String notPlain(int c) {
        return "contains a character that is not a letter of a script, a digit or printable ASCII (" + codePoint(c)
                + (c == 0x2018 || c == 0x2019 ? "; write the apostrophe as '" : "")
                + "), so it could look like another id";
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    List<String> strings(String field) {
        return strings(field, Integer.MAX_VALUE, MAX_STRING);
    }

    /** An array of at most {@code maxItems} non-blank strings of at most {@code maxLength} characters each. */
    List<String> strings(String field, int maxItems, int maxLength) {
        var value = raw(field);
        var result = new ArrayList<String>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            reject(field, "must be an array of strings");
            return result;
        }
        if (value.size() > maxItems) {
            reject(field, "holds " + value.size() + " strings; at most " + maxItems + " are accepted");
            return result;
        }
        int i = 0;
        for (var element : value.values()) {
            if (!element.isString() || element.stringValue().isBlank()) {
                reject(field + "[" + i + "]", "must be a non-blank string");
            } else if (element.stringValue().length() > maxLength) {
                reject(field + "[" + i + "]", "is longer than " + maxLength + " characters");
            } else {
                result.add(element.stringValue().strip());
            }
            i++;
        }
        return result;
    }

    LocalDate date(String field, boolean required) {
        var text = string(field, required, 40);
        if (text == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            reject(field, "is not an ISO date that exists (YYYY-MM-DD): " + quote(text));
            return null;
        }
        if (!DateBounds.contains(day)) {
            reject(field, DateBounds.REASON + ", not " + quote(text));
            return null;
        }
        return day;
    }

    ZonedDateTime instant(String field, boolean required) {
        var text = string(field, required, 60);
        if (text == null) {
            return null;
        }
        ZonedDateTime at;
        try {
            at = Instant.parse(text).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                at = OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                reject(field, "is not an ISO instant (e.g. 2018-08-01T10:00:00Z): " + quote(text));
                return null;
            }
        }
        if (!DateBounds.contains(at.toInstant())) {
            reject(field, DateBounds.REASON + ", not " + quote(text));
            return null;
        }
        return at;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        var text = string(field, required, 60);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            var allowed = new ArrayList<String>();
            for (var constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            reject(field, "must be one of " + String.join(", ", allowed) + ", not " + quote(text));
            return null;
        }
    }

    Boolean bool(String field) {
        var value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    Integer integer(String field, int min, int max) {
        var value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            reject(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    /** A warning about a field that does not reject the record, reported with the unknown fields. */
    void warn(String field, String reason) {
        notes.add(new Rejection(array, index, id, prefix + field, reason));
    }

    /** The warnings of {@link #warn}, then every field of the record that was never read, as warnings. */
    void reportUnknownFields(List<Rejection> warnings) {
        warnings.addAll(notes);
        for (var name : node.propertyNames()) {
            if (!read.contains(name)) {
                warnings.add(new Rejection(array, index, id, prefix + name, "unknown field, ignored"));
            }
        }
    }

    static String quote(String text) {
        var shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}
