package uk.safeguarding.explorer.backup;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/backup} (admin): writes an online backup into {@code EXPLORER_BACKUP_DIR} and
 * answers {@code {"file": "<path>"}}.
 */
@RestController
class BackupController {

    private final BackupService service;

    BackupController(BackupService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/backup", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> backup() {
        return Map.of("file", service.backup().file().toString());
    }
}
