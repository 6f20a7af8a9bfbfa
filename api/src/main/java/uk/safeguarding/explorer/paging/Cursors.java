package uk.safeguarding.explorer.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import uk.safeguarding.explorer.errors.BadRequestException;

/**
 * Opaque cursors: base64url of the list's name and the key of the last item shown (an id or a
 * sequence number the user has already seen, never a position, so a cursor tells nothing of the
 * people hidden from the user). A cursor of another list, or anything that is not a cursor, is
 * BAD_REQUEST naming {@code after}.
 */
public final class Cursors {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 600;

    private Cursors() {}

    public static String encode(String list, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + ":" + list + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor of this list names. */
    public static String decode(String list, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid(list);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(list);
        }
        var prefix = VERSION + ":" + list + ":";
        if (!text.startsWith(prefix) || text.length() == prefix.length()) {
            throw invalid(list);
        }
        return text.substring(prefix.length());
    }

    /** The key of a cursor of this list that must be a whole number (a sequence number). */
    public static long decodeNumber(String list, String cursor) {
        try {
            return Long.parseLong(decode(list, cursor));
        } catch (NumberFormatException e) {
            throw invalid(list);
        }
    }

    private static BadRequestException invalid(String list) {
        return new BadRequestException("after", "is not a cursor of " + list + " (use a pageInfo.endCursor of it)");
    }
}
