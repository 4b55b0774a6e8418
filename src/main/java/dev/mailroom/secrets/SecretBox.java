package dev.mailroom.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (mailbox passwords, later OAuth tokens) for storage with AES-256-GCM.
 * Stored form: {@code v1:<base64(12-byte random IV ‖ ciphertext ‖ 16-byte tag)>}. The version prefix leaves room for
 * another algorithm or key later; GCM's tag makes any change to the stored value fail instead of decrypting to garbage.
 */
public class SecretBox {

    static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretKey key) {
        if (key.getEncoded().length != SecretKeys.KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes");
        }
        this.key = key;
    }

    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    public String decrypt(String stored) {
        byte[] bytes = decode(stored);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("A stored secret failed its integrity check: it was changed, "
                    + "or encrypted with a different key than the current mailroom.secrets.key / secret.key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /**
     * A 256-bit HmacSHA256 key for one purpose (e.g. signing Message-IDs), derived from the installation's key
     * (HKDF-Expand, one block, with the purpose as info): features get their own key without seeing the secret one,
     * and a signature made for one purpose is worthless for another.
     */
    public SecretKey derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(("mailroom/" + purpose).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return new SecretKeySpec(mac.doFinal(), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static byte[] decode(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new SecretDecryptionException("A stored secret is not in a known format (expected " + VERSION + "…)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("A stored secret is not valid base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("A stored secret is too short to be " + VERSION + " AES-GCM");
        }
        return bytes;
    }
}
