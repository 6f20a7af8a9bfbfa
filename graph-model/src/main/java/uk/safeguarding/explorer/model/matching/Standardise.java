package uk.safeguarding.explorer.model.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Puts names, postcodes and address lines into one comparable form before they are compared or
 * used as blocking keys: every agency writes them its own way ("O'Brien", "o brien", "OBRIEN";
 * "McDonald" and "MacDonald"; "YO313CC" and "yo31 3cc"; "14 Example Rd" and "14, EXAMPLE ROAD";
 * "Flat 2, 14 Example Road" and "2/14 Example Road").
 */
public final class Standardise {

    private static final Set<String> TITLES = Set.of("MR", "MRS", "MS", "MISS", "MX", "DR", "MASTER", "SIR", "REV");

    /** Street-type abbreviations and the word they stand for. */
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("RD", "ROAD"),
            Map.entry("ST", "STREET"),
            Map.entry("STR", "STREET"),
            Map.entry("AVE", "AVENUE"),
            Map.entry("AV", "AVENUE"),
            Map.entry("AVN", "AVENUE"),
            Map.entry("CL", "CLOSE"),
            Map.entry("CRES", "CRESCENT"),
            Map.entry("CRESC", "CRESCENT"),
            Map.entry("CR", "CRESCENT"),
            Map.entry("DR", "DRIVE"),
            Map.entry("DRV", "DRIVE"),
            Map.entry("GR", "GROVE"),
            Map.entry("GRO", "GROVE"),
            Map.entry("GRV", "GROVE"),
            Map.entry("LN", "LANE"),
            Map.entry("PL", "PLACE"),
            Map.entry("SQ", "SQUARE"),
            Map.entry("TER", "TERRACE"),
            Map.entry("TERR", "TERRACE"),
            Map.entry("TCE", "TERRACE"),
            Map.entry("CT", "COURT"),
            Map.entry("GDNS", "GARDENS"),
            Map.entry("GDN", "GARDEN"),
            Map.entry("PK", "PARK"),
            Map.entry("WY", "WAY"),
            Map.entry("HO", "HOUSE"),
            Map.entry("RW", "ROW"),
            Map.entry("PDE", "PARADE"),
            Map.entry("BLVD", "BOULEVARD"),
            Map.entry("CTGS", "COTTAGES"),
            Map.entry("HTS", "HEIGHTS"),
            Map.entry("MWS", "MEWS"),
            Map.entry("WLK", "WALK"),
            Map.entry("APT", "FLAT"),
            Map.entry("APARTMENT", "FLAT"),
            Map.entry("UNIT", "FLAT"));

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
        var encoder = new DoubleMetaphone();
        encoder.setMaxCodeLen(6);
        return encoder;
    });

    private Standardise() {}

    /**
     * A name in upper-case ASCII letters and single spaces: accents dropped, apostrophes and dots
     * removed, hyphens and other punctuation made spaces, titles dropped, "Mc" written "Mac".
     * Null for a blank name.
     */
    public static String name(String raw) {
        if (raw == null) {
            return null;
        }
        var folded = Normalizer.normalize(raw, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("['’`.]", "")
                .replaceAll("[^A-Z]+", " ")
                .strip();
        if (folded.isEmpty()) {
            return null;
        }
        var tokens = new ArrayList<String>();
        for (var token : folded.split(" ")) {
            if (tokens.isEmpty() && TITLES.contains(token) && folded.contains(" ")) {
                continue;
            }
            tokens.add(token.startsWith("MC") ? "MAC" + token.substring(2) : token);
        }
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** The words of a standardised name ("ARCHER SMITH" gives ARCHER and SMITH). */
    public static List<String> tokens(String standardName) {
        return standardName == null ? List.of() : List.of(standardName.split(" "));
    }

    /** The first word of a standardised given name (the one people are called by). */
    public static String first(String standardName) {
        if (standardName == null) {
            return null;
        }
        var space = standardName.indexOf(' ');
        return space < 0 ? standardName : standardName.substring(0, space);
    }

    /** A standardised family name with its words run together: double-barrelled names compare whole. */
    public static String joined(String standardName) {
        return standardName == null ? null : standardName.replace(" ", "");
    }

    /** The Double Metaphone key of a standardised word (up to 6 characters), or null. */
    public static String phonetic(String word) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        var code = METAPHONE.get().doubleMetaphone(word);
        return code == null || code.isEmpty() ? word : code;
    }

    /** A postcode in upper case without spaces ("yo31 3cc" gives YO313CC), or null. */
    public static String postcode(String raw) {
        if (raw == null) {
            return null;
        }
        var compact = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return compact.length() < 5 || compact.length() > 7 ? (compact.isEmpty() ? null : compact) : compact;
    }

    /** The outward code (district) of a compact postcode: YO313CC gives YO31. */
    public static String district(String compactPostcode) {
        if (compactPostcode == null || compactPostcode.length() < 5) {
            return null;
        }
        return compactPostcode.substring(0, compactPostcode.length() - 3);
    }

    /**
     * An address line in upper case with punctuation gone, street abbreviations written out
     * ("Rd" is ROAD, "St" at the end STREET but SAINT before a name) and flats written one way:
     * "Flat 2, 14 Example Rd", "Apartment 2 14 Example Road" and "2/14 Example Road" all give
     * "FLAT 2 14 EXAMPLE ROAD".
     */
    public static String addressLine(String raw) {
        if (raw == null) {
            return null;
        }
        var text = Normalizer.normalize(raw, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("['’`.]", "");
        // "2/14" is flat 2 at number 14
        text = text.replaceAll("\\b(\\d+[A-Z]?)\\s*/\\s*(\\d+[A-Z]?)\\b", "FLAT $1 $2");
        text = text.replaceAll("[^A-Z0-9]+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        var words = text.split(" ");
        var out = new ArrayList<String>();
        for (int i = 0; i < words.length; i++) {
            var word = words[i];
            var expanded = STREET_WORDS.get(word);
            if ("ST".equals(word) && i + 1 < words.length && !words[i + 1].matches("\\d.*")) {
                expanded = "SAINT";
            }
            out.add(expanded == null ? word : expanded);
        }
        return String.join(" ", out);
    }

    /**
     * The key an address resolves on when it has no UPRN: postcode and first line, standardised.
     * Null without a postcode or a first line.
     */
    public static String addressKey(String line1, String line2, String postcode) {
        var code = postcode(postcode);
        var first = addressLine(line1);
        if (first != null && first.matches("FLAT \\S+") && line2 != null) {
            // "Flat 2" / "14 Example Road" on two lines
            var second = addressLine(line2);
            first = second == null ? first : first + " " + second;
        }
        return code == null || first == null ? null : code + "|" + first;
    }
}
