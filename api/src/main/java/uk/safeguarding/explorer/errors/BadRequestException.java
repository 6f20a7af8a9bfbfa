package uk.safeguarding.explorer.errors;

/** A GraphQL argument is out of range or malformed; the message names the argument. */
public class BadRequestException extends RuntimeException {

    private final String argument;
    private final String reason;

    public BadRequestException(String argument, String reason) {
        super("Argument '" + argument + "' " + reason);
        this.argument = argument;
        this.reason = reason;
    }

    public String argument() {
        return argument;
    }

    /** What is wrong with the argument, without its name (a page says it in its own words). */
    public String reason() {
        return reason;
    }
}
