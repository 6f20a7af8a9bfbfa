package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The explorer's error pages: marked, in words, one per kind of failure, nothing left unfilled. */
class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void eachKindOfFailureHasItsOwnWordsOnAMarkedPage() {
        assertThat(pages.page(HttpStatus.NOT_FOUND)).contains("<h1 id=\"error-title\">Page not found</h1>");
        assertThat(pages.page(HttpStatus.INTERNAL_SERVER_ERROR)).contains("Something went wrong", "IT service desk");
        assertThat(pages.page(HttpStatus.SERVICE_UNAVAILABLE)).contains("Something went wrong");
        assertThat(pages.page(HttpStatus.METHOD_NOT_ALLOWED)).contains("This page cannot be shown");
        for (var status : new HttpStatus[] {HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST, HttpStatus.BAD_GATEWAY}) {
            assertThat(pages.page(status))
                    .contains("OFFICIAL-SENSITIVE", "href=\"/\"")
                    .doesNotContain("{{");
        }
    }
}
