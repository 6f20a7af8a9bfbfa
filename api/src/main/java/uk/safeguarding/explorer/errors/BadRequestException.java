package uk.safeguarding.explorer.errors;

/** A GraphQL argument is out of range or malformed; the message names the argument. */
public class BadRequestException extends RuntimeException {

    private final String argument;

    public BadRequestException(String argument, String reason) {
        super("Argument '" + argument + "' " + reason);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
