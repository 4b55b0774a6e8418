package dev.mailroom.incoming.fetch;

import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * The few headers the fetcher records for the audit (the intake parses the whole message later). A message without a
 * Message-ID gets one derived from its content hash, so fetching the same bytes twice yields the same id.
 */
record RawHeaders(String messageId, boolean messageIdGenerated, String from, String recipients, String subject) {

    static final String GENERATED_DOMAIN = "generated.mailroom.invalid";

    static RawHeaders read(InputStream raw, String contentKey) throws MessagingException {
        InternetHeaders headers = new InternetHeaders(raw);
        String messageId = first(headers, "Message-ID");
        boolean generated = messageId == null || messageId.isBlank();
        if (generated) {
            messageId = "<" + contentKey + "@" + GENERATED_DOMAIN + ">";
        }
        return new RawHeaders(messageId.trim(), generated, addresses(headers, "From"),
                addresses(headers, "To", "Cc"), decoded(first(headers, "Subject")));
    }

    /** For a message that could not be read at all. */
    static RawHeaders unknown(String remoteKey, String contentKey) {
        return new RawHeaders("<" + (contentKey != null ? contentKey : remoteKey.replaceAll("[^A-Za-z0-9.:-]", "_"))
                + "@" + GENERATED_DOMAIN + ">", true, null, null, null);
    }

    private static String first(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : value.replaceAll("\\s*\\r?\\n\\s*", " ").trim();
    }

    private static String addresses(InternetHeaders headers, String... names) {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String value = first(headers, name);
            if (value == null) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (address.getAddress() != null) {
                        result.add(address.getAddress());
                    }
                }
            } catch (AddressException e) {
                result.add(decoded(value));
            }
        }
        return result.isEmpty() ? null : String.join(", ", result);
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}
