package uk.safeguarding.explorer.model;

import java.util.regex.Pattern;

/** Police National Computer id: {@code YYYY/NNNNNNN} plus a check letter (DOMAIN.md). */
public final class PncId {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}/?\\d{7}[A-Z]");

    private PncId() {}

    public static boolean isValid(String raw) {
        return raw != null && FORMAT.matcher(raw).matches();
    }
}
