package dev.mailroom.intake.parse;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the original sender of a forwarded message: in the forwarded header block of the text
 * ("---------- Forwarded message ---------", "Begin forwarded message:", or Outlook's header block under a
 * "Fwd:/WG:/TR:" subject), or else in an attached message when the subject says it is a forward.
 */
final class ForwardDetector {

    private static final Pattern FORWARD_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(\\[[^]]*]\\s*)?(fwd?|wg|tr|rv|enc|doorst|vs|vb|i)\\s*:.*");
    private static final Pattern SUBJECT_KEY = Pattern.compile(
            "(?iu)^(subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne|temat|тема|assunto|aihe|předmět|konu|主题|件名)\\s*[:：]\\s*(.*)");

    private ForwardDetector() {
    }

    static ForwardedMessage detect(String subject, String text, List<ParsedAttachment> attachments) {
        boolean forwardSubject = FORWARD_SUBJECT.matcher(subject).matches();
        List<String> lines = Arrays.asList(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean separator = QuoteMarkers.isForwardSeparator(line)
                    || (forwardSubject && QuoteMarkers.isSeparator(line));
            int block = separator ? nextHeaderBlock(lines, i + 1)
                    : forwardSubject ? QuoteMarkers.headerBlockEnd(lines, i) > 0 ? i : -1 : -1;
            if (block >= 0) {
                ForwardedMessage found = fromHeaderBlock(lines, block);
                if (found != null) {
                    return found;
                }
            }
        }
        if (forwardSubject) {
            for (ParsedAttachment attachment : attachments) {
                EmbeddedMessage embedded = attachment.embeddedMessage();
                if (embedded != null && embedded.from() != null) {
                    return new ForwardedMessage(embedded.from(), embedded.subject(),
                            ForwardedMessage.Source.ATTACHED_MESSAGE);
                }
            }
        }
        return null;
    }

    private static int nextHeaderBlock(List<String> lines, int from) {
        for (int i = from; i < Math.min(lines.size(), from + 4); i++) {
            if (QuoteMarkers.headerBlockEnd(lines, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    private static ForwardedMessage fromHeaderBlock(List<String> lines, int start) {
        int end = QuoteMarkers.headerBlockEnd(lines, start);
        String fromValue = valueOf(QuoteMarkers.content(lines.get(start)));
        String subject = null;
        for (int i = start + 1; i < end; i++) {
            var matcher = SUBJECT_KEY.matcher(QuoteMarkers.content(lines.get(i)));
            if (matcher.matches()) {
                subject = matcher.group(2).strip();
            }
        }
        String cleaned = fromValue.replaceAll("\\[mailto:([^]]+)]", "<$1>");
        List<EmailAddress> from = AddressListParser.parse(cleaned);
        if (from.isEmpty() || !from.get(0).address().contains("@")) {
            return null;
        }
        return new ForwardedMessage(from.get(0), subject, ForwardedMessage.Source.INLINE_TEXT);
    }

    private static String valueOf(String headerLine) {
        int colon = headerLine.indexOf(':');
        int wide = headerLine.indexOf('：');
        int at = colon < 0 ? wide : wide < 0 ? colon : Math.min(colon, wide);
        return at < 0 ? headerLine : headerLine.substring(at + 1).strip();
    }
}
