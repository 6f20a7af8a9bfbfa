package uk.safeguarding.explorer.risk.rules;

/**
 * The two statements of a rule's read: {@code risk/<name>} over the whole area, and
 * {@code risk/<name>-people} starting from the people asked about by index seek (so that asking
 * about a network costs in proportion to it). Both give the same rows for those people.
 */
record Statements(String area, String people) {

    static Statements named(String name) {
        return new Statements("risk/" + name, "risk/" + name + "-people");
    }
}
