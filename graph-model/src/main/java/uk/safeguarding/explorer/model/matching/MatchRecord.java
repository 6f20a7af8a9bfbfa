package uk.safeguarding.explorer.model.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person record in the standardised form the engine compares: names standardised
 * ({@link Standardise#name}), aliases as standardised full names, identifiers compact (a PNC id
 * without its slash). {@code addressIds} and {@code postcodes} are the resolved addresses the record's
 * own extract gives it (empty for stored records: a candidate's addresses are its person's).
 */
public record MatchRecord(
        String key,
        String givenName,
        String familyName,
        List<String> aliases,
        LocalDate dateOfBirth,
        String sex,
        String nhsNumber,
        String pncId,
        String upn,
        Set<String> addressIds,
        Set<String> postcodes) {

    private static final String SEPARATOR = "|";

    /** Standardises the fields of a record as an agency sent them. */
    public static MatchRecord of(
            String key,
            String givenName,
            String familyName,
            List<String> aliases,
            LocalDate dateOfBirth,
            String sex,
            String nhsNumber,
            String pncId,
            String upn) {
        var standardAliases = new ArrayList<String>();
        if (aliases != null) {
            for (var alias : aliases) {
                var name = Standardise.name(alias);
                if (name != null && !standardAliases.contains(name)) {
                    standardAliases.add(name);
                }
            }
        }
        return new MatchRecord(
                key,
                Standardise.name(givenName),
                Standardise.name(familyName),
                List.copyOf(standardAliases),
                dateOfBirth,
                sex == null || "UNKNOWN".equals(sex) ? null : sex,
                blankToNull(nhsNumber),
                pnc(pncId),
                upn == null ? null : blankToNull(upn.toUpperCase(Locale.ROOT)),
                Set.of(),
                Set.of());
    }

    /** The same record with the resolved addresses its extract gives it. */
    public MatchRecord at(Set<String> addressIds, Set<String> postcodes) {
        return new MatchRecord(
                key,
                givenName,
                familyName,
                aliases,
                dateOfBirth,
                sex,
                nhsNumber,
                pncId,
                upn,
                Set.copyOf(addressIds),
                Set.copyOf(postcodes));
    }

    /** A PNC id compact and upper case: 2001/0012345A and 20010012345a are one id. */
    public static String pnc(String raw) {
        return raw == null ? null : blankToNull(raw.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", ""));
    }

    /**
     * The blocking keys of the record, each backed by an index so that candidates are found by
     * index seeks and never by comparing all pairs: the date of birth; the family name's sound
     * and the birth year (catches swapped day and month, a wrong day or month); the given name's
     * full form and the family name's sound (catches a wrong year and a missing date of birth);
     * the given name's full form and the day and month of birth (catches a wrong year with a new
     * family name). A key needing a missing field is null.
     */
    public Map<String, String> blockingKeys(Nicknames nicknames) {
        var keys = new LinkedHashMap<String, String>();
        var given = Standardise.phonetic(nicknames.canonical(Standardise.first(givenName)));
        var family = Standardise.phonetic(Standardise.joined(familyName));
        keys.put("bkDob", dateOfBirth == null ? null : dateOfBirth.toString());
        keys.put("bkFamilyYear", family == null || dateOfBirth == null ? null : family + ":" + dateOfBirth.getYear());
        keys.put("bkNames", given == null || family == null || given.length() < 1 ? null : given + ":" + family);
        keys.put(
                "bkGivenDay",
                given == null || dateOfBirth == null
                        ? null
                        : given + ":" + dateOfBirth.toString().substring(5));
        return keys;
    }

    /**
     * The comparable fields as one compact text, stored on the source record so that candidates
     * come back from the database as one value each; {@link #fromSignature} reads it back.
     */
    public String signature() {
        return String.join(
                SEPARATOR,
                nz(givenName),
                nz(familyName),
                String.join(";", aliases),
                dateOfBirth == null ? "" : dateOfBirth.toString(),
                nz(sex),
                nz(nhsNumber),
                nz(pncId),
                nz(upn));
    }

    public static MatchRecord fromSignature(String key, String signature) {
        var parts = signature.split("\\|", -1);
        return new MatchRecord(
                key,
                blankToNull(parts[0]),
                blankToNull(parts[1]),
                parts[2].isEmpty() ? List.of() : List.of(parts[2].split(";")),
                parts[3].isEmpty() ? null : LocalDate.parse(parts[3]),
                blankToNull(parts[4]),
                blankToNull(parts[5]),
                blankToNull(parts[6]),
                blankToNull(parts[7]),
                Set.of(),
                Set.of());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
