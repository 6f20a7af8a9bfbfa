package uk.safeguarding.explorer.errors;

/**
 * No record with the given id, or none the user may see: the answer is the same, so that a refusal
 * never tells whether a hidden record exists. Mapped to the GraphQL error type {@code NOT_FOUND}.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** No person with the id (or none the user may see). */
    public static NotFoundException person(String id) {
        return of("person", id);
    }

    /** No record of the kind (in words: "action", "marker", "break-glass grant") with the id. */
    public static NotFoundException of(String kind, String id) {
        return new NotFoundException("No " + kind + " with id '" + id + "'");
    }
}
