package dev.mailroom.tickets;

import dev.mailroom.sanitize.MailHtml;

/** A description or conversation body as stored: HTML made safe, and text always present when there is content. */
record SanitizedBody(String text, String html) {

    static SanitizedBody of(String text, String html) {
        String safeHtml = isBlank(html) ? null : MailHtml.sanitize(html);
        if (isBlank(safeHtml)) {
            safeHtml = null;
        }
        String plain = isBlank(text) ? (safeHtml == null ? null : MailHtml.toText(safeHtml)) : text;
        return new SanitizedBody(isBlank(plain) ? null : plain, safeHtml);
    }

    boolean isEmpty() {
        return text == null && html == null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
