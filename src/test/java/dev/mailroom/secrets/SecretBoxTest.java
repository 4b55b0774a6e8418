package dev.mailroom.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(randomKey());

    @Test
    void roundTrip() {
        String sealed = box.encrypt("Pässwörd with ünïcode ✓");

        assertThat(box.decrypt(sealed)).isEqualTo("Pässwörd with ünïcode ✓");
    }

    @Test
    void storedFormIsVersionedAndDoesNotContainThePlaintext() {
        String sealed = box.encrypt("hunter2-hunter2");

        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        assertThat(raw).hasSize(12 + "hunter2-hunter2".length() + 16);
    }

    @Test
    void sameSecretEncryptsDifferentlyEachTime() {
        String first = box.encrypt("same");
        String second = box.encrypt("same");

        assertThat(first).isNotEqualTo(second);
        byte[] firstIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(first.substring(3)), 12);
        byte[] secondIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12);
        assertThat(firstIv).isNotEqualTo(secondIv);
        assertThat(box.decrypt(first)).isEqualTo(box.decrypt(second)).isEqualTo("same");
    }

    @Test
    void changedByteFailsClearly() {
        String sealed = box.encrypt("top secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String stored = "v1:" + Base64.getEncoder().encodeToString(tampered);

            assertThatThrownBy(() -> box.decrypt(stored))
                    .isInstanceOf(SecretDecryptionException.class)
                    .hasMessageContaining("integrity check")
                    .hasMessageNotContaining("top secret");
        }
    }

    @Test
    void otherKeyCannotDecrypt() {
        String sealed = box.encrypt("top secret");

        assertThatThrownBy(() -> new SecretBox(randomKey()).decrypt(sealed))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("different key");
    }

    @Test
    void unknownFormatsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> box.decrypt("plain-password"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("not in a known format")
                .hasMessageNotContaining("plain-password");
        assertThatThrownBy(() -> box.decrypt("v1:not base64!"))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> box.decrypt("v1:AAAA"))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("too short");
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new SecretBox(new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedKeysDependOnPurposeAndInstallationKeyButAreStable() {
        SecretKey key = randomKey();
        SecretBox same = new SecretBox(key);
        SecretBox again = new SecretBox(key);

        assertThat(same.derivedKey("thread-ids").getEncoded()).hasSize(32)
                .isEqualTo(again.derivedKey("thread-ids").getEncoded())
                .isNotEqualTo(same.derivedKey("other").getEncoded())
                .isNotEqualTo(key.getEncoded())
                .isNotEqualTo(box.derivedKey("thread-ids").getEncoded());
    }

    static SecretKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}
