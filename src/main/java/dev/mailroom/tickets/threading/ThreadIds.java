package dev.mailroom.tickets.threading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

import dev.mailroom.platform.MailIdentity;
import dev.mailroom.secrets.SecretBox;

/**
 * Message-IDs for the mail Mailroom sends, carrying the ticket they belong to:
 * {@code <INC-42.{random}.{signature}@{message-id-domain}>}. The signature is an HmacSHA256 (truncated to 96 bits)
 * over the ticket reference and the random part, keyed by a key derived from the installation's secret key, so a
 * reply that quotes the id can be attached to INC-42 without trusting anything else in it, while an id that was
 * rewritten or made up (to slip mail onto a stranger's ticket) is recognised as forged.
 */
@Component
public class ThreadIds {

    static final String KEY_PURPOSE = "thread-message-ids";
    private static final int RANDOM_BYTES = 8;
    private static final int SIGNATURE_BYTES = 12;
    private static final HexFormat HEX = HexFormat.of();
    /** Display ids never contain a dot (prefixes are letters, digits, _ and -), so the dots separate the parts. */
    private static final Pattern SHAPE = Pattern.compile("<?([A-Za-z][A-Za-z0-9_-]*\\d)\\.([0-9a-f]{"
            + RANDOM_BYTES * 2 + "})\\.([0-9a-fA-F]{" + SIGNATURE_BYTES * 2 + "})@([^<>@\\s]+)>?");

    private final SecretKey key;
    private final String domain;
    private final SecureRandom random = new SecureRandom();

    public ThreadIds(SecretBox secrets, MailIdentity identity) {
        this.key = secrets.derivedKey(KEY_PURPOSE);
        this.domain = identity.messageIdDomain();
    }

    /** A new Message-ID for an email about the ticket {@code displayId}, e.g. {@code <INC-42.1f…@mailroom.local>}. */
    public String generate(String displayId) {
        if (displayId == null || !displayId.matches("[A-Za-z][A-Za-z0-9_-]*\\d")) {
            throw new IllegalArgumentException("not a ticket display id: " + displayId);
        }
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        String randomPart = HEX.formatHex(nonce);
        return "<" + displayId + "." + randomPart + "." + sign(displayId, randomPart) + "@" + domain + ">";
    }

    /** What a Message-ID says about the ticket it belongs to, checked against our domain and signature. */
    public ThreadIdReading read(String messageId) {
        if (messageId == null) {
            return ThreadIdReading.notOurs();
        }
        Matcher id = SHAPE.matcher(messageId.strip());
        if (!id.matches() || !id.group(4).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
            return ThreadIdReading.notOurs();
        }
        String displayId = id.group(1);
        byte[] expected = sign(displayId, id.group(2)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = id.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? ThreadIdReading.signed(displayId) : ThreadIdReading.forged(displayId);
    }

    private String sign(String displayId, String randomPart) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((displayId + "." + randomPart).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(full, 0, SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
