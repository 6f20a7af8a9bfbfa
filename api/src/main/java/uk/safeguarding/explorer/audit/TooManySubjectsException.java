package uk.safeguarding.explorer.audit;

import uk.safeguarding.explorer.errors.BadRequestException;

/**
 * A request would name more people than one request may (each of them an audit event): it is
 * refused whole, answering no data, so that one request cannot flood the audit log.
 */
public class TooManySubjectsException extends BadRequestException {

    TooManySubjectsException(int maxSubjects) {
        super(
                "request",
                "would show or record more than " + maxSubjects + " people; ask for fewer "
                        + "(fewer ids, fields or aliases in one request)");
    }

    /** The sentence for the client, not about one argument but about the whole request. */
    static String sentence(int maxSubjects, long reached) {
        return "The request was refused: it would show or record more than " + maxSubjects + " people (at least "
                + reached + "); nothing was returned. Ask for fewer in one request (fewer ids, fields or aliases).";
    }
}
