package uk.safeguarding.explorer.risk.rules;

/**
 * What a rule found, as typed facts (people by id, dates, periods), able to write its own sentence
 * once the caller knows how each person may be named: a person the user may not see is never
 * named, so the sentence is written only after need-to-know has decided.
 */
public interface Finding {

    /** The flag's sentence, naming each person through {@code name} (an id to the words for them). */
    String sentence(Names name);
}
