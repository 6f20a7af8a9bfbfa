package uk.safeguarding.explorer.risk.rules;

/**
 * One of the twelve rules of DESIGN §6: its number and code, the statements it reads (one over the
 * whole area, one that starts from the people asked about by index seek) and the sentence of each
 * flag, written from typed findings. Spring finds every rule; {@link RiskRules} runs them.
 */
interface RiskRule {

    /** The rule's number, 1 to 12 (DESIGN §6). */
    int number();

    /** The code its flags carry (contract {@code RiskFlag.code}). */
    String code();

    /** Reads what the rule needs in the context's transaction and raises its flags there. */
    void raise(RuleContext context);
}
