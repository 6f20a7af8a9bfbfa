package uk.safeguarding.explorer.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in (name, role, agency) and the mode, so that the page can
 * say who printed a meeting pack and mark fictional demo data.
 */
@RestController
class MeController {

    private final String mode;

    MeController(@Value("${explorer.mode}") String mode) {
        this.mode = mode;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        var me = new LinkedHashMap<String, Object>();
        me.put("username", authentication.getName());
        if (authentication.getPrincipal() instanceof ExplorerPrincipal user) {
            me.put("role", user.role().name());
            me.put("agency", user.agency());
        } else {
            me.put(
                    "role",
                    authentication.getAuthorities().stream()
                            .map(a -> a.getAuthority().replace("ROLE_", ""))
                            .findFirst()
                            .orElse(null));
            me.put("agency", null);
        }
        me.put("mode", mode);
        return me;
    }
}
