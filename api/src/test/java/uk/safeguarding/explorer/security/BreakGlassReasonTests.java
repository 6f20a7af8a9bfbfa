package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a break-glass reason an auditor can read: two different letters or digits at least. */
class BreakGlassReasonTests {

    @Test
    void aReasonInWordsSaysSomething() {
        assertThat(BreakGlassService.saysSomething("Strategy discussion today about Sara's safety"))
                .isTrue();
        assertThat(BreakGlassService.saysSomething("s47 enquiry")).isTrue();
        assertThat(BreakGlassService.saysSomething("ab")).isTrue();
    }

    @Test
    void oneCharacterRepeatedPunctuationOrOneLetterBetweenPunctuationSaysNothing() {
        assertThat(BreakGlassService.saysSomething("aaaaaaaaaaaaaaaaaaaa")).isFalse();
        assertThat(BreakGlassService.saysSomething("AaAaAaAaAaAaAaAaAaAa"))
                .as("case does not make a second letter")
                .isFalse();
        assertThat(BreakGlassService.saysSomething("!!!! .... ???? ----")).isFalse();
        assertThat(BreakGlassService.saysSomething("a.a.a.a.a.a.a.a.a.a")).isFalse();
        assertThat(BreakGlassService.saysSomething("")).isFalse();
    }
}
