package dev.mailroom.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the AES-256 key for {@link SecretBox}: the configured {@code mailroom.secrets.key}, or else the key file in
 * the data directory, created with owner-only permissions the first time it is needed and reused afterwards.
 * Error messages name where the key came from, never the key.
 */
public final class SecretKeys {

    public static final String KEY_FILE = "secret.key";
    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {
    }

    public static SecretKey load(SecretsProperties properties, Path dataDir) {
        if (properties.configured()) {
            log.info("Stored secrets are encrypted with the key from mailroom.secrets.key");
            return fromBase64(properties.key(), "mailroom.secrets.key");
        }
        return fromFile(dataDir.resolve(KEY_FILE));
    }

    public static SecretKey fromBase64(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64; it must be base64 of 32 random bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " decodes to " + bytes.length
                    + " bytes; an AES-256 key must be base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Reads the key file, creating it first if it does not exist yet. */
    public static SecretKey fromFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            warnIfReadableByOthers(keyFile);
            log.info("Stored secrets are encrypted with the key in {}", keyFile);
            return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII), "The key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
        }
    }

    /**
     * Writes a new key to a temporary file, then links it into place. Linking fails if another process created the
     * key file meanwhile, so two first starts never end up with two keys; the loser simply reads the winner's key.
     */
    private static void create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = posix(dir)
                ? Files.createTempFile(dir, "secret-", ".tmp", ownerOnly())
                : Files.createTempFile(dir, "secret-", ".tmp");
        try {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(keyFile, temp);
            } catch (FileAlreadyExistsException raced) {
                return;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                if (!Files.exists(keyFile)) {
                    Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            log.warn("Created a new encryption key for stored secrets in {}: back it up with the database, "
                    + "stored passwords cannot be decrypted without it", keyFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnIfReadableByOthers(Path keyFile) throws IOException {
        if (posix(keyFile.toAbsolutePath().getParent())) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("The key file {} is readable by other users ({}); restrict it with chmod 600", keyFile,
                        PosixFilePermissions.toString(permissions));
            }
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
