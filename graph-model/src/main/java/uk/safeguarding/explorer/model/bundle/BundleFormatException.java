package uk.safeguarding.explorer.model.bundle;

/** The bundle as a whole is not of the bundle format (DESIGN §4): nothing in it can be read. */
public class BundleFormatException extends RuntimeException {

    public BundleFormatException(String message) {
        super(message);
    }
}
