package uk.safeguarding.explorer.model;

import java.util.Locale;

/**
 * Code-list values as the sentences of the answers say them (a chronology entry, a family change),
 * in one place so that a meeting or a concern reads the same wherever it is named: most values in
 * lower case with spaces ({@code HALF_SIBLING} is "half sibling"), abbreviations kept and a few
 * spelt out ({@code HSB} is "harmful sexual behaviour").
 */
public final class Wording {

    private Wording() {}

    /** A code-list value in words; "" for none. */
    public static String words(String constant) {
        if (constant == null) {
            return "";
        }
        return switch (constant) {
            case "HSB" -> "harmful sexual behaviour";
            case "AIM3", "CAMHS", "MAPPA" -> constant;
            case "ICPC" -> "initial child protection conference";
            case "REVIEW_CPC" -> "review child protection conference";
            case "CSA_VICTIM" -> "victim of child sexual abuse";
            default -> constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** A meeting of a kind ({@link MeetingKind}) in words: "strategy meeting", "initial child protection conference". */
    public static String meeting(String kind) {
        if (kind == null) {
            return "meeting";
        }
        return switch (kind) {
            case "ICPC", "REVIEW_CPC" -> words(kind);
            default -> words(kind) + " meeting";
        };
    }

    /** The text with its first letter in capitals, to begin a sentence. */
    public static String capital(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
