package dev.mailroom.outgoing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

import dev.mailroom.secrets.SecretBox;

/**
 * The mark only this installation can put on the mail it sends: the {@value #HEADER} header, an HmacSHA256 of the
 * email's Message-ID (truncated to 96 bits) keyed by a key derived from the installation's secret key. The intake
 * takes mail back as its own only with a seal that checks out: the {@code X-Mailroom-Notification} header alone, or a
 * Message-ID on our domain, is what another Mailroom installation (or anyone who copies them) writes too.
 */
@Component
public class OwnMailSeal {

    public static final String HEADER = "X-Mailroom-Seal";
    static final String KEY_PURPOSE = "own-mail-seal";
    private static final int SEAL_BYTES = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKey key;

    public OwnMailSeal(SecretBox secrets) {
        this.key = secrets.derivedKey(KEY_PURPOSE);
    }

    /** The seal for an email with this Message-ID. */
    public String of(String messageId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HEX.formatHex(mac.doFinal(normalized(messageId).getBytes(StandardCharsets.UTF_8)), 0, SEAL_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** True when the seal is the one this installation made for the Message-ID. */
    public boolean checks(String seal, String messageId) {
        if (seal == null || messageId == null) {
            return false;
        }
        return MessageDigest.isEqual(of(messageId).getBytes(StandardCharsets.US_ASCII),
                seal.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String normalized(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }
}
