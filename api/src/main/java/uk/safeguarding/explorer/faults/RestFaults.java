package uk.safeguarding.explorer.faults;

import java.util.Map;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;
import uk.safeguarding.explorer.errors.QueryTimeoutException;

/**
 * The faults of the REST endpoints ({@code /api/**}) as plain sentences: the database cannot be
 * reached → 503 with {@code Retry-After}; a question that ran out of time → 503 too (the service is
 * not able to answer it now), classification {@code TIMEOUT}. The body has the same shape as the
 * other REST errors: {@code {"error": ..., "message": ...}}.
 */
@RestControllerAdvice
class RestFaults {

    private static final Logger LOG = LoggerFactory.getLogger(RestFaults.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({
        DatabaseUnavailableException.class,
        ServiceUnavailableException.class,
        SessionExpiredException.class
    })
    ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
        var message =
                e instanceof DatabaseUnavailableException ? e.getMessage() : DatabaseUnavailableException.SENTENCE;
        LOG.warn("Request failed: {}", message);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Map.of("error", "UNAVAILABLE", "message", message));
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<Map<String, String>> timeout(QueryTimeoutException e) {
        LOG.warn("Request stopped: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "TIMEOUT", "message", e.getMessage()));
    }
}
