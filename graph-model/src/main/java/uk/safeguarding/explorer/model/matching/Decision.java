package uk.safeguarding.explorer.model.matching;

import java.util.List;

/**
 * What the engine decided for one record: link it to a person ({@code IDENTIFIER} on an equal
 * valid identifier, {@code SCORE} at or above the link threshold) or make it a new person
 * ({@code NEW}), with the score and evidence of the link, the persons to queue for a steward's
 * review, and why they are queued instead of decided ({@code queued}; null when none is).
 */
public record Decision(LinkedBy linkedBy, String personId, Comparison link, List<Comparison> review, Queued queued) {

    /** How a record came to its person (contract, DESIGN §9). */
    public enum LinkedBy {
        IDENTIFIER,
        SCORE,
        REVIEW,
        NEW
    }

    /** Why a record's candidates wait for a steward instead of being decided by the engine. */
    public enum Queued {
        /** The best score is at or above the review threshold but below the link threshold. */
        BETWEEN_THRESHOLDS,
        /** Another person scores within the ambiguity margin of the best (twins, a father and son). */
        CLOSE_CALL,
        /**
         * The record has no date of birth (nor an identifier the person holds), and its extract does
         * not bound its age as a parent's: name, sex and address are shared by a father and his son.
         */
        NO_DATE_OF_BIRTH,
        /** The best match holds the record's NHS number, PNC id or UPN, but the dates of birth contradict. */
        IDENTIFIER_BUT_DATE_OF_BIRTH_DIFFERS,
        /** The best match is of the other sex (boy and girl twins of similar names look like this). */
        SEX_DIFFERS,
        /**
         * The best match already holds a record from the same agency with the same date of birth and
         * another given name: the agency has recorded twins (Leo and Leon), not one child twice.
         */
        TWIN_OF_AN_AGENCY_RECORD,
        /**
         * The given name is only a close spelling of the best match's, born the same day, and one
         * of them gives no sex: a typing slip, or a twin of the other sex nobody has recorded yet
         * (a school's Alexandra without a sex, and health's Alexander).
         */
        SIMILAR_NAME_SAME_BIRTHDAY,
        /** More than one person holds the record's NHS number, PNC id or UPN. */
        IDENTIFIER_HELD_BY_SEVERAL,
        /**
         * Another person than the best match holds the record's NHS number, PNC id or UPN, born on
         * another day: a wrong identifier, or that person's record with a wrong date of birth. Linked
         * by score, the best match would take that person's identifier.
         */
        IDENTIFIER_HELD_BY_ANOTHER,
        /**
         * Another record of the same extract, a different person by its identifiers or a twin born the
         * same day, matches the person as well.
         */
        CONTESTED_IN_EXTRACT,
        /**
         * The agency sent the record again with other matching fields (a corrected date of birth,
         * another NHS number) after it was linked, and weighed again against the person's other records
         * it would no longer be linked to them: the link stands until a steward keeps it (SAME) or
         * splits the record off (DIFFERENT).
         */
        CHANGED_SINCE_LINKED
    }

    /** A new person with the persons to queue, and why (null when none are queued). */
    public static Decision newPerson(List<Comparison> review, Queued queued) {
        return new Decision(LinkedBy.NEW, null, null, List.copyOf(review), review.isEmpty() ? null : queued);
    }
}
