package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;

/**
 * A person's birth and death days, as a flag that rests on their being a child keeps them: a reader
 * who may not see the person knows their childhood in whole months only
 * ({@link uk.safeguarding.explorer.security.Visibility#childOn}), so the flag is judged again for
 * each reader.
 */
public record Lifetime(String id, LocalDate born, LocalDate died) {}
