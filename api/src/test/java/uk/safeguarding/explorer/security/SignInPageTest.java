package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sign-in page as the server fills it in: demo hints only where demo users exist, the token escaped. */
class SignInPageTest {

    private static final String TEMPLATE = """
            <form><input name="username"{{described}}><input name="_csrf" type="hidden" value="{{csrf}}"></form>
            <!--if error-->
            <div role="alert">That user name and password do not match.</div>
            <!--end error-->
            <!--if logout-->
            <div>You have signed out.</div>
            <!--end logout-->
            <!--if providerError-->
            <div role="alert">Signing in with your organisation's account did not work.</div>
            <!--end providerError-->
            <!--if form-->
            <p>form</p>
            <!--end form-->
            <!--if provider-->
            <a href="/oauth2/authorization/explorer">Sign in with your organisation's account</a>
            <!--end provider-->
            <!--if demo-->
            <section>Demo users: {{demoUsers}}.</section>
            <!--end demo-->
            """;

    @Test
    void noDemoUsersAreMentionedWhereThereAreNone() {
        var page = new SignInPage(TEMPLATE, false).render("t", false, false);
        assertThat(page).doesNotContainIgnoringCase("demo").doesNotContain("social-worker", "{{", "<!--");
        var local = new SignInPage(TEMPLATE, true).render("t", false, false);
        assertThat(local).contains("Demo users: admin, social-worker");
    }

    @Test
    void theErrorIsShownAndTiedToTheInputsOnlyAfterAFailedSignIn() {
        var page = new SignInPage(TEMPLATE, true);
        assertThat(page.render("t", false, false)).doesNotContain("role=\"alert\"", "aria-describedby", "signed out");
        assertThat(page.render("t", true, false))
                .contains("role=\"alert\"", "<input name=\"username\" aria-describedby=\"sign-in-error\"");
        assertThat(page.render("t", false, true))
                .contains("You have signed out")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void theTokenIsEscapedInTheForm() {
        assertThat(new SignInPage(TEMPLATE, false).render("a\"><b", false, false))
                .contains("name=\"_csrf\" type=\"hidden\" value=\"a&quot;&gt;&lt;b\"");
    }

    @Test
    void inProductionThePageOffersTheIdentityProviderAndSaysWhenSigningInThereFailed() {
        var page = new SignInPage(TEMPLATE, false);
        assertThat(page.render("t", false, false))
                .contains("href=\"/oauth2/authorization/explorer\"")
                .doesNotContain("<p>form</p>", "role=\"alert\"");
        assertThat(page.render("t", true, false))
                .contains("Signing in with your organisation's account did not work")
                .doesNotContain("user name and password");
        assertThat(new SignInPage(TEMPLATE, true).render("t", true, false))
                .contains("user name and password", "<p>form</p>")
                .doesNotContain("organisation's account");
    }
}
