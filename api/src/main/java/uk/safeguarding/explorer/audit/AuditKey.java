package uk.safeguarding.explorer.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The secret that signs the audit chain's head and checkpoints (HMAC-SHA256), so that someone who
 * can write to the database but does not hold the key cannot rewrite the log and make it verify.
 * {@code EXPLORER_AUDIT_KEY} (at least 32 characters) is the key when set: kept apart from the
 * database (a secrets store), and the same on every instance that shares one database; production
 * on an external database ({@code NEO4J_URI}) refuses to start without it. Without it the embedded
 * database's instance creates a random key on first start in {@code audit.key} in the data
 * directory (readable by the owner only): anyone who can read the store's directory can read the
 * key too. Local mode on an external database (development, tests) keeps a random key in the
 * database itself, shared by its instances but no protection against whoever can read it.
 */
@Component
public class AuditKey {

    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    /** The key file in the embedded data directory (carried by a backup). */
    public static final String FILE = "audit.key";

    static final int MIN_CONFIGURED_LENGTH = 32;

    private final Supplier<SecretKeySpec> key;

    @Autowired
    AuditKey(
            @Value("${explorer.audit.key:}") String configured,
            @Value("${explorer.data-dir:./data}") Path dataDir,
            @Value("${neo4j.uri:}") String externalUri,
            @Value("${explorer.mode}") String mode,
            Graph graph) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("EXPLORER_AUDIT_KEY must be at least " + MIN_CONFIGURED_LENGTH
                        + " characters (a random secret, e.g. `openssl rand -base64 32`)");
            }
            var fixed = spec(configured.strip().getBytes(StandardCharsets.UTF_8));
            this.key = () -> fixed;
        } else if (externalUri == null || externalUri.isBlank()) {
            var fromFile = spec(fromFile(dataDir.resolve(FILE)));
            this.key = () -> fromFile;
        } else if (ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode)) {
            LOG.warn("EXPLORER_AUDIT_KEY is not set: in local mode the audit log is signed with a key kept in the "
                    + "database, which protects nothing against whoever can read it; set EXPLORER_AUDIT_KEY");
            this.key = memoized(() -> spec(Base64.getDecoder()
                    .decode(graph.inWriteTransaction(tx -> Graph.read(
                                    tx,
                                    "audit/signing-key",
                                    Map.of("candidate", randomKey()),
                                    r -> r.get("secret").asString()))
                            .get(0))));
        } else {
            throw new IllegalStateException("EXPLORER_AUDIT_KEY must be set in production with NEO4J_URI: every "
                    + "instance sharing the database signs the audit log with it (see the README, 'Audit')");
        }
    }

    private AuditKey(String secret) {
        var fixed = spec(secret.getBytes(StandardCharsets.UTF_8));
        this.key = () -> fixed;
    }

    /**
     * The key the explorer will use on a data directory being restored: {@code EXPLORER_AUDIT_KEY}
     * when set, else the {@code audit.key} the backup carries ({@code keyFile}, its text, or null);
     * empty when neither is there. The restore checks with it that the log it restores was signed
     * with it ({@link #signedCheckpoint}) and signs the head it rebuilds ({@link #signHead}).
     */
    public static java.util.Optional<AuditKey> forRestore(String configured, String keyFile) {
        if (configured != null && !configured.isBlank()) {
            return java.util.Optional.of(new AuditKey(configured.strip()));
        }
        if (keyFile != null) {
            return java.util.Optional.of(new AuditKey(spec(fromText(keyFile, FILE + " in the backup"))));
        }
        return java.util.Optional.empty();
    }

    /** The signature of the head at the place and hash given. */
    public String signHead(long seq, String hash) {
        return sign(headText(seq, hash));
    }

    /**
     * Whether this key signed the checkpoint at the place given (its hash, time, kind and signature as
     * stored): false for a checkpoint altered or signed with another key.
     */
    public boolean signedCheckpoint(long seq, String hash, ZonedDateTime at, String kind, String signature) {
        return verifies(
                checkpointText(seq, hash, at == null ? "" : at.toInstant().toString(), kind), signature);
    }

    /** The same for a checkpoint node as stored ({@code :AuditCheckpoint}). */
    boolean signedCheckpoint(org.neo4j.driver.Value c) {
        return signedCheckpoint(
                c.get("seq").asLong(),
                Views.string(c, "hash"),
                c.get("at").isNull() ? null : c.get("at").asZonedDateTime(),
                Views.string(c, "kind"),
                Views.string(c, "signature"));
    }

    private AuditKey(SecretKeySpec fixed) {
        this.key = () -> fixed;
    }

    /** A key of its own, for tests that stand for another instance or another key. */
    static AuditKey of(String secret) {
        return new AuditKey(secret);
    }

    private static SecretKeySpec spec(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String randomKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        var value = new AtomicReference<T>();
        return () -> {
            var known = value.get();
            if (known == null) {
                known = supplier.get();
                value.compareAndSet(null, known);
            }
            return known;
        };
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(
                            file,
                            randomKey() + "\n",
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    ownerOnly(file);
                    LOG.info("Created the audit signing key {} (set EXPLORER_AUDIT_KEY to keep it elsewhere)", file);
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: read theirs
                }
            }
            return fromText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + file, e);
        }
    }

    private static byte[] fromText(String text, String where) {
        try {
            var decoded = Base64.getDecoder().decode(text.strip());
            if (decoded.length < 32) {
                throw new IllegalStateException(where + " does not hold a 32-byte base64 key");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " does not hold a base64 key", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // file systems without POSIX permissions rely on the directory's protection
        }
    }

    /** The HMAC-SHA256 of the text under the key, in hex. */
    String sign(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key.get());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature is this key's signature of the text (compared in constant time). */
    boolean verifies(String text, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a head's signature covers. */
    static String headText(long seq, String hash) {
        return "head|" + seq + "|" + hash;
    }

    /** What a checkpoint's signature covers. */
    static String checkpointText(long seq, String hash, String at, String kind) {
        return "checkpoint|" + seq + "|" + hash + "|" + at + "|" + kind;
    }
}
