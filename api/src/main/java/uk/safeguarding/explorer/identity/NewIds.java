package uk.safeguarding.explorer.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ids of the persons and addresses that agency extracts make (and a steward's split): opaque, so
 * that an id tells nobody which agency's record made it (review 91: the address id "probation:NA1" told
 * a teacher that probation gave the family's address, and so that probation manages someone there),
 * and the same for the same record, so that what an id names does not depend on when it was made.
 * Records keep their own key ({@code source:localId}), which only stewards and the record's own
 * agency read.
 */
public final class NewIds {

    private NewIds() {}

    /** The id of the person an agency's record makes: {@code p-} and 16 hexadecimal digits. */
    public static String person(String source, String localId) {
        return "p-" + digest("person", source, localId);
    }

    /** The id of the address an agency's address record makes: {@code a-} and 16 hexadecimal digits. */
    public static String address(String source, String localId) {
        return "a-" + digest("address", source, localId);
    }

    /**
     * An extract record's id ({@code source:localId}) as told to a reader who may not be told its source:
     * {@code restricted-} and 16 hexadecimal digits, the same for the same record.
     */
    public static String restricted(String recordId) {
        return "restricted-" + digest("record", "", recordId);
    }

    private static String digest(String kind, String source, String localId) {
        try {
            var bytes = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "\n" + source + "\n" + localId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(bytes, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
