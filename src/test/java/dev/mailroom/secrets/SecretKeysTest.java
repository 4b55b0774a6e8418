package dev.mailroom.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void keyFileIsCreatedOnceAndReused() throws IOException {
        Path keyFile = dataDir.resolve("secret.key");

        SecretKey first = SecretKeys.load(new SecretsProperties(null), dataDir);
        String written = Files.readString(keyFile);
        SecretKey second = SecretKeys.load(new SecretsProperties(""), dataDir);

        assertThat(first.getEncoded()).hasSize(32).isEqualTo(second.getEncoded());
        assertThat(Files.readString(keyFile)).isEqualTo(written);
        assertThat(Base64.getDecoder().decode(written.trim())).isEqualTo(first.getEncoded());
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(keyFile);
        }
    }

    @Test
    void secretsSurviveARestartWithTheSameKeyFile() {
        String sealed = new SecretBox(SecretKeys.load(new SecretsProperties(null), dataDir)).encrypt("mailbox password");

        SecretBox afterRestart = new SecretBox(SecretKeys.load(new SecretsProperties(null), dataDir));

        assertThat(afterRestart.decrypt(sealed)).isEqualTo("mailbox password");
    }

    @Test
    void keyFileIsReadableByTheOwnerOnly() throws IOException {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        SecretKeys.load(new SecretsProperties(null), dataDir.resolve("nested"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("nested/secret.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void configuredKeyWinsAndNoFileIsWritten() {
        byte[] raw = new byte[32];
        raw[0] = 42;

        SecretKey key = SecretKeys.load(new SecretsProperties(Base64.getEncoder().encodeToString(raw)), dataDir);

        assertThat(key.getEncoded()).isEqualTo(raw);
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void configuredKeyOfTheWrongSizeIsRefusedWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

        assertThatThrownBy(() -> SecretKeys.load(new SecretsProperties(shortKey), dataDir))
                .hasMessageContaining("mailroom.secrets.key decodes to 16 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretKeys.load(new SecretsProperties("not base64 at all!"), dataDir))
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void damagedKeyFileIsReported() throws IOException {
        Files.writeString(dataDir.resolve("secret.key"), "too short\n");

        assertThatThrownBy(() -> SecretKeys.load(new SecretsProperties(null), dataDir))
                .hasMessageContaining("The key file " + dataDir.resolve("secret.key"));
    }
}
