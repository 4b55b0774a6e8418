package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bounce's {@link DeliveryReport}: the per-recipient fields of a {@code message/delivery-status} part, else
 * the {@code X-Failed-Recipients} header (Exim); the returned message's id from {@code text/rfc822-headers}, an
 * attached message, or a {@code Message-ID:} line quoted in the text (the many servers that bounce in plain text).
 */
final class DeliveryReportReader {

    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*>?\\s*message-id\\s*:\\s*(<[^<>\\s]+>)");
    private static final Pattern TYPE_PREFIX = Pattern.compile("^[a-z0-9-]+\\s*;\\s*", Pattern.CASE_INSENSITIVE);

    private DeliveryReportReader() {
    }

    static DeliveryReport read(EmailHeaders headers, List<ReportPart> reports, List<ParsedAttachment> attachments,
            String text) {
        List<RecipientStatus> recipients = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ReportPart report : reports) {
            if (report.mimeType().endsWith("delivery-status")) {
                recipients.addAll(recipientsOf(report.text()));
            } else if (report.mimeType().endsWith("headers")) {
                quotedIds(report.text(), ids);
            }
        }
        attachments.stream()
                .filter(file -> file.embeddedMessage() != null && file.embeddedMessage().messageId() != null)
                .forEach(file -> ids.add(file.embeddedMessage().messageId()));
        quotedIds(text, ids);
        if (recipients.isEmpty()) {
            headers.values("X-Failed-Recipients").stream()
                    .flatMap(value -> List.of(value.split(",")).stream())
                    .map(String::strip)
                    .filter(address -> address.contains("@"))
                    .forEach(address -> recipients.add(new RecipientStatus(address, "failed", null, null)));
        }
        return new DeliveryReport(recipients, List.copyOf(ids));
    }

    /** The per-recipient blocks after the per-message block, folded lines joined. */
    static List<RecipientStatus> recipientsOf(String report) {
        List<RecipientStatus> recipients = new ArrayList<>();
        for (String block : report.replace("\r\n", "\n").split("\n\\s*\n")) {
            Map<String, String> fields = fields(block);
            String address = address(fields.getOrDefault("final-recipient", fields.get("original-recipient")));
            if (address == null) {
                continue;
            }
            String action = fields.get("action");
            String status = fields.get("status");
            if (status != null) {
                status = status.split("\\s+")[0];
            }
            String diagnostic = fields.get("diagnostic-code");
            recipients.add(new RecipientStatus(address, action == null ? null : action.toLowerCase(Locale.ROOT),
                    status, diagnostic == null ? null : TYPE_PREFIX.matcher(diagnostic).replaceFirst("")));
        }
        return recipients;
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        String name = null;
        for (String line : block.split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                fields.merge(name, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            fields.putIfAbsent(name, line.substring(colon + 1).strip());
        }
        return fields;
    }

    private static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = TYPE_PREFIX.matcher(field.strip()).replaceFirst("").strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.contains("@") ? value : null;
    }

    private static void quotedIds(String text, Set<String> ids) {
        if (text == null) {
            return;
        }
        Matcher matcher = MESSAGE_ID_LINE.matcher(text);
        while (matcher.find()) {
            ids.add(MessageIdReader.first(matcher.group(1)));
        }
    }
}
