package uk.safeguarding.explorer.model;

/**
 * NHS number check (DOMAIN.md): ten digits; weights 10 down to 2 on the first nine digits,
 * check digit = 11 - (sum mod 11), where 11 becomes 0 and 10 means the number is invalid.
 */
public final class NhsNumber {

    private NhsNumber() {}

    /** Digits only, with the spaces people type ("943 476 5919") removed; {@code null} stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replace(" ", "").replace("-", "");
    }

    /** Why the number is not a valid NHS number, or {@code null} when it is. */
    public static String problem(String raw) {
        var digits = normalise(raw);
        if (digits == null || !digits.matches("\\d{10}")) {
            return "must be 10 digits";
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            return "fails the NHS number check digit";
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }
}
