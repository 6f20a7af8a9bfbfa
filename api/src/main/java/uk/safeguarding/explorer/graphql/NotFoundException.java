package uk.safeguarding.explorer.graphql;

/** No record with the given id (or none the user may see: the answer is the same). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
