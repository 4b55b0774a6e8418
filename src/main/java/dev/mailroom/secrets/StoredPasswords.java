package dev.mailroom.secrets;

import java.util.function.Supplier;

import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * The rules for a mail server's stored password: it is only sent to the host it was entered for, and one that no
 * longer decrypts (the key changed or was lost) is fixed by entering it again.
 */
public final class StoredPasswords {

    private StoredPasswords() {
    }

    /** Whatever {@code connection} builds from a stored password, or 409 Conflict telling the admin what to do. */
    public static <T> T decrypted(Supplier<T> connection) {
        try {
            return connection.get();
        } catch (SecretDecryptionException e) {
            throw new ConflictException("password", "The stored password cannot be decrypted with the current key "
                    + "(mailroom.secrets.key or secret.key in the data directory); enter the password again and save");
        }
    }

    /**
     * A stored password is only ever sent to the host it was entered for. Otherwise anyone allowed to edit the server
     * could point it at a host of their own and read the password there.
     */
    public static void requireSameHost(String savedHost, String host) {
        if (!savedHost.equalsIgnoreCase(host)) {
            throw new BadRequestException("password", "enter the password again: the host changed from " + savedHost
                    + ", and a stored password is only sent to the host it was entered for");
        }
    }
}
