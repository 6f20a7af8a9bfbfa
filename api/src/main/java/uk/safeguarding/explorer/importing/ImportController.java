package uk.safeguarding.explorer.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.identity.ExtractBusyException;
import uk.safeguarding.explorer.model.bundle.BundleFormatException;

/**
 * {@code POST /api/import} (contract): an administrator sends a bundle as {@code application/json}
 * and gets back what was imported and what was rejected, record by record. Oversized bodies get
 * 413 and unparseable JSON 400 naming the line and column, before anything is written.
 */
@RestController
class ImportController {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final BundleImportService service;
    private final long maxBytes;

    ImportController(BundleImportService service, @Value("${explorer.import.max-bytes:52428800}") long maxBytes) {
        this.service = service;
        this.maxBytes = maxBytes;
    }

    @PostMapping(
            path = "/api/import",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> importBundle(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            return tooLarge();
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JacksonException e) {
            var location = e.getLocation();
            var where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "error",
                            "BAD_REQUEST",
                            "message",
                            "The body is not valid JSON" + where + ": " + parserSentence(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            return ResponseEntity.badRequest().body(Map.of("error", "BAD_REQUEST", "message", "The body is empty"));
        }
        try {
            return ResponseEntity.ok(service.importBundle(tree));
        } catch (BundleFormatException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "BAD_REQUEST", "message", e.getMessage()));
        } catch (ExtractBusyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("error", "CONFLICT", "message", e.getMessage()));
        }
    }

    /**
     * What the parser says, without its own notes on where it was reading from (a start marker's
     * "[Source: REDACTED ...; byte offset: #UNKNOWN]"): the line and column are given already.
     */
    static String parserSentence(JacksonException e) {
        var message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return message.replaceAll("\\s*\\(start marker at \\[Source:.*?]\\)", "")
                .replaceAll("\\s*\\[Source:.*?]", "")
                .strip();
    }

    private ResponseEntity<?> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Map.of(
                        "error",
                        "PAYLOAD_TOO_LARGE",
                        "message",
                        "The bundle is larger than " + maxBytes + " bytes (EXPLORER_IMPORT_MAX_BYTES); "
                                + "split it into several bundles"));
    }
}
