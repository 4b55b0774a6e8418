package dev.mailroom.spool;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * The few headers the fetcher records for the audit (the intake parses the whole message later). A message without a
 * Message-ID gets one derived from its content hash, so fetching the same bytes twice yields the same id.
 */
public record HeaderSummary(String messageId, boolean messageIdGenerated, String from, String recipients, String subject) {

    public static final String GENERATED_DOMAIN = "generated.mailroom.invalid";
    private static final Pattern FOLDING = Pattern.compile("\\s*\\r?\\n\\s*");
    /** The whole header block whatever its lines' lengths, as Jakarta Mail read it; the server's size limit bounds it. */
    private static final MimeConfig HEADER_BLOCK = MimeConfig.custom()
            .setMaxLineLen(-1).setMaxHeaderCount(-1).setMaxHeaderLen(-1).build();

    /**
     * Reads the header block with mime4j: Jakarta Mail's InternetHeaders looks its stream provider up through the
     * ServiceLoader on every call, which cost more than the rest of storing a small email. A header block that cannot
     * be read to its end keeps what was read before; the intake will report the problems when it parses the email.
     */
    public static HeaderSummary read(InputStream raw, String contentKey) throws IOException {
        List<Field> fields = fields(raw);
        String messageId = first(fields, "Message-ID");
        boolean generated = messageId == null || messageId.isBlank();
        if (generated) {
            messageId = "<" + contentKey + "@" + GENERATED_DOMAIN + ">";
        }
        return new HeaderSummary(messageId.trim(), generated, addresses(fields, "From"),
                addresses(fields, "To", "Cc"), decoded(first(fields, "Subject")));
    }

    /** For a message that could not be read at all. */
    public static HeaderSummary unknown(String remoteKey, String contentKey) {
        return new HeaderSummary("<" + (contentKey != null ? contentKey : remoteKey.replaceAll("[^A-Za-z0-9.:-]", "_"))
                + "@" + GENERATED_DOMAIN + ">", true, null, null, null);
    }

    private static List<Field> fields(InputStream raw) throws IOException {
        List<Field> fields = new ArrayList<>();
        MimeTokenStream tokens = new MimeTokenStream(HEADER_BLOCK);
        tokens.parse(raw);
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_HEADER
                    && state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                if (state == EntityState.T_FIELD) {
                    fields.add(tokens.getField());
                }
            }
        } catch (MimeException e) {
            // lenient parsing raises nothing for malformed fields; what was read stands
        }
        return fields;
    }

    private static String first(List<Field> fields, String name) {
        for (Field field : fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                return FOLDING.matcher(field.getBody()).replaceAll(" ").trim();
            }
        }
        return null;
    }

    private static String addresses(List<Field> fields, String... names) {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String value = first(fields, name);
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
        return value == null ? null : DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }
}
