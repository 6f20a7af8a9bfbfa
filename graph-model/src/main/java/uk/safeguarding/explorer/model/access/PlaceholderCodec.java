package uk.safeguarding.explorer.model.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque id of a hidden person inside an answer (a {@code RESTRICTED_PERSON} placeholder,
 * DESIGN §7 "Hidden is not absent"): valid only for one user of one agency on one day, the same
 * everywhere it appears for them that day (so that the explorer can join it up), and useless to
 * anyone else or on another day. The server reads it back (to address an information request or
 * break the glass) without keeping any state, so it works across restarts and instances that share
 * the secret.
 *
 * <p>The construction is synthetic-IV deterministic authenticated encryption (the SIV idea of RFC
 * 5297, with HMAC-SHA256 as the PRF and AES-CTR as the cipher): the tag is an HMAC, under one key
 * derived from the secret, of the user, agency, day and padded real id; the real id is encrypted
 * under a second key with the tag as the counter's start. Reading it back decrypts, recomputes the
 * tag for the reader's own user, agency and day and compares in constant time, so a placeholder
 * from someone else or from another day is simply unknown. Ids are padded to 32 bytes so that the
 * length gives little away.
 */
public final class PlaceholderCodec {

    public static final String PREFIX = "rp-";
    private static final int TAG = 16;
    private static final int BLOCK = 32;
    private static final int MAX_ID_BYTES = 4_000;

    private final SecretKeySpec macKey;
    private final SecretKeySpec encryptionKey;

    /** @param secret the server secret, at least 16 bytes */
    public PlaceholderCodec(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the placeholder secret must be at least 16 bytes");
        }
        this.macKey = new SecretKeySpec(derive(secret, "explorer placeholder tag"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(derive(secret, "explorer placeholder cipher"), "AES");
    }

    /** The placeholder of a real person id for this user and agency on this day. */
    public String encode(String user, String agency, LocalDate day, String realId) {
        var plain = pad(realId.getBytes(StandardCharsets.UTF_8));
        var tag = tag(user, agency, day, plain);
        var out = ByteBuffer.allocate(TAG + plain.length)
                .put(tag)
                .put(ctr(tag, plain))
                .array();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The real id behind a placeholder made for this user and agency on this day; empty for anything else. */
    public Optional<String> decode(String user, String agency, LocalDate day, String placeholderId) {
        if (placeholderId == null || !placeholderId.startsWith(PREFIX) || placeholderId.length() > 8_000) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(placeholderId.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < TAG + BLOCK || (raw.length - TAG) % BLOCK != 0) {
            return Optional.empty();
        }
        var tag = Arrays.copyOfRange(raw, 0, TAG);
        var plain = ctr(tag, Arrays.copyOfRange(raw, TAG, raw.length));
        if (!MessageDigest.isEqual(tag, tag(user, agency, day, plain))) {
            return Optional.empty();
        }
        var length = ((plain[0] & 0xff) << 8) | (plain[1] & 0xff);
        if (length > plain.length - 2) {
            return Optional.empty();
        }
        return Optional.of(new String(plain, 2, length, StandardCharsets.UTF_8));
    }

    /** Whether a text has the shape of a placeholder (it may still be unknown to the reader). */
    public static boolean looksLikePlaceholder(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    private byte[] tag(String user, String agency, LocalDate day, byte[] plain) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            for (var part : new String[] {nz(user), nz(agency), day.toString()}) {
                var bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            mac.update(plain);
            return Arrays.copyOf(mac.doFinal(), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] ctr(byte[] tag, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(tag));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available", e);
        }
    }

    /** Two length bytes, the id, zeros up to a multiple of 32 bytes. */
    private static byte[] pad(byte[] id) {
        if (id.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("a person id of " + id.length + " bytes is too long for a placeholder");
        }
        var size = ((id.length + 2 + BLOCK - 1) / BLOCK) * BLOCK;
        return ByteBuffer.allocate(size).putShort((short) id.length).put(id).array();
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
