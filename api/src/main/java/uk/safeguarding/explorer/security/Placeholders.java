package uk.safeguarding.explorer.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.model.access.PlaceholderCodec;

/**
 * The opaque ids of hidden people inside answers ({@code RESTRICTED_PERSON} placeholders): one id
 * per hidden person, user and day, read back by {@code requestInformation} and {@code breakGlass}.
 * The secret is {@code EXPLORER_PLACEHOLDER_SECRET} (at least 16 characters); when unset a random one
 * is made at every start, so placeholders stop working at a restart, and several instances behind a
 * load balancer must share one.
 */
@Component
public class Placeholders {

    private static final Logger LOG = LoggerFactory.getLogger(Placeholders.class);

    private final PlaceholderCodec codec;

    Placeholders(@Value("${explorer.placeholder-secret:}") String secret) {
        if (secret.isBlank()) {
            var random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.codec = new PlaceholderCodec(random);
            LOG.info("EXPLORER_PLACEHOLDER_SECRET is not set: placeholders of hidden people are valid until the "
                    + "next start of this instance only");
        } else {
            var bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                throw new IllegalStateException("EXPLORER_PLACEHOLDER_SECRET must be at least 16 characters");
            }
            this.codec = new PlaceholderCodec(bytes);
        }
    }

    /** The placeholder of a hidden person for this user on this day. */
    public String idFor(ExplorerPrincipal user, LocalDate day, String personId) {
        return codec.encode(user.username(), user.agency(), day, personId);
    }

    /** The hidden person behind a placeholder made for this user on this day; empty for any other. */
    public Optional<String> personId(ExplorerPrincipal user, LocalDate day, String placeholderId) {
        return codec.decode(user.username(), user.agency(), day, placeholderId);
    }
}
