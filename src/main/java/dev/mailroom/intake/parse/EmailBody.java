package dev.mailroom.intake.parse;

/**
 * The readable content of a message.
 *
 * @param text          the whole text body; never null (empty when there is none)
 * @param html          the HTML body exactly as sent (unsafe to show), or null when the message has none
 * @param sanitizedHtml {@code html} made safe to show, or null
 * @param newText       what the author wrote in this message: {@code text} without the quoted history and signature
 * @param quotedText    what was cut from {@code text} to get {@code newText} (quote headers, quotes, signature)
 * @param newHtml       sanitized HTML with the quoted history removed where the client marks it, or null
 * @param textOrigin    whether {@code text} is a real text part or derived from the HTML
 */
public record EmailBody(
        String text,
        String html,
        String sanitizedHtml,
        String newText,
        String quotedText,
        String newHtml,
        TextOrigin textOrigin) {

    public EmailBody {
        text = text == null ? "" : text;
        newText = newText == null ? text : newText;
        quotedText = quotedText == null ? "" : quotedText;
    }

    public boolean hasHtml() {
        return html != null;
    }
}
