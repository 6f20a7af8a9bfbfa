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
    static final String FILE = "audit.key";
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
     * The signature of a head at the place and hash given under the key the explorer will use on this
     * embedded data directory ({@code EXPLORER_AUDIT_KEY} when set, else the directory's
     * {@code audit.key}), for the restore, which rebuilds the head; empty when neither is there.
     */
    public static java.util.Optional<String> headSignature(String configured, Path dataDir, long seq, String hash) {
        AuditKey key;
        if (configured != null && !configured.isBlank()) {
            key = new AuditKey(configured.strip());
        } else if (Files.exists(dataDir.resolve(FILE))) {
            key = new AuditKey(spec(fromFile(dataDir.resolve(FILE))));
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(key.sign(headText(seq, hash)));
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
            var decoded = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (decoded.length < 32) {
                throw new IllegalStateException(file + " does not hold a 32-byte base64 key");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a base64 key", e);
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
